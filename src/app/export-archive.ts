// Writes the whole installation (members, logins, chits, payments, receipts and their files, notifications, outbox,
// audit log) into one portable archive: `chitfunds export`, and the scheduled backups.
import type { AccountActivityLog } from "../ports/account-activity.ts";
import type { AccountArchive } from "../ports/account-archive.ts";
import type { ApiTokenRepository } from "../ports/api-token-repository.ts";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveFiles,
  type ArchiveHeader,
  type ArchiveRecord,
} from "../ports/archive-files.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { OutboxRepository } from "../ports/outbox-repository.ts";
import { receiptFileRecords } from "./archive-receipt-files.ts";

export type ArchiveDeps = {
  /** Where archives are written and read. */
  archives: ArchiveFiles;
  accounts: AccountArchive;
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  outbox: OutboxRepository;
  audit: AuditLog;
  files: FileStore;
  clock: Clock;
  /** Members' API tokens (hashes only); optional so older callers still work. */
  apiTokens?: ApiTokenRepository;
  /** Members' account activity; optional so older callers still work. */
  activity?: AccountActivityLog;
};

const ALL = 10_000_000;

export async function exportArchive(deps: ArchiveDeps, path: string): Promise<Record<string, number>> {
  const { users, accounts } = await deps.accounts.exportAll();
  const perUser = await Promise.all(
    users.map(async (u) => {
      const id = String(u.id);
      const [chits, payments, notifications, apiTokens, activity] = await Promise.all([
        deps.chits.list(id),
        deps.payments.listForOwner(id),
        deps.notifications.list(id, { limit: ALL }),
        deps.apiTokens?.listForOwner(id) ?? [],
        deps.activity?.list(id, { limit: ALL, offset: 0 }) ?? { events: [] },
      ]);
      return { chits, payments, notifications, apiTokens, activity: activity.events };
    }),
  );
  const outbox = (await deps.outbox.list({ limit: ALL, offset: 0 })).entries;
  const audit = await deps.audit.list({ limit: ALL });
  const receipts = perUser.flatMap((u) => u.payments.flatMap((p) => p.receipts));
  const counts = {
    users: users.length,
    accounts: accounts.length,
    chits: perUser.reduce((n, u) => n + u.chits.length, 0),
    payments: perUser.reduce((n, u) => n + u.payments.length, 0),
    receipts: receipts.length,
    files: receipts.length * 2,
    notifications: perUser.reduce((n, u) => n + u.notifications.length, 0),
    apiTokens: perUser.reduce((n, u) => n + u.apiTokens.length, 0),
    activity: perUser.reduce((n, u) => n + u.activity.length, 0),
    outbox: outbox.length,
    audit: audit.length,
  };
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: deps.clock.now().toISOString(),
    app: "chitfunds-ledger",
    counts,
  };
  async function* records(): AsyncGenerator<ArchiveRecord> {
    for (const data of users) yield { type: "user", data };
    for (const data of accounts) yield { type: "account", data };
    for (const u of perUser) {
      for (const data of u.chits) yield { type: "chit", data };
      for (const data of u.payments) yield { type: "payment", data };
      for (const data of u.notifications) yield { type: "notification", data };
      for (const data of u.apiTokens) yield { type: "api-token", data };
      for (const data of u.activity) yield { type: "activity", data };
    }
    yield* receiptFileRecords(deps.files, receipts);
    for (const data of outbox) yield { type: "outbox", data };
    for (const data of audit) yield { type: "audit", data };
  }
  await deps.archives.write(path, header, records());
  return counts;
}
