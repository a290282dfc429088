// A member records what happened at one instalment: the auction's discount (or the prize, from which it follows),
// whether they won it and what they received, and the payable printed on the foreman's notice when it differs.
import { auctionFor, type InstalmentRecord, isForemanInstalment, validateDiscount } from "../domain/chit.ts";
import type { Chit } from "../ports/ledger.ts";
import { AppError, badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { instalmentInput } from "./ledger-input.ts";
import { parseInput } from "./parse-input.ts";

export async function recordInstalment(
  deps: Pick<LedgerDeps, "chits" | "clock">,
  ownerId: string,
  chitId: string,
  number: number,
  raw: unknown,
): Promise<Chit> {
  const chit = await findChit(deps.chits, ownerId, chitId);
  const { terms } = chit;
  if (!Number.isInteger(number) || number < 1 || number > terms.members) {
    throw badInput({ number: `Instalment must be from 1 to ${terms.members}.` });
  }
  const input = parseInput(instalmentInput, raw);
  const current = chit.instalments.find((r) => r.number === number) ?? { number };
  const next: InstalmentRecord = { ...current };

  const setOrClear = <K extends keyof InstalmentRecord>(key: K, value: InstalmentRecord[K] | null | undefined) => {
    if (value === undefined) return;
    if (value === null) delete next[key];
    else next[key] = value;
  };

  let discount = input.discount;
  if (input.prizeAmount != null) {
    // The prize falls one rupee for each rupee of discount, so the discount is what separates it from a zero bid's prize.
    discount = auctionFor(terms, number, 0).prize - input.prizeAmount;
    if (discount < 0) throw badInput({ prizeAmount: "The prize cannot be more than the chit value less the foreman's deductions." });
  }
  if (discount != null) {
    const problems = validateDiscount(terms, number, discount);
    if (problems.length) throw badInput({ [input.prizeAmount != null ? "prizeAmount" : "discount"]: problems[0]!.message });
  }
  if (isForemanInstalment(terms, number) && input.wonByMe) {
    throw badInput({ wonByMe: "The foreman takes instalment 1 in this chit, so a member cannot have won it." });
  }
  setOrClear("discount", isForemanInstalment(terms, number) ? undefined : discount);
  setOrClear("payableOverride", input.payableOverride);
  if (input.wonByMe !== undefined) {
    if (input.wonByMe) {
      const other = chit.instalments.find((r) => r.wonByMe && r.number !== number);
      if (other)
        throw new AppError(409, "already-won", `You already recorded winning instalment ${other.number}; a ticket wins once.`, {
          wonByMe: `Already won at instalment ${other.number}.`,
        });
      next.wonByMe = true;
    } else {
      delete next.wonByMe;
      delete next.prizeReceived;
      delete next.prizeReceivedOn;
    }
  }
  if ((input.prizeReceived != null || input.prizeReceivedOn != null) && !next.wonByMe) {
    throw badInput({ prizeReceived: "Record the prize received only on the instalment you won." });
  }
  setOrClear("prizeReceived", input.prizeReceived);
  setOrClear("prizeReceivedOn", input.prizeReceivedOn);
  if (next.prizeReceived !== undefined && next.prizeReceivedOn === undefined) {
    throw badInput({ prizeReceivedOn: "Enter the date you received the prize." });
  }

  const instalments = [...chit.instalments.filter((r) => r.number !== number), ...(Object.keys(next).length > 1 ? [next] : [])].sort(
    (a, b) => a.number - b.number,
  );
  const updated: Chit = { ...chit, instalments, updatedAt: deps.clock.now() };
  await deps.chits.update(updated);
  return updated;
}
