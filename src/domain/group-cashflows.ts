// Whole-group cash over a chit's life for a complete discount path: the identity collections = prizes + commissions
// + tax (+ what rounding and the last dividend leave), checked on random paths by the tests.
import { type ChitTerms, type InstalmentRecord, subscriptionOf } from "./chit.ts";
import { DomainError } from "./errors.ts";
import type { Paise } from "./money.ts";
import { auctionOutcomes, instalmentLines } from "./schedule.ts";

/** Money through the whole group over the chit's life, in paise. */
export interface GroupCashflows {
  collections: Paise; // every ticket's payable, every instalment
  prizes: Paise; // every prize paid, after tax deducted from it
  commissions: Paise;
  taxOnCommission: Paise; // deducted from prizes or charged to members
  unsharedDividend: Paise; // with "next", the last auction's pool: no instalment is left to lower
  roundingKept: Paise; // dividend pool left undivided by rounding and kept by the foreman (may be negative)
  subscriptionRounding: Paise; // members x S - prizesPerAuction x C, each instalment
  chargeRounding: Paise; // on-top commission and charged tax collected per ticket minus what they come to
}

/**
 * Whole-group cash for a complete path: bids[k - 1] holds instalment k's bids, one per prize (or one number, used for
 * every prize). Each instalment the tickets that won the auction whose dividend applies pay their own payable (no
 * dividend under "others") and the rest pay the ordinary one. Then, exactly and in every rounding mode,
 * collections = prizes + commissions + taxOnCommission + unsharedDividend + roundingKept + subscriptionRounding
 * + chargeRounding.
 */
export function groupCashflows(terms: ChitTerms, bids: readonly (Paise | readonly Paise[])[]): GroupCashflows {
  if (bids.length !== terms.instalments) {
    throw new DomainError("invalid-instalment", `need ${terms.instalments} discounts, got ${bids.length}`);
  }
  const records = bids.map((bid, i): InstalmentRecord => {
    const list = typeof bid === "number" ? [bid] : bid;
    return { number: i + 1, discount: list[0] ?? 0, otherDiscounts: list.slice(1) };
  });
  const ordinary = instalmentLines(terms, records);
  const winners = instalmentLines(
    terms,
    records.map((record) => ({ ...record, wonByMe: true })),
  );
  const outcomes = auctionOutcomes(terms, records);
  const p = terms.prizesPerAuction;
  const flows: GroupCashflows = {
    collections: 0,
    prizes: 0,
    commissions: 0,
    taxOnCommission: 0,
    unsharedDividend: 0,
    roundingKept: 0,
    subscriptionRounding: 0,
    chargeRounding: 0,
  };
  const n = terms.instalments;
  const S = subscriptionOf(terms);
  for (let k = 1; k <= n; k++) {
    const outcome = outcomes[k - 1];
    const line = ordinary[k - 1];
    if (!outcome || !line) continue;
    flows.collections += (terms.members - p) * line.payable + p * (winners[k - 1]?.payable ?? 0);
    flows.prizes += outcome.prizes.reduce((total, prize) => total + prize.prize, 0);
    flows.commissions += outcome.commission;
    flows.taxOnCommission += outcome.taxOnCommission;
    flows.subscriptionRounding += terms.members * S - p * terms.chitValue;
    const onTopCollected =
      terms.members * line.commissionShare - (terms.commissionMode === "on-top" ? outcome.commission : 0);
    flows.chargeRounding +=
      onTopCollected +
      terms.members * outcome.taxPerTicket -
      (terms.taxMode === "charged-to-members" ? outcome.taxOnCommission : 0);
    const distributed = terms.dividendApplies === "same" || k < n;
    if (!distributed) flows.unsharedDividend = outcome.pool;
    else if (terms.roundingRemainder === "foreman" || k === n) flows.roundingKept += outcome.remainder;
  }
  return flows;
}
