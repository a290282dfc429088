// The production store: MongoDB (Atlas) for every repository, GridFS for receipt files, better-auth's MongoDB adapter.
// Start-up refuses, with the problem named, a server it cannot reach, a standalone server, a user who may not write,
// or an index in the way of ours; storage used is reported against the free tier's limit.
import { mongodbAdapter } from "better-auth/adapters/mongodb";
import type { Db } from "mongodb";
import type { StoreObserver } from "../../ports/metrics.ts";
import { type StoreProblem, StoreRefusedError } from "../../ports/store-health.ts";
import type { Storage } from "../storage.ts";
import { storeCheck } from "../storage-health.ts";
import { mongoAccountActivity } from "./account-activity.ts";
import { mongoApiTokenRepository } from "./api-token-repository.ts";
import { mongoAppSettings } from "./app-settings.ts";
import { mongoChitRepository } from "./chit-repository.ts";
import { connectMongo, describeMongo, type MongoSettings, operationsUnderWay, requireReplicaSet } from "./connect.ts";
import { userOf } from "./connection-problem.ts";
import { gridFsFileStore } from "./gridfs-file-store.ts";
import { mongoIdempotencyStore } from "./idempotency-store.ts";
import { mongoImportRepository } from "./import-repository.ts";
import { ensureIndexes } from "./indexes.ts";
import { mongoLeaseLock } from "./lease-lock.ts";
import { mongoMemberData } from "./member-data.ts";
import { canReadWrite, describeIndex, inspectMongo } from "./mongo-health.ts";
import { mongoNotificationRepository } from "./notification-repository.ts";
import { mongoAuditLog, mongoOutboxRepository } from "./outbox-and-audit.ts";
import { mongoPaymentRepository } from "./payment-repository.ts";
import { fillPaymentTotals } from "./payment-totals.ts";
import { mongoRateCounter } from "./rate-counter.ts";
import { mongoReminderLog } from "./reminder-log.ts";
import { bumpAllRevisions, inTransaction } from "./transaction.ts";

const PING_TIMEOUT_MS = 2_000;

/**
 * What `clearLedger` empties (import --replace): every ledger collection, receipts' GridFS files and chunks included.
 */
export const LEDGER_COLLECTIONS = [
  "receipts",
  "payments",
  "payment_totals",
  "receipt_totals",
  "chits",
  "notifications",
  "outbox",
  "audit_log",
  "receipts.files",
  "receipts.chunks",
  "api_tokens",
  "import_previews",
  "import_preview_parts",
  "idempotency_keys",
  "account_activity",
];

/** Empties the ledger in one transaction: all of it goes, or (on any failure) none of it. */
export async function clearMongoLedger(client: import("mongodb").MongoClient, db: Db): Promise<void> {
  await inTransaction(client, async (session) => {
    for (const name of LEDGER_COLLECTIONS) await db.collection(name).deleteMany({}, { session });
    await bumpAllRevisions(db, session);
  });
}

export async function openMongoStorage(settings: MongoSettings, observe?: StoreObserver): Promise<Storage> {
  const { client, db } = await connectMongo(settings, observe);
  const underWay = operationsUnderWay(client);
  const description = describeMongo(settings, db.databaseName);
  try {
    await requireReplicaSet(settings, db);
    const problems: StoreProblem[] = [];
    if (!(await canReadWrite(db).catch(() => true)))
      problems.push({ code: "mongodb-no-readwrite", user: userOf(settings.uri) ?? "", database: db.databaseName });
    else {
      for (const { wanted } of await ensureIndexes(db))
        problems.push({ code: "index-conflict", wanted: describeIndex(wanted), existing: wanted.collection });
    }
    if (problems.length === 0) await fillPaymentTotals(client, db);
    if (problems.length) throw new StoreRefusedError({ store: "mongodb", description, problems, storage: null });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  const ping = async () => {
    // A lost connection answers within the timeout (503 on /readyz); the driver reconnects by itself afterwards.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("MongoDB did not answer in time")), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([db.command({ ping: 1 }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    kind: "mongodb",
    description,
    authDatabase: mongodbAdapter(db, { client }),
    outbox: mongoOutboxRepository(db),
    audit: mongoAuditLog(db),
    chits: mongoChitRepository(client, db),
    payments: mongoPaymentRepository(client, db),
    notifications: mongoNotificationRepository(db),
    files: gridFsFileStore(db),
    apiTokens: mongoApiTokenRepository(db),
    imports: mongoImportRepository(client, db),
    reminderLog: mongoReminderLog(db),
    leases: mongoLeaseLock(db),
    rateCounter: mongoRateCounter(db),
    idempotency: mongoIdempotencyStore(db),
    activity: mongoAccountActivity(db),
    memberData: mongoMemberData(client, db),
    settings: mongoAppSettings(db),
    mongo: { client, db },
    health: {
      async report() {
        const { problems, storage } = await inspectMongo(db, settings.uri, settings.storageLimitBytes, {
          betterAuthIndexes: false,
        });
        return { store: "mongodb", description, problems, storage };
      },
    },
    clearLedger: () => clearMongoLedger(client, db),
    ping,
    async readiness() {
      // Receipt files live in GridFS in the same database, so one answer covers both; a full Atlas quota shows as
      // write errors (answered 503) and on the Admin page's storage figure.
      const store = await storeCheck(ping);
      return [store, { name: "files", ok: store.ok, detail: store.ok ? "GridFS in the same database" : store.detail }];
    },
    async close() {
      await underWay.settled(5_000);
      await client.close();
    },
  };
}
