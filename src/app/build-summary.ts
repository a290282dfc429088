// The dashboard's and GET /api/v1/summary's use case: the member's summary on their own today (domain/summary.ts), kept
// in an injected cache while the ledger's revision and the day stay the same. A read: it never writes (overdue notices
// come from the reminder job).
import { todayIn } from "../domain/dates.ts";
import { chartStart, type Summary, summarise } from "../domain/summary.ts";
import type { Cache } from "../ports/cache.ts";
import type { Chit } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { paidSoFar } from "./paid-so-far.ts";

/** The member's chits and their summary on `today`, from four store queries whatever the size of the ledger. */
export async function summaryOn(
  deps: Pick<LedgerDeps, "chits" | "payments">,
  ownerId: string,
  today: string,
): Promise<{ chits: Chit[]; summary: Summary }> {
  const [chits, paidMonths] = await Promise.all([
    deps.chits.list(ownerId),
    deps.payments.paidByMonth(ownerId, chartStart(today)),
  ]);
  return { chits, summary: summarise(chits, await paidSoFar(deps.payments, ownerId, chits), paidMonths, today) };
}

/** A summary as last built for a member: good while the ledger's revision and the member's today are unchanged. */
export type CachedSummary = { revision: number; today: string; summary: Summary };

/**
 * The revision is read from the store on every call, so an instance never serves a summary another instance has made
 * stale; the cache is the instance's own (compose.ts makes it), bounded in size.
 */
export async function buildSummary(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock"> & { summaries: Cache<CachedSummary> },
  member: Member,
): Promise<Summary> {
  const today = todayIn(member.timeZone, deps.clock.now());
  const revision = await deps.chits.revision(member.id);
  const key = `${member.id}:${member.timeZone}`;
  const hit = deps.summaries.get(key);
  if (hit && hit.revision === revision && hit.today === today) return hit.summary;
  const { summary } = await summaryOn(deps, member.id, today);
  deps.summaries.set(key, { revision, today, summary });
  return summary;
}
