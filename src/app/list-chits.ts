// A member's chits, a page at a time, each with its progress (paid against the total payable, balance, overdue, next
// due): what the chit list page and GET /api/v1/chits both show. The store pages the chits and sums only theirs.
import { z } from "zod";
import { type CalendarDate, todayIn } from "../domain/dates.ts";
import { type ChitCard, summarise } from "../domain/summary.ts";
import type { Chit } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { offsetOf, type PageOf, pageFields, pageOf } from "./paging.ts";
import { paidSoFar } from "./paid-so-far.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";

/** More chits than most members ever hold at once fit on one page. */
export const CHITS_PER_PAGE = 60;

export const chitListQuery = z.object(pageFields(CHITS_PER_PAGE, 500));

export type ChitListEntry = { chit: Chit; progress: ChitCard };
export type ChitList = PageOf<ChitListEntry> & { today: CalendarDate };

export async function listChits(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock">,
  member: Member,
  raw: Record<string, unknown> = {},
): Promise<ChitList> {
  const query = parseInput(chitListQuery, withoutBlanks(raw));
  const today = todayIn(member.timeZone, deps.clock.now());
  const { chits, total } = await deps.chits.page(member.id, offsetOf(query));
  // The charts' monthly sums are not needed for progress, so none are asked for.
  const cards = summarise(chits, await paidSoFar(deps.payments, member.id, chits), [], today).chits;
  const progress = new Map(cards.map((card) => [card.id, card]));
  return {
    ...pageOf(
      chits.map((chit) => ({ chit, progress: progress.get(chit.id)! })),
      total,
      query,
    ),
    today,
  };
}
