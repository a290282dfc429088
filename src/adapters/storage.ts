// What a store gives the app: every repository over one database (SQLite or MongoDB); compose.ts picks which.
import type { Db, MongoClient } from "mongodb";
import type { AccountActivityLog } from "../ports/account-activity.ts";
import type { ApiTokenRepository } from "../ports/api-token-repository.ts";
import type { AppSettings } from "../ports/app-settings.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { IdempotencyStore } from "../ports/idempotency-store.ts";
import type { ImportRepository } from "../ports/import-repository.ts";
import type { LeaseLock } from "../ports/lease-lock.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { MemberDataStore } from "../ports/member-data.ts";
import type { OutboxRepository } from "../ports/outbox-repository.ts";
import type { RateCounter } from "../ports/rate-counter.ts";
import type { HealthCheck } from "../ports/readiness.ts";
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
  idempotency: IdempotencyStore;
  activity: AccountActivityLog;
  memberData: MemberDataStore;
  settings: AppSettings;
  /** What the open store says about itself (problems, storage used) for start-up and the Admin page. */
  health: StoreHealth;
  sqlite?: SqliteDatabase;
  mongo?: { client: MongoClient; db: Db };
  /**
   * Removes every chit, payment, receipt (and file), notification, outbox mail, audit entry, API token and import
   * preview (import --replace).
   */
  clearLedger(): Promise<void>;
  ping(): Promise<void>;
  /** What /readyz reports: the store, the receipt files and (on a local disk) free space, each with its reason. */
  readiness(minFreeBytes: number): Promise<HealthCheck[]>;
  close(): Promise<void>;
};
