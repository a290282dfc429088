// The member's private calendar feed: its URL, and the open instalments it lists.
//
// The URL holds the member's id and an HMAC of (id, rotation counter) under a key derived from AUTH_SECRET. So nothing
// secret is stored (a copy of the database does not reveal feed URLs), the settings page can show the same URL again
// (it is recomputed), and rotating (counter + 1) changes the HMAC, which revokes the old URL at once.
import { createHmac, timingSafeEqual } from "node:crypto";
import { todayIn } from "../domain/dates.ts";
import type { Clock } from "../ports/clock.ts";
import type { ChitRepository, PaymentRepository } from "../ports/ledger.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import { type InstalmentDue, loadInstalments } from "./instalments-across-chits.ts";
import { memberZone } from "./member-zone.ts";

export type CalendarFeedDeps = {
  members: MemberRepository;
  chits: ChitRepository;
  payments: PaymentRepository;
  clock: Clock;
  baseUrl: string;
  /** A key for feed URLs only, derived from AUTH_SECRET. */
  feedKey: string;
};

/** Derives the feed key from the app's secret, so the secret itself never signs anything else. */
export function calendarFeedKey(authSecret: string): string {
  return createHmac("sha256", authSecret).update("chitfunds calendar feed v1").digest("base64url");
}

function signature(feedKey: string, memberId: string, version: number): string {
  return createHmac("sha256", feedKey).update(`${memberId}:${version}`).digest("base64url");
}

/** The feed's URL for the member's current version, or null before they first ask for one. */
export function calendarFeedUrl(deps: Pick<CalendarFeedDeps, "baseUrl" | "feedKey">, member: Member): string | null {
  if (member.calendarFeedVersion < 1) return null;
  const signed = signature(deps.feedKey, member.id, member.calendarFeedVersion);
  return `${deps.baseUrl}/api/v1/calendar/${member.id}.${signed}.ics`;
}

/** The feed URL, made on first use. */
export async function ensureCalendarFeed(deps: CalendarFeedDeps, member: Member): Promise<string> {
  const existing = calendarFeedUrl(deps, member);
  if (existing) return existing;
  const updated = await deps.members.update(member.id, { calendarFeedVersion: 1 });
  return calendarFeedUrl(deps, updated)!;
}

export type CalendarFeed = { member: Member; today: string; instalments: InstalmentDue[] };

/**
 * The feed a secret (the URL's last part without ".ics") opens, or null: unknown member, wrong or revoked signature,
 * no feed yet, or a member who may not use the app (pending, rejected, banned).
 */
export async function openCalendarFeed(deps: CalendarFeedDeps, secret: string): Promise<CalendarFeed | null> {
  const dot = secret.lastIndexOf(".");
  if (dot < 1) return null;
  const memberId = secret.slice(0, dot);
  const given = Buffer.from(secret.slice(dot + 1));
  const member = await deps.members.findById(memberId);
  if (!member || member.calendarFeedVersion < 1 || member.status !== "approved" || member.banned) return null;
  const expected = Buffer.from(signature(deps.feedKey, member.id, member.calendarFeedVersion));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const today = todayIn(memberZone(member), deps.clock.now());
  const instalments = (await loadInstalments(deps, member.id, today)).filter((i) => i.balance > 0);
  return { member, today, instalments };
}
