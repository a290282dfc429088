// A member records what happened at one instalment: the auction's discount (or the prize, from which it follows),
// whether they won it and what they received, and the payable printed on the foreman's notice when it differs.

import { discountForPrize, type InstalmentRecord, isForemanInstalment, validateDiscount } from "../domain/chit.ts";
import { dueDateFor } from "../domain/dates.ts";
import { words } from "../i18n/words.ts";
import type { Chit } from "../ports/ledger.ts";
import { AppError, badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { instalmentInput } from "./ledger-input.ts";
import { parseInput } from "./parse-input.ts";
import { problemWords } from "./problem-words.ts";

export async function recordInstalment(
  deps: Pick<LedgerDeps, "chits" | "clock">,
  ownerId: string,
  chitId: string,
  number: number,
  raw: unknown,
): Promise<Chit> {
  const chit = await findChit(deps.chits, ownerId, chitId);
  const { terms } = chit;
  if (!Number.isInteger(number) || number < 1 || number > terms.instalments) {
    throw badInput({ number: words("errors.instalmentNumberRange", { count: terms.instalments }) });
  }
  const input = parseInput(instalmentInput, raw);
  const current = chit.instalments.find((r) => r.number === number) ?? { number };
  const next: InstalmentRecord = { ...current };

  const setOrClear = <K extends keyof InstalmentRecord>(key: K, value: InstalmentRecord[K] | null | undefined) => {
    if (value === undefined) return;
    if (value === null) delete next[key];
    else next[key] = value;
  };

  let discount = input.discounts ? input.discounts[0] : input.discount;
  const others = input.discounts ? input.discounts.slice(1) : undefined;
  if (others && others.length > terms.prizesPerAuction - 1) {
    throw badInput({ discounts: words("errors.tooManyBids", { count: terms.prizesPerAuction }) });
  }
  if (input.prizeAmount != null) {
    // The prize falls one rupee for each rupee of discount (the tax on the commission does not depend on the bid), so
    // the bid is what separates the prize from a zero bid's prize, at the chit's rounding and the auction date's tax.
    discount = discountForPrize(
      terms,
      number,
      input.prizeAmount,
      dueDateFor(terms.startDate, terms.dueDay, number, terms.frequency),
    );
    if (discount < 0) throw badInput({ prizeAmount: words("errors.prizeTooLarge") });
  }
  for (const [i, bid] of [discount, ...(others ?? [])].entries()) {
    if (bid == null) continue;
    const problems = validateDiscount(terms, number, bid);
    const field = input.prizeAmount != null ? "prizeAmount" : input.discounts ? "discounts" : "discount";
    if (problems.length)
      throw badInput({
        [field]:
          i > 0
            ? words("errors.prizeProblem", { number: i + 1, problem: problemWords(problems[0]!) })
            : problemWords(problems[0]!),
      });
  }
  if (isForemanInstalment(terms, number) && terms.prizesPerAuction === 1 && input.wonByMe) {
    throw badInput({ wonByMe: words("errors.foremanFirst") });
  }
  const foremanOnly = isForemanInstalment(terms, number) && terms.prizesPerAuction === 1;
  setOrClear("discount", foremanOnly ? undefined : discount);
  if (others !== undefined || discount === null) setOrClear("otherDiscounts", others?.length ? others : null);
  setOrClear("payableOverride", input.payableOverride);
  if (input.wonByMe !== undefined) {
    if (input.wonByMe) {
      const other = chit.instalments.find((r) => r.wonByMe && r.number !== number);
      if (other)
        throw new AppError(409, "already-won", words("errors.alreadyWon", { number: other.number }), {
          wonByMe: words("errors.alreadyWonAt", { number: other.number }),
        });
      next.wonByMe = true;
    } else {
      delete next.wonByMe;
      delete next.prizeReceived;
      delete next.prizeReceivedOn;
    }
  }
  if ((input.prizeReceived != null || input.prizeReceivedOn != null) && !next.wonByMe) {
    throw badInput({ prizeReceived: words("errors.prizeReceivedOnlyWon") });
  }
  setOrClear("prizeReceived", input.prizeReceived);
  setOrClear("prizeReceivedOn", input.prizeReceivedOn);
  if (next.prizeReceived !== undefined && next.prizeReceivedOn === undefined) {
    throw badInput({ prizeReceivedOn: words("errors.prizeReceivedOn") });
  }

  const instalments = [
    ...chit.instalments.filter((r) => r.number !== number),
    ...(Object.keys(next).length > 1 ? [next] : []),
  ].sort((a, b) => a.number - b.number);
  const updated: Chit = { ...chit, instalments, updatedAt: deps.clock.now() };
  await deps.chits.update(updated);
  return updated;
}
