// The embedded default store: one SQLite file under DATA_DIR holding better-auth's tables and the app's own.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { StoreObserver } from "../../ports/metrics.ts";
import { localFileStore } from "../files/local-file-store.ts";
import type { Storage } from "../storage.ts";
import { folderWritableCheck, freeSpaceCheck, storeCheck } from "../storage-health.ts";
import { sqliteAccountActivity } from "./account-activity.ts";
import { sqliteApiTokenRepository } from "./api-token-repository.ts";
import { sqliteAppSettings } from "./app-settings.ts";
import { sqliteAuditLog } from "./audit-log.ts";
import { sqliteChitRepository } from "./chit-repository.ts";
import { migrate, openDatabase } from "./database.ts";
import { sqliteIdempotencyStore } from "./idempotency-store.ts";
import { sqliteImportRepository } from "./import-repository.ts";
import { sqliteLeaseLock } from "./lease-lock.ts";
import { sqliteMemberData } from "./member-data.ts";
import { sqliteNotificationRepository } from "./notification-repository.ts";
import { observeDatabase } from "./observed-database.ts";
import { sqliteOutboxRepository } from "./outbox-repository.ts";
import { sqlitePaymentRepository } from "./payment-repository.ts";
import { sqliteRateCounter } from "./rate-counter.ts";
import { sqliteReminderLog } from "./reminder-log.ts";
import { describeSqlite, probeSqlite } from "./sqlite-health.ts";

export function openSqliteStorage(
  dataDir: string,
  observe?: StoreObserver,
  options: { setAsideDamaged?: boolean } = {},
): Storage {
  const db = openDatabase(dataDir, options);
  migrate(db);
  if (observe) observeDatabase(db, observe);
  return {
    kind: "sqlite",
    description: describeSqlite(dataDir),
    authDatabase: db,
    sqlite: db,
    outbox: sqliteOutboxRepository(db),
    audit: sqliteAuditLog(db),
    chits: sqliteChitRepository(db),
    payments: sqlitePaymentRepository(db),
    notifications: sqliteNotificationRepository(db),
    files: localFileStore(join(dataDir, "files")),
    apiTokens: sqliteApiTokenRepository(db),
    imports: sqliteImportRepository(db),
    reminderLog: sqliteReminderLog(db),
    leases: sqliteLeaseLock(db),
    rateCounter: sqliteRateCounter(db),
    idempotency: sqliteIdempotencyStore(db),
    activity: sqliteAccountActivity(db),
    memberData: sqliteMemberData(db),
    settings: sqliteAppSettings(db),
    health: { report: () => probeSqlite(dataDir) },
    async clearLedger() {
      db.exec(
        "BEGIN; DELETE FROM chits; DELETE FROM payment_totals; DELETE FROM receipt_totals; " +
          "DELETE FROM notifications; DELETE FROM outbox; DELETE FROM audit_log; DELETE FROM " +
          "api_tokens; DELETE FROM import_previews; DELETE FROM idempotency_keys; DELETE FROM " +
          "account_activity; COMMIT;",
      );
      await rm(join(dataDir, "files"), { recursive: true, force: true });
    },
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async readiness(minFreeBytes) {
      return Promise.all([
        storeCheck(async () => {
          db.prepare("SELECT 1").get();
        }),
        folderWritableCheck(join(dataDir, "files")),
        freeSpaceCheck(dataDir, minFreeBytes),
      ]);
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
