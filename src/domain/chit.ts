// A chit's rules (terms and per-chit variants) and what one auction yields; validation lives in chit-validation.ts.
import { type CalendarDate, compareDates, type Frequency } from "./dates.ts";
import { divideToUnit, type Paise, percentOf, type RoundingMode, roundToUnit } from "./money.ts";

export { validateDiscount, validateTerms } from "./chit-validation.ts";

/** "from-discount": model A, the commission comes out of the winner's discount. "on-top": each ticket pays S + F/N. */
export type CommissionMode = "from-discount" | "on-top";
/** Who shares an auction's dividend: all tickets, or only those that did not win that auction. */
export type DividendSplit = "all" | "others";
/** Whether an auction's dividend lowers the next instalment (most companies) or the same one. */
export type DividendApplies = "next" | "same";
/** Whether the foreman takes instalment 1 whole (s.21(1)(a)) or it is auctioned like the rest. */
export type FirstInstalment = "foreman" | "auction";
/** Whether the foreman announces figures to the paisa or in whole rupees. */
export type Rounding = "paise" | "rupee";
/**
 * Where the part of a dividend pool that rounding leaves undivided goes: the foreman keeps it, or the next auction's
 * pool.
 */
export type RoundingRemainder = "foreman" | "next-auction";
/**
 * Tax (GST) on the foreman's commission: none, taken from the winner's prize, or charged to every ticket with the
 * instalment.
 */
export type TaxMode = "none" | "deducted-from-prize" | "charged-to-members";
/**
 * What a late payment costs (Chit Funds Act s.21(1)(c)): nothing, simple interest a year on the overdue amount, or a
 * fixed fee.
 */
export type LateRule = "none" | "interest" | "fixed-fee";

export interface ChitTerms {
  chitValue: Paise; // C, the gross chit amount (each prize's pot)
  members: number; // tickets in the group
  instalments: number; // auctions = instalments; members = instalments x prizesPerAuction
  prizesPerAuction: number; // prizes given out at each auction (KSFE multi-division chitties, the AP Act's two a month)
  startDate: CalendarDate; // instalment 1's date (its month for month-based frequencies)
  dueDay: number; // 1-31; clamped to the month's last day; unused by daily, weekly and fortnightly chits
  frequency: Frequency;
  commissionPercent: number; // c, so F = c% of C (5, or 7 since the 2019 amendment)
  commissionMode: CommissionMode;
  bidIncludesCommission: boolean; // false = variant 2: winner gets C - bid - F, dividend pool = bid
  onTopOnForemanInstalment: boolean; // on-top commission collected on the foreman's instalment 1 too (Nagashiva)
  dividendSplit: DividendSplit;
  dividendApplies: DividendApplies;
  firstInstalment: FirstInstalment;
  maxDiscountPercent: number; // ceiling on the quoted bid, % of C
  taxMode: TaxMode;
  taxOnCommissionPercent: number | null; // the chit's own rate; null = the rate in force on the auction date
  rounding: Rounding; // unit of the subscription, dividend, tax, commission share and so the prize
  dividendRounding: RoundingMode; // how the dividend per ticket is brought to that unit
  roundingRemainder: RoundingRemainder;
  lateRule: LateRule;
  latePenaltyPercent: number; // simple interest a year on what is overdue, when lateRule = "interest"
  lateFee: Paise; // per late instalment, when lateRule = "fixed-fee"
  lateForfeitsDividend: boolean; // an instalment not paid in full by its due date loses the dividend that lowered it
}

/** The settings most chits have; spread the chit's own numbers over it. */
export type ChitRules = Omit<ChitTerms, "chitValue" | "members" | "instalments" | "startDate" | "dueDay">;

