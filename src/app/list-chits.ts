// A member's chits, each with its progress (paid against the total payable, balance, overdue, next due): what the chit
// list page and GET /api/v1/chits both show. The store is asked here and nowhere else for this list, and only for sums.
import { type CalendarDate, todayIn } from "../domain/dates.ts";
import type { ChitCard } from "../domain/summary.ts";
import type { Chit } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { summaryOn } from "./build-summary.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

export type ChitListEntry = { chit: Chit; progress: ChitCard };
export type ChitList = { today: CalendarDate; chits: ChitListEntry[] };

export async function listChits(deps: Pick<LedgerDeps, "chits" | "payments" | "clock">, member: Member): Promise<ChitList> {
  const today = todayIn(member.timeZone, deps.clock.now());
  const { chits, summary } = await summaryOn(deps, member.id, today);
  const progress = new Map(summary.chits.map((card) => [card.id, card]));
  return { today, chits: chits.map((chit) => ({ chit, progress: progress.get(chit.id)! })) };
}
