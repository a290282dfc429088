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
import type { StoreHealth } from "../ports/store-health.ts";
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
  /** What the open store says about itself (problems, storage used) for start-up and the Admin page. */
  health: StoreHealth;
  sqlite?: SqliteDatabase;
  mongo?: { client: MongoClient; db: Db };
  /** Removes every chit, payment, receipt (and file), notification, outbox mail, audit entry, API token and import preview (import --replace). */
  clearLedger(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

const mongoSettings = (config: Config) => ({ uri: config.mongodbUri!, dbName: config.mongodbDb, ...config.mongodb });

/** `observe` is told of every statement or command sent to the store (metrics). */
export async function openStorage(config: Config, observe?: StoreObserver): Promise<Storage> {
  if (config.mongodbUri) {
    const { openMongoStorage } = await import("./mongo/storage.ts");
    return openMongoStorage(mongoSettings(config), observe);
  }
  const { openSqliteStorage } = await import("./sqlite/storage.ts");
  return openSqliteStorage(config.dataDir, observe);
}

/**
 * Checks the configured store without starting the app (`chitfunds doctor`): a store that cannot be reached is a
 * report with that problem, not an error.
 */
export function probeStore(config: Config): StoreHealth {
  if (config.mongodbUri) {
    return {
      async report() {
        const { probeMongo } = await import("./mongo/probe.ts");
        return probeMongo(mongoSettings(config));
      },
    };
  }
  return {
    async report() {
      const { probeSqlite } = await import("./sqlite/sqlite-health.ts");
      return probeSqlite(config.dataDir);
    },
  };
}