export const defaultTerms: ChitRules = {
  prizesPerAuction: 1,
  frequency: "monthly",
  commissionPercent: 5,
  commissionMode: "from-discount",
  bidIncludesCommission: true,
  onTopOnForemanInstalment: false,
  dividendSplit: "all",
  dividendApplies: "next",
  firstInstalment: "foreman",
  maxDiscountPercent: 40,
  taxMode: "none",
  taxOnCommissionPercent: null,
  rounding: "paise",
  dividendRounding: "nearest",
  roundingRemainder: "foreman",
  lateRule: "none",
  latePenaltyPercent: 0,
  lateFee: 0,
  lateForfeitsDividend: false,
};

/**
 * Terms as stored before a setting existed (or as typed by a test) -> complete terms: every missing setting takes its
 * default, `instalments` defaults to members / prizesPerAuction, and the older `taxDeductedFromPrize` flag maps to
 * taxMode (true: "deducted-from-prize", the older percent kept).
 */
export function completeTerms(raw: Partial<ChitTerms> & { taxDeductedFromPrize?: boolean }): ChitTerms {
  const { taxDeductedFromPrize, ...rest } = raw;
  const merged = { ...defaultTerms, ...rest } as ChitTerms;
  if (raw.taxMode === undefined) merged.taxMode = taxDeductedFromPrize ? "deducted-from-prize" : "none";
  const prizes = merged.prizesPerAuction >= 1 ? merged.prizesPerAuction : 1;
  if (raw.instalments === undefined) merged.instalments = Math.max(1, Math.floor(merged.members / prizes));
  return merged;
}

/** What one InstalmentRecord holds; `discounts` extends `discount` when an auction gives out several prizes. */
export interface InstalmentRecord {
  number: number;
  discount?: Paise; // the winning bid as quoted under this chit's convention (the member's own when they won)
  otherDiscounts?: Paise[]; // the other prizes' bids when prizesPerAuction > 1 (missing: the same as `discount`)
  wonByMe?: boolean;
  payableOverride?: Paise; // the figure on the foreman's notice: it beats any computed payable
  prizeReceived?: Paise; // net amount actually received, when wonByMe
  prizeReceivedOn?: CalendarDate;
}

/** 1 paisa or 100 paise: the chit's unit of account. */
export function unitOf(terms: ChitTerms): number {
  return terms.rounding === "rupee" ? 100 : 1;
}

/**
 * S = C / instalments (= prizesPerAuction x C / members), rounded to the chit's unit (half away from zero). When C
 * does not divide evenly the tickets together pay a little more or less than the prizes; the foreman's notice (a
 * payable override) is the truth.
 */
export function subscriptionOf(terms: ChitTerms): Paise {
  return divideToUnit(terms.chitValue, terms.instalments, unitOf(terms), "nearest");
}

/** F = commissionPercent of C for one prize, to the chit's unit. */
export function commissionOf(terms: ChitTerms): Paise {
  return roundToUnit(percentOf(terms.chitValue, terms.commissionPercent), unitOf(terms));
}

/** The lowest bid an auction accepts: F when the bid includes the commission (model A), else 0. */
export function discountFloor(terms: ChitTerms): Paise {
  return terms.commissionMode === "from-discount" && terms.bidIncludesCommission ? commissionOf(terms) : 0;
}

/** The highest bid: maxDiscountPercent of C, applied to the bid as quoted. */
export function discountCeiling(terms: ChitTerms): Paise {
  return percentOf(terms.chitValue, terms.maxDiscountPercent);
}

export function isForemanInstalment(terms: ChitTerms, k: number): boolean {
  return k === 1 && terms.firstInstalment === "foreman";
}

/** Tickets sharing an auction's dividend: all of them, or all but that auction's winners. */
export function dividendSharers(terms: ChitTerms): number {
  return terms.dividendSplit === "all" ? terms.members : terms.members - terms.prizesPerAuction;
}

/**
 * What each ticket adds to instalment k for the commission under "on-top": F for each prize that carries one, over the
 * members, to the unit. The foreman's own prize on instalment 1 carries none unless onTopOnForemanInstalment.
 */
