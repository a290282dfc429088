// "Should I bid this month, and up to what discount?" for one of the member's chits: GET /api/v1/chits/{id}/bid-advice
// and the chit page's "Thinking of bidding this month?" section share this use case.

import { z } from "zod";
import { adviseBid, type BidAdvice } from "../domain/bid-advice.ts";
import { isForemanInstalment, validateDiscount } from "../domain/chit.ts";
import { todayIn } from "../domain/dates.ts";
import { PROJECTION_ASSUMPTIONS } from "../domain/member-flows.ts";
import { words, wordsMessage } from "../i18n/words.ts";
import type { Member } from "../ports/member-repository.ts";
import { chitReportQuery } from "./build-chit-report.ts";
import { AppError, badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { fieldLabel, rupees } from "./ledger-input.ts";
import { parseInput } from "./parse-input.ts";
import { problemWords } from "./problem-words.ts";

export type { BidAdvice } from "../domain/bid-advice.ts";

/**
 * The instalment and discount to advise on, with the benchmark as on the chit page. The projection defaults to the
 * average of the discounts so far, not to "no more dividends": whether to bid now is a comparison with waiting, and
 * assuming nobody will ever bid above the floor again makes waiting worthless and every bid look dear (with no auction
 * recorded yet the two assumptions are the same).
 */
export const bidAdviceQuery = chitReportQuery.extend({
  assumption: z
    .enum(PROJECTION_ASSUMPTIONS, { message: "Assumption is no-more-dividends or average-discount." })
    .default("average-discount")
    .meta({
      description:
        "How auctions not held yet are projected: average-discount (default: the average of " +
        "the discounts so far) or no-more-dividends.",
    }),
  instalment: z.coerce
    .number({ message: wordsMessage("input.wholeNumber", { label: fieldLabel("instalment") }) })
    .int(wordsMessage("input.wholeNumber", { label: fieldLabel("instalment") }))
    .meta({ description: "The instalment the member thinks of bidding for." }),
  discount: rupees("discount", "The discount; default: the one the assumption expects.").optional(),
});

/** The use case: the member's chit and payments, checked input, then adviseBid. */
export async function buildBidAdvice(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock">,
  member: Member,
  chitId: string,
  raw: unknown,
): Promise<BidAdvice> {
  const chit = await findChit(deps.chits, member.id, chitId);
  const query = parseInput(bidAdviceQuery, raw);
  const { terms } = chit;
  const won = chit.instalments.find((r) => r.wonByMe);
  if (won) {
    throw new AppError(409, "already-won", words("errors.alreadyWonBid", { number: won.number }), {
      instalment: words("errors.alreadyWonAt", { number: won.number }),
    });
  }
  if (
    query.instalment < 1 ||
    query.instalment > terms.instalments ||
    (isForemanInstalment(terms, query.instalment) && terms.prizesPerAuction === 1)
  ) {
    throw badInput({
      instalment: words("errors.bidInstalmentRange", {
        first: terms.firstInstalment === "foreman" ? 2 : 1,
        last: terms.instalments,
      }),
    });
  }
  if (query.discount !== undefined) {
    const problems = validateDiscount(terms, query.instalment, query.discount);
    if (problems.length) throw badInput({ discount: problemWords(problems[0]!) });
  }
  const payments = await deps.payments.paidByDay(member.id, [chit.id]); // the flows, summed per day in the store
  return adviseBid(terms, chit.instalments, payments, {
    instalment: query.instalment,
    ...(query.discount !== undefined ? { discount: query.discount } : {}),
    benchmarkRate: query.benchmark / 100,
    assumption: query.assumption,
    today: todayIn(member.timeZone, deps.clock.now()),
  });
}
