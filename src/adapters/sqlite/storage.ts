// The embedded default store: one SQLite file under DATA_DIR holding better-auth's tables and the app's own.
import type { AuditLog } from "../../ports/audit-log.ts";
import type { OutboxRepository } from "../../ports/outbox-repository.ts";
import { sqliteAuditLog } from "./audit-log.ts";
import { migrate, openDatabase, type SqliteDatabase } from "./database.ts";
import { sqliteOutboxRepository } from "./outbox-repository.ts";

export type SqliteStorage = {
  kind: "sqlite";
  db: SqliteDatabase;
  outbox: OutboxRepository;
  audit: AuditLog;
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
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
