// Picks the store from config: MongoDB when MONGODB_URI is set, else the embedded SQLite default under DATA_DIR.
import type { Db, MongoClient } from "mongodb";
import type { Config } from "../config.ts";
import type { ApiTokenRepository } from "../ports/api-token-repository.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { ImportRepository } from "../ports/import-repository.ts";
import type { LeaseLock } from "../ports/lease-lock.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { StoreObserver } from "../ports/metrics.ts";
import type { OutboxRepository } from "../ports/outbox-repository.ts";
import type { RateCounter } from "../ports/rate-counter.ts";
import type { ReminderLog } from "../ports/reminder-log.ts";
import type { SqliteDatabase } from "./sqlite/database.ts";

export type Storage = {
  kind: "sqlite" | "mongodb";
  description: string;
  /** What better-auth is given as its `database` option. */
  authDatabase: unknown;
  outbox: OutboxRepository;
  audit: AuditLog;
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  files: FileStore;
  apiTokens: ApiTokenRepository;
  imports: ImportRepository;
  reminderLog: ReminderLog;
  leases: LeaseLock;
  rateCounter: RateCounter;
  sqlite?: SqliteDatabase;
  mongo?: { client: MongoClient; db: Db };
  /** Removes every chit, payment, receipt (and file), notification, outbox mail, audit entry, API token and import preview (import --replace). */
  clearLedger(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** `observe` is told of every statement or command sent to the store (metrics). */
export async function openStorage(config: Config, observe?: StoreObserver): Promise<Storage> {
  if (config.mongodbUri) {
    const { openMongoStorage } = await import("./mongo/storage.ts");
    return openMongoStorage(config.mongodbUri, config.mongodbDb, observe);
  }
  const { openSqliteStorage } = await import("./sqlite/storage.ts");
  return openSqliteStorage(config.dataDir, observe);
}
