// The member's time zone, or the default one when the stored one is not a zone this runtime knows.
import { zoneOrDefault } from "../domain/dates.ts";
import type { Member } from "../ports/member-repository.ts";

export function memberZone(member: Pick<Member, "timeZone">): string {
  return zoneOrDefault(member.timeZone);
}
