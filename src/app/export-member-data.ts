// A member's right to their data (India's DPDP Act 2023): everything of theirs in one portable archive, in the format
// of the app's backups: profile, chits, payments with receipt files, notifications, API tokens (hashes only, never the
// tokens) and account activity. Their password hash and two-factor secret stay out.
import type { AccountActivityLog } from "../ports/account-activity.ts";
import type { ApiTokenRepository } from "../ports/api-token-repository.ts";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveFiles,
  type ArchiveHeader,
  type ArchiveRecord,
} from "../ports/archive-files.ts";
import type { Clock } from "../ports/clock.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { receiptFileRecords } from "./archive-receipt-files.ts";
import type { Origin } from "./create-api-token.ts";

export type MemberExportDeps = {
  archives: ArchiveFiles;
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  apiTokens: ApiTokenRepository;
  activity: AccountActivityLog;
  files: FileStore;
  clock: Clock;
};

const ALL = 10_000_000;

/** Writes the member's archive to `path` and records the export on their activity page; returns what it holds. */
export async function exportMemberData(
  deps: MemberExportDeps,
  member: Member,
  path: string,
  origin: Origin,
): Promise<Record<string, number>> {
  const [chits, payments, notifications, apiTokens, activity] = await Promise.all([
    deps.chits.list(member.id),
    deps.payments.listForOwner(member.id),
    deps.notifications.list(member.id, { limit: ALL }),
    deps.apiTokens.listForOwner(member.id),
    deps.activity.list(member.id, { limit: ALL, offset: 0 }),
  ]);
  const receipts = payments.flatMap((p) => p.receipts);
  const counts = {
    users: 1,
    chits: chits.length,
    payments: payments.length,
    receipts: receipts.length,
    files: receipts.length * 2,
    notifications: notifications.length,
    apiTokens: apiTokens.length,
    activity: activity.events.length,
  };
  const now = deps.clock.now();
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: now.toISOString(),
    app: "chitfunds-ledger",
    counts,
  };
  const { reminders, ...profile } = member;
  async function* records(): AsyncGenerator<ArchiveRecord> {
    yield { type: "user", data: { ...profile, ...reminderFields(reminders) } };
    for (const data of chits) yield { type: "chit", data };
    for (const data of payments) yield { type: "payment", data };
    for (const data of notifications) yield { type: "notification", data };
    for (const data of apiTokens) yield { type: "api-token", data };
    for (const data of activity.events) yield { type: "activity", data };
    yield* receiptFileRecords(deps.files, receipts);
  }
  await deps.archives.write(path, header, records());
  await deps.activity.record({ memberId: member.id, kind: "data-exported", at: now, ...origin, detail: null });
  return counts;
}

/** The user record's own flat reminder fields, as the installation archive keeps them. */
function reminderFields(r: Member["reminders"]) {
  return {
    reminderDays: r.days.join(","),
    reminderOverdue: r.overdue,
    reminderDigest: r.digest,
    reminderChannels: r.channels.join(","),
    ntfyTopic: r.ntfyTopic,
    telegramChatId: r.telegramChatId,
  };
}