export function onTopShare(terms: ChitTerms, k: number): Paise {
  if (terms.commissionMode !== "on-top") return 0;
  const prizes = terms.prizesPerAuction - (isForemanInstalment(terms, k) && !terms.onTopOnForemanInstalment ? 1 : 0);
  return prizes > 0 ? divideToUnit(commissionOf(terms) * prizes, terms.members, unitOf(terms), "nearest") : 0;
}

/**
 * Tax on the commission for an auction on `date`, in per cent: the chit's own rate when it sets one, else the rate in
 * force that day (GST 18% from 18 Jul 2022, 12% from 1 Jul 2017; service tax 15% from 1 Jun 2016, 14.5% from
 * 15 Nov 2015, 14% from 1 Jun 2015, 12.36% from 1 Apr 2012, 10.3% from 24 Feb 2009; 0 before).
 */
export function taxPercentOn(terms: ChitTerms, date: CalendarDate): number {
  if (terms.taxMode === "none") return 0;
  return terms.taxOnCommissionPercent ?? taxOnCommissionPercentOn(date);
}

const TAX_HISTORY: readonly [CalendarDate, number][] = [
  ["2022-07-18", 18],
  ["2017-07-01", 12],
  ["2016-06-01", 15],
  ["2015-11-15", 14.5],
  ["2015-06-01", 14],
  ["2012-04-01", 12.36],
  ["2009-02-24", 10.3],
];

/** The tax rate on a chit foreman's commission in force on `date` (see taxPercentOn). */
export function taxOnCommissionPercentOn(date: CalendarDate): number {
  for (const [from, percent] of TAX_HISTORY) if (compareDates(date, from) >= 0) return percent;
  return 0;
}

/** GST alone: 18% from 18 Jul 2022, 12% from 1 Jul 2017, null before GST. */
export function gstOnCommissionPercentOn(date: CalendarDate): number | null {
  if (compareDates(date, "2022-07-18") >= 0) return 18;
  if (compareDates(date, "2017-07-01") >= 0) return 12;
  return null;
}

/** One prize of an auction. */
export interface PrizeOutcome {
  discount: Paise; // as quoted
  pool: Paise; // this prize's contribution to the dividend pool
  prize: Paise; // paid to its winner (after tax when the tax is deducted from the prize)
  commission: Paise; // the foreman's
  tax: Paise; // tax on that commission
}

/** Everything one auction settles, in paise. */
export interface AuctionOutcome {
  discount: Paise; // the first prize's bid (the member's own when they won)
  prizes: PrizeOutcome[]; // one per prize, in the order recorded
  pool: Paise; // shared among the sharers: every prize's pool plus any remainder carried in
  dividend: Paise; // per sharing ticket, pool / sharers to the chit's unit by its dividend rounding
  remainder: Paise; // pool - dividend x sharers: kept by the foreman or carried to the next auction
  prize: Paise; // the first prize
  commission: Paise; // all the foreman's commission from this auction
  taxOnCommission: Paise; // all the tax on it
  taxDeducted: Paise; // of which taken from the prizes
  taxPerTicket: Paise; // of which charged to each ticket with this instalment
  taxPercent: number; // the rate applied
}

/**
 * One prize (DOMAIN.md, model A and its variants), with `taxPercent` on its commission:
 * - model A: prize C - D, pool D - F; bid excluding commission (variant 2): prize C - D - F, pool D;
 * - commission on top (variant 1): prize C - D, pool D, commission collected as S + F/N;
 * - tax on the commission, to the chit's unit (half away from zero: 1,087.50 -> 1,088), leaves the prize when deducted;
 * - the foreman's prize (instalment 1, first prize): C whole, no discount, no commission but any on-top share.
 */
