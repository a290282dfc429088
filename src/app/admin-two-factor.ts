// The admin may require two-factor sign-in for every administrator: until one sets it up, the admin pages (and
// better-auth's admin endpoints) send them to Settings > Security instead.
import type { AppSettings } from "../ports/app-settings.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { Member } from "../ports/member-repository.ts";

const SETTING = "require-admin-two-factor";

export async function adminTwoFactorRequired(settings: AppSettings): Promise<boolean> {
  return (await settings.get(SETTING)) === "true";
}

/** True when this member is an admin who must set up two-factor sign-in before using admin powers. */
export async function mustSetUpTwoFactor(
  settings: AppSettings,
  member: Pick<Member, "role" | "twoFactorEnabled">,
): Promise<boolean> {
  return member.role === "admin" && !member.twoFactorEnabled && (await adminTwoFactorRequired(settings));
}

export async function setAdminTwoFactorRequired(
  deps: { settings: AppSettings; audit: AuditLog; clock: Clock },
  actorId: string,
  required: boolean,
): Promise<void> {
  await deps.settings.set(SETTING, required ? "true" : null);
  await deps.audit.record({
    actorId,
    action: required ? "admins.two-factor-required" : "admins.two-factor-optional",
    targetId: null,
    at: deps.clock.now(),
  });
}
