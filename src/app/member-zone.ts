// The member's time zone, or Asia/Kolkata when the stored one is not a zone this runtime knows.
import { isTimeZone } from "../domain/dates.ts";
import type { Member } from "../ports/member-repository.ts";

export const DEFAULT_TIME_ZONE = "Asia/Kolkata";

export function memberZone(member: Pick<Member, "timeZone">): string {
  return isTimeZone(member.timeZone) ? member.timeZone : DEFAULT_TIME_ZONE;
}
