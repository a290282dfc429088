// The admin rejects a member, with an optional reason that the member receives by mail.
import { words } from "../i18n/words.ts";
import type { Member } from "../ports/member-repository.ts";
import { type ApprovalDeps, findMember } from "./approve-member.ts";
import { badInput } from "./errors.ts";
import { supportedLocale } from "./locale.ts";
import { rejectedMail } from "./mail-templates.ts";

export async function rejectMember(
  deps: ApprovalDeps,
  who: string,
  reason: string | null,
  actorId: string | null,
): Promise<Member> {
  const cleanReason = reason?.trim() || null;
  if (cleanReason && cleanReason.length > 500) throw badInput({ reason: words("errors.rejectReasonLong") });
  const member = await findMember(deps.members, who);
  if (member.role === "admin")
    throw badInput({ email: words("errors.adminNotRejected") }, words("errors.adminNotRejected"));
  const updated = await deps.members.update(member.id, { status: "rejected", statusReason: cleanReason });
  await deps.members.revokeSessions(member.id);
  await deps.audit.record({
    actorId,
    action: "member.rejected",
    targetId: member.id,
    detail: cleanReason ?? undefined,
    at: deps.clock.now(),
  });
  await deps.mailer.send(rejectedMail(member.email, member.name, cleanReason, supportedLocale(member.locale)));
  return updated;
}
