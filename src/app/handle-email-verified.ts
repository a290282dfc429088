// What happens once a member confirms their email: ADMIN_EMAIL becomes admin, email mode approves, admin mode waits.
import { words } from "../i18n/words.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { MemberRepository } from "../ports/member-repository.ts";
import { supportedLocale } from "./locale.ts";
import { pendingMemberMail } from "./mail-templates.ts";
import type { NotificationSink } from "./notify.ts";

export type EmailVerifiedDeps = {
  members: MemberRepository;
  mailer: Mailer;
  audit: AuditLog;
  clock: Clock;
  notify: NotificationSink;
  approvalMode: "admin" | "email";
  adminEmail: string | undefined;
  baseUrl: string;
};

export async function handleEmailVerified(deps: EmailVerifiedDeps, memberId: string): Promise<void> {
  const member = await deps.members.findById(memberId);
  if (member?.status !== "pending") return;
  const at = deps.clock.now();
  if (deps.adminEmail && member.email === deps.adminEmail) {
    await deps.members.update(member.id, { role: "admin", status: "approved" });
    await deps.audit.record({ actorId: null, action: "member.made-admin-by-admin-email", targetId: member.id, at });
    return;
  }
  if (deps.approvalMode === "email") {
    await deps.members.update(member.id, { status: "approved" });
    await deps.audit.record({ actorId: null, action: "member.approved-by-email-code", targetId: member.id, at });
    await deps.notify(member.id, "approval", words("notifications.says.ready"));
    return;
  }
  const admins = await deps.members.listAdmins();
  const adminUrl = `${deps.baseUrl}/admin`;
  await Promise.all(
    admins.map((a) => deps.mailer.send(pendingMemberMail(a.email, member, adminUrl, supportedLocale(a.locale)))),
  );
}
