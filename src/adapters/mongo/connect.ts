// Connects to MongoDB (Atlas or any replica set) and fails fast with a message that names the host, never the password.
import { type Db, MongoClient } from "mongodb";

export const SERVER_SELECTION_TIMEOUT_MS = 10_000;

/** The host part of a MongoDB URI with any user name and password removed. */
export function hostsOf(uri: string): string {
  return /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri)?.[1] ?? "(unparseable MONGODB_URI)";
}

/** Removes credentials from any text that might quote the URI (driver errors sometimes do). */
export function redact(text: string, uri: string): string {
  const credentials = /^mongodb(?:\+srv)?:\/\/([^@/]*)@/.exec(uri)?.[1];
  let out = text.replace(/(mongodb(?:\+srv)?:\/\/)[^@/\s]*@/g, "$1***@");
  if (credentials) {
    for (const part of credentials.split(":")) if (part.length >= 3) out = out.split(part).join("***");
  }
  return out;
}

export class MongoUnavailableError extends Error {}

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

export async function connectMongo(uri: string, dbName: string | undefined): Promise<{ client: MongoClient; db: Db }> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS, appName: "chitfunds-ledger" });
  try {
    await client.connect();
    const db = client.db(dbName || undefined);
    await db.command({ ping: 1 });
    return { client, db };
  } catch (error) {
    await client.close().catch(() => {});
    const reason = redact(error instanceof Error ? error.message : String(error), uri);
    throw new MongoUnavailableError(
      `Cannot reach MongoDB at ${hostsOf(uri)} within ${SERVER_SELECTION_TIMEOUT_MS / 1000} s: ${reason}\n` +
        "Check MONGODB_URI (host, database user and password), that the cluster is running, and that this machine's IP address is on the Atlas network access list.",
    );
  }
}