function prizeFor(terms: ChitTerms, k: number, index: number, discount: Paise, taxPercent: number): PrizeOutcome {
  const unit = unitOf(terms);
  const onTop = terms.commissionMode === "on-top";
  const F = commissionOf(terms);
  const taxOf = (commission: Paise) => roundToUnit(percentOf(commission, taxPercent), unit);
  if (isForemanInstalment(terms, k) && index === 0) {
    const commission = onTop && terms.onTopOnForemanInstalment ? F : 0;
    const tax = taxOf(commission);
    return {
      discount: 0,
      pool: 0,
      prize: terms.chitValue - (terms.taxMode === "deducted-from-prize" ? tax : 0),
      commission,
      tax,
    };
  }
  const included = !onTop && terms.bidIncludesCommission;
  const tax = taxOf(F);
  const deducted = terms.taxMode === "deducted-from-prize" ? tax : 0;
  const prize = terms.chitValue - discount - (onTop || included ? 0 : F) - deducted;
  return { discount, pool: included ? discount - F : discount, prize, commission: F, tax };
}

/**
 * The bids of auction k, one per prize: `discount` first, then `otherDiscounts` (missing ones: the same as the first).
 */
export function bidsOf(terms: ChitTerms, k: number, discount: Paise, otherDiscounts: readonly Paise[] = []): Paise[] {
  const bids: Paise[] = [];
  for (let i = 0; i < terms.prizesPerAuction; i++) {
    if (isForemanInstalment(terms, k) && i === 0) bids.push(0);
    else bids.push(i === 0 ? discount : (otherDiscounts[i - 1] ?? discount));
  }
  return bids;
}

/**
 * The arithmetic of auction k held on `date` (its due date) with these bids (bidsOf), plus any remainder carried in
 * from the previous auction. On the foreman's instalment 1 the first prize goes to the foreman whole.
 */
export function auctionFor(
  terms: ChitTerms,
  k: number,
  discount: Paise,
  options: { others?: readonly Paise[]; date?: CalendarDate; carried?: Paise } = {},
): AuctionOutcome {
  const taxPercent = options.date
    ? taxPercentOn(terms, options.date)
    : terms.taxMode === "none"
      ? 0
      : (terms.taxOnCommissionPercent ?? 0);
  const bids = bidsOf(terms, k, discount, options.others);
  const prizes = bids.map((bid, index) => prizeFor(terms, k, index, bid, taxPercent));
  const sum = (pick: (p: PrizeOutcome) => Paise) => prizes.reduce((total, p) => total + pick(p), 0);
  const pool = sum((p) => p.pool) + (options.carried ?? 0);
  const sharers = dividendSharers(terms);
  const dividend = pool > 0 && sharers > 0 ? divideToUnit(pool, sharers, unitOf(terms), terms.dividendRounding) : 0;
  const taxOnCommission = sum((p) => p.tax);
  const charged = terms.taxMode === "charged-to-members";
  return {
    discount: prizes[0]?.discount ?? 0,
    prizes,
    pool,
    dividend,
    remainder: pool - dividend * sharers,
    prize: prizes[0]?.prize ?? 0,
    commission: sum((p) => p.commission),
    taxOnCommission,
    taxDeducted: terms.taxMode === "deducted-from-prize" ? taxOnCommission : 0,
    taxPerTicket:
      charged && taxOnCommission > 0 ? divideToUnit(taxOnCommission, terms.members, unitOf(terms), "nearest") : 0,
    taxPercent,
  };
}

/**
 * The bid that yields `prize` for the first prize of auction k: the tax on the commission does not depend on the bid,
 * so this is exact, and entering a foreman's published prize reproduces the foreman's bid (Surabhi: 1,50,000 - 1,03,912
 * - tax 1,088 = 45,000).
 */
export function discountForPrize(terms: ChitTerms, k: number, prize: Paise, date?: CalendarDate): Paise {
  const atZero = auctionFor(terms, k, 0, date ? { date } : {});
  return (atZero.prizes[0]?.prize ?? terms.chitValue) - prize;
}
