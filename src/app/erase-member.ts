// A member's right to erasure (India's DPDP Act 2023): everything of theirs in the app's store and file store goes; the
// admin's audit log keeps only that an account was deleted, with counts and no personal data.
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { MemberDataStore } from "../ports/member-data.ts";

export type EraseMemberDeps = { memberData: MemberDataStore; files: FileStore; audit: AuditLog; clock: Clock };

export const ACCOUNT_DELETED = "member.deleted-own-account";

export async function eraseMember(
  deps: EraseMemberDeps,
  member: { id: string; email: string; createdAt: Date },
): Promise<void> {
  const { fileKeys, counts } = await deps.memberData.erase(member.id, member.email);
  // A file that cannot be removed now (read-only disk) is named by no receipt any more: the daily sweep removes it.
  await Promise.allSettled(fileKeys.map((key) => deps.files.delete(key)));
  const joined = new Date(member.createdAt).toISOString().slice(0, 10);
  await deps.audit.record({
    actorId: null,
    action: ACCOUNT_DELETED,
    targetId: null,
    detail:
      `joined ${joined}; erased ${counts.chits ?? 0} chits, ${counts.payments ?? 0} ` +
      `payments, ${fileKeys.length / 2} receipts`,
    at: deps.clock.now(),
  });
}
