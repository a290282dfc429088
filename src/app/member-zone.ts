// The member's time zone, or Asia/Kolkata when the stored one is not a zone this runtime knows.
import type { Member } from "../ports/member-repository.ts";

export const DEFAULT_TIME_ZONE = "Asia/Kolkata";

export function memberZone(member: Pick<Member, "timeZone">): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: member.timeZone });
    return member.timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
