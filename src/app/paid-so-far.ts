// What a member has paid on their chits, in no more detail than a schedule needs, computed by the store: sums per
// instalment, or sums per day for chits whose late-payment rules look at when each part was paid. Two store queries
// at most, whatever the number of chits or payments (a page costs what it shows, not the member's history).
import type { ChitTerms } from "../domain/chit.ts";
import type { InstalmentPayment } from "../domain/schedule.ts";
import type { Chit, PaymentRepository } from "../ports/ledger.ts";

/** Lateness (penalty, forfeited dividend) depends on the dates of the payments; otherwise only their sums count. */
export const datesMatter = (terms: ChitTerms) => terms.lateRule !== "none" || terms.lateForfeitsDividend;

/** Per chit id, the rows its schedule takes in place of the payments themselves (same sums, same lateness). */
export async function paidSoFar(
  payments: PaymentRepository,
  ownerId: string,
  chits: readonly Chit[],
): Promise<Map<string, InstalmentPayment[]>> {
  const dated = chits.filter((c) => datesMatter(c.terms)).map((c) => c.id);
  const summed = chits.filter((c) => !datesMatter(c.terms)).map((c) => c.id);
  const [sums, days] = await Promise.all([
    summed.length ? payments.paidByInstalment(ownerId, summed) : [],
    dated.length ? payments.paidByDay(ownerId, dated) : [],
  ]);
  const byChit = new Map<string, InstalmentPayment[]>(chits.map((c) => [c.id, []]));
  for (const s of sums)
    byChit.get(s.chitId)?.push({ instalment: s.instalment, amount: s.amount, paidOn: s.lastPaidOn });
  for (const d of days) byChit.get(d.chitId)?.push({ instalment: d.instalment, amount: d.amount, paidOn: d.paidOn });
  return byChit;
}
