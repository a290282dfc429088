// The admin approves a waiting (or earlier rejected) member; the member is told by mail.
import { words } from "../i18n/words.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import { AppError } from "./errors.ts";
import { supportedLocale } from "./locale.ts";
import { approvedMail } from "./mail-templates.ts";
import type { NotificationSink } from "./notify.ts";

export type ApprovalDeps = {
  members: MemberRepository;
  mailer: Mailer;
  audit: AuditLog;
  clock: Clock;
  notify: NotificationSink;
  baseUrl: string;
};

/** `who` is a member id or an email address (the CLI passes emails). */
export async function findMember(members: MemberRepository, who: string): Promise<Member> {
  const member = who.includes("@") ? await members.findByEmail(who) : await members.findById(who);
  if (!member)
    throw new AppError(404, "not-found", `A member with ${who.includes("@") ? "email" : "id"} ${who} was not found.`);
  return member;
}

export async function approveMember(deps: ApprovalDeps, who: string, actorId: string | null): Promise<Member> {
  const member = await findMember(deps.members, who);
  if (!member.emailVerified) {
    throw new AppError(
      409,
      "email-not-confirmed",
      `${member.email} has not confirmed their email yet; approve after they enter their code.`,
    );
  }
  if (member.status === "approved") return member;
  const updated = await deps.members.update(member.id, { status: "approved", statusReason: null });
  await deps.audit.record({ actorId, action: "member.approved", targetId: member.id, at: deps.clock.now() });
  await deps.mailer.send(
    approvedMail(member.email, member.name, `${deps.baseUrl}/login`, supportedLocale(member.locale)),
  );
  await deps.notify(member.id, "approval", words("notifications.says.approved"));
  return updated;
}
