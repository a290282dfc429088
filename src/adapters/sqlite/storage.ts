// The embedded default store: one SQLite file under DATA_DIR holding better-auth's tables and the app's own.
import { join } from "node:path";
import type { AuditLog } from "../../ports/audit-log.ts";
import type { FileStore } from "../../ports/file-store.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../../ports/ledger.ts";
import type { OutboxRepository } from "../../ports/outbox-repository.ts";
import { localFileStore } from "../files/local-file-store.ts";
import { sqliteAuditLog } from "./audit-log.ts";
import { sqliteChitRepository } from "./chit-repository.ts";
import { sqliteNotificationRepository } from "./notification-repository.ts";
import { sqlitePaymentRepository } from "./payment-repository.ts";
import { migrate, openDatabase, type SqliteDatabase } from "./database.ts";
import { sqliteOutboxRepository } from "./outbox-repository.ts";

export type SqliteStorage = {
  kind: "sqlite";
  db: SqliteDatabase;
  outbox: OutboxRepository;
  audit: AuditLog;
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  files: FileStore;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export function openSqliteStorage(dataDir: string): SqliteStorage {
  const db = openDatabase(dataDir);
  migrate(db);
  return {
    kind: "sqlite",
    db,
    outbox: sqliteOutboxRepository(db),
    audit: sqliteAuditLog(db),
    chits: sqliteChitRepository(db),
    payments: sqlitePaymentRepository(db),
    notifications: sqliteNotificationRepository(db),
    files: localFileStore(join(dataDir, "files")),
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
