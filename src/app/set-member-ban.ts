// The admin bans a member (ends their sessions, blocks sign-in) or lifts the ban.
import { words } from "../i18n/words.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import { findMember } from "./approve-member.ts";
import { badInput } from "./errors.ts";

export async function setMemberBan(
  deps: { members: MemberRepository; audit: AuditLog; clock: Clock },
  who: string,
  ban: { banned: boolean; reason?: string | null },
  actorId: string | null,
): Promise<Member> {
  const member = await findMember(deps.members, who);
  if (ban.banned && member.id === actorId) throw badInput({}, words("errors.cannotBanSelf"));
  const reason = ban.banned ? ban.reason?.trim().slice(0, 500) || null : null;
  const updated = await deps.members.update(member.id, { banned: ban.banned, banReason: reason });
  if (ban.banned) await deps.members.revokeSessions(member.id);
  await deps.audit.record({
    actorId,
    action: ban.banned ? "member.banned" : "member.unbanned",
    targetId: member.id,
    detail: reason ?? undefined,
    at: deps.clock.now(),
  });
  return updated;
}
