// "Should I bid this month, and up to what discount?" for one of the member's chits: GET /api/v1/chits/{id}/bid-advice
// and the chit page's "Thinking of bidding this month?" section share this use case.
import { z } from "zod";
import { adviseBid, type BidAdvice } from "../domain/bid-advice.ts";
import { isForemanInstalment, validateDiscount } from "../domain/chit.ts";
import { todayIn } from "../domain/dates.ts";
import type { Member } from "../ports/member-repository.ts";
import { DEFAULT_BENCHMARK_RATE } from "./build-chit-report.ts";
import { AppError, badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { rupees } from "./ledger-input.ts";
import { parseInput } from "./parse-input.ts";

export type { BidAdvice } from "../domain/bid-advice.ts";

export const bidAdviceQuery = z.object({
  instalment: z.coerce
    .number({ message: "Instalment must be a whole number." })
    .int("Instalment must be a whole number.")
    .meta({ description: "The instalment the member thinks of bidding for." }),
  discount: rupees("Discount", "The discount; default: the one the assumption expects.").optional(),
  benchmark: z.coerce
    .number({ message: "Benchmark must be a yearly rate in percent, e.g. 7." })
    .min(-50, "Benchmark must be at least -50%.")
    .max(100, "Benchmark must be at most 100%.")
    .meta({ description: "The member's benchmark rate for the break-even, percent a year (default 7)." })
    .optional(),
  assumption: z
    .enum(["no-more-dividends", "average-discount"], { message: "Assumption is no-more-dividends or average-discount." })
    .default("no-more-dividends")
    .meta({ description: "How auctions not held yet are assumed." }),
});

/** The use case: the member's chit and payments, checked input, then adviseBid. */
export async function buildBidAdvice(deps: Pick<LedgerDeps, "chits" | "payments" | "clock">, member: Member, chitId: string, raw: unknown): Promise<BidAdvice> {
  const chit = await findChit(deps.chits, member.id, chitId);
  const query = parseInput(bidAdviceQuery, raw);
  const { terms } = chit;
  const won = chit.instalments.find((r) => r.wonByMe);
  if (won) {
    throw new AppError(409, "already-won", `You won instalment ${won.number}; bid advice is for a ticket that has not won yet.`, {
      instalment: `Already won at instalment ${won.number}.`,
    });
  }
  if (query.instalment < 1 || query.instalment > terms.instalments || (isForemanInstalment(terms, query.instalment) && terms.prizesPerAuction === 1)) {
    throw badInput({ instalment: `Choose an instalment from ${terms.firstInstalment === "foreman" ? 2 : 1} to ${terms.instalments}.` });
  }
  if (query.discount !== undefined) {
    const problems = validateDiscount(terms, query.instalment, query.discount);
    if (problems.length) throw badInput({ discount: problems[0]!.message });
  }
  const payments = await deps.payments.listForChit(member.id, chit.id);
  return adviseBid(terms, chit.instalments, payments, {
    instalment: query.instalment,
    ...(query.discount !== undefined ? { discount: query.discount } : {}),
    benchmarkRate: query.benchmark !== undefined ? query.benchmark / 100 : DEFAULT_BENCHMARK_RATE,
    assumption: query.assumption,
    today: todayIn(member.timeZone, deps.clock.now()),
  });
}
