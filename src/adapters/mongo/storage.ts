// The production store: MongoDB (Atlas) for every repository, GridFS for receipt files, better-auth's MongoDB adapter.
import { mongodbAdapter } from "better-auth/adapters/mongodb";
import type { Storage } from "../storage.ts";
import { mongoApiTokenRepository } from "./api-token-repository.ts";
import { mongoChitRepository } from "./chit-repository.ts";
import { connectMongo, hostsOf, operationsUnderWay } from "./connect.ts";
import { gridFsFileStore } from "./gridfs-file-store.ts";
import { mongoImportRepository } from "./import-repository.ts";
import { ensureIndexes } from "./indexes.ts";
import { mongoLeaseLock } from "./lease-lock.ts";
import { mongoNotificationRepository } from "./notification-repository.ts";
import { mongoAuditLog, mongoOutboxRepository } from "./outbox-and-audit.ts";
import { mongoPaymentRepository } from "./payment-repository.ts";
import { mongoRateCounter } from "./rate-counter.ts";
import { mongoReminderLog } from "./reminder-log.ts";

const PING_TIMEOUT_MS = 2_000;

export async function openMongoStorage(uri: string, dbName: string | undefined): Promise<Storage> {
  const { client, db } = await connectMongo(uri, dbName);
  const underWay = operationsUnderWay(client);
  await ensureIndexes(db);
  return {
    kind: "mongodb",
    description: `MongoDB at ${hostsOf(uri)}, database ${db.databaseName}`,
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
    mongo: { client, db },
    async clearLedger() {
      for (const name of [
        "receipts",
        "payments",
        "chits",
        "notifications",
        "outbox",
        "audit_log",
        "receipts.files",
        "receipts.chunks",
        "api_tokens",
        "import_previews",
      ]) {
        await db.collection(name).deleteMany({});
      }
      await db.collection("ledger_revisions").updateMany({}, { $inc: { rev: 1 } });
    },
    async ping() {
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
    },
    async close() {
      await underWay.settled(5_000);
      await client.close();
    },
  };
}
