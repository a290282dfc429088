// Connects to MongoDB (Atlas or any replica set) with the pool and time limits a free cluster needs, and refuses, with
// the problem named, when it cannot be reached or is not a replica set. Never quotes the password.
import { type Db, MongoClient, type MongoClientOptions } from "mongodb";
import type { StoreObserver } from "../../ports/metrics.ts";
import { StoreRefusedError, type StoreReport } from "../../ports/store-health.ts";
import { connectionProblem, hostsOf } from "./connection-problem.ts";
import { isReplicaSet } from "./mongo-health.ts";

export type MongoSettings = {
  uri: string;
  dbName: string | undefined;
  /** Connections this instance may hold (MONGODB_MAX_POOL_SIZE); Atlas M0 allows 500 for all instances together. */
  maxPoolSize: number;
  /** How long one operation may wait for a server, a connection or an answer (MONGODB_TIMEOUT_SECONDS). */
  timeoutMs: number;
  /** The storage limit checked at start-up, by doctor and on the Admin page (MONGODB_STORAGE_LIMIT_MB), or null. */
  storageLimitBytes: number | null;
};

/** The driver's options: a bounded pool, and no request waiting for minutes during a failover or on a dead socket. */
export function clientOptions(s: Pick<MongoSettings, "maxPoolSize" | "timeoutMs">): MongoClientOptions {
  return {
    appName: "chitfunds-ledger",
    maxPoolSize: s.maxPoolSize,
    minPoolSize: 0,
    maxIdleTimeMS: 60_000, // idle connections go back, so sleeping instances do not hold the cluster's connection cap
    serverSelectionTimeoutMS: s.timeoutMs, // a failover elects a new primary in ~10 s; longer than this is an outage
    waitQueueTimeoutMS: s.timeoutMs, // every pooled connection busy: wait this long for one, then fail
    connectTimeoutMS: s.timeoutMs,
    socketTimeoutMS: s.timeoutMs * 2, // an answer that never comes (a dead primary) fails instead of hanging
    retryWrites: true,
    retryReads: true,
    ignoreUndefined: true, // a field left undefined is not stored as null: absent stays absent, as in SQLite
  };
}

/** Where the data is, without words of any language (it is shown inside translated sentences): host(s)/database. */
export const describeMongo = (s: Pick<MongoSettings, "uri">, db: string) => `MongoDB (${hostsOf(s.uri)}/${db})`;

/**
 * Connects and pings; a failure becomes a StoreRefusedError that names the problem (DNS, auth, refused, unreachable).
 */
/** `observe` is told of every command (find, aggregate, insert...) and its duration: the store metrics. */
export async function connectMongo(
  s: MongoSettings,
  observe?: StoreObserver,
): Promise<{ client: MongoClient; db: Db }> {
  const refused = (report: Omit<StoreReport, "store" | "storage">): never => {
    throw new StoreRefusedError({ store: "mongodb", storage: null, ...report });
  };
  let client: MongoClient;
  try {
    client = new MongoClient(s.uri, { ...clientOptions(s), monitorCommands: observe !== undefined });
  } catch (error) {
    return refused({
      description: describeMongo(s, s.dbName ?? "?"),
      problems: [connectionProblem(error, s.uri, s.timeoutMs / 1000)],
    });
  }
  if (observe) {
    client.on("commandSucceeded", (event) => observe(event.commandName, event.duration / 1000, false));
    client.on("commandFailed", (event) => observe(event.commandName, event.duration / 1000, true));
  }
  try {
    await client.connect();
    const db = client.db(s.dbName || undefined);
    await db.command({ ping: 1 });
    return { client, db };
  } catch (error) {
    await client.close().catch(() => {});
    return refused({
      description: describeMongo(s, s.dbName ?? "?"),
      problems: [connectionProblem(error, s.uri, s.timeoutMs / 1000)],
    });
  }
}

/** Refuses a standalone server: transactions, and so every write of this app, need a replica set. */
export async function requireReplicaSet(s: MongoSettings, db: Db): Promise<void> {
  if (!(await isReplicaSet(db))) {
    throw new StoreRefusedError({
      store: "mongodb",
      description: describeMongo(s, db.databaseName),
      problems: [{ code: "mongodb-not-replica-set", host: hostsOf(s.uri) }],
      storage: null,
    });
  }
}

/**
 * Counts operations under way (connections checked out of the pool), so that closing can first let them finish:
 * better-auth starts building its indexes in the background when it starts, and a short-lived process (a `chitfunds`
 * command) would otherwise close the client under them.
 */
export function operationsUnderWay(client: MongoClient): { settled(limitMs: number): Promise<void> } {
  let busy = 0;
  client.on("connectionCheckOutStarted", () => {
    busy += 1;
  });
  client.on("connectionCheckOutFailed", () => {
    busy -= 1;
  });
  client.on("connectionCheckedIn", () => {
    busy -= 1;
  });
  return {
    async settled(limitMs) {
      const until = Date.now() + limitMs;
      do await new Promise((resolve) => setTimeout(resolve, 5));
      while (busy > 0 && Date.now() < until);
    },
  };
}
