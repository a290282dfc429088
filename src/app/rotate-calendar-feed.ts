// A member replaces their calendar feed URL: the old one stops working at once (404), the new one is returned.
import type { Member } from "../ports/member-repository.ts";
import { type CalendarFeedDeps, calendarFeedUrl } from "./calendar-feed.ts";

export async function rotateCalendarFeed(deps: CalendarFeedDeps, member: Member): Promise<string> {
  const current = (await deps.members.findById(member.id))?.calendarFeedVersion ?? member.calendarFeedVersion;
  const updated = await deps.members.update(member.id, { calendarFeedVersion: current + 1 });
  return calendarFeedUrl(deps, updated)!;
}
