// A chit's rules (terms and per-chit variants), what one auction yields, and validation of both.
import { type CalendarDate, compareDates, dueDateFor, FREQUENCIES, type Frequency, parseDate } from "./dates.ts";
import { divideRounded, formatINR, type Paise, percentOf } from "./money.ts";

/** "from-discount": model A, the commission comes out of the winner's discount. "on-top": each ticket pays S + F/N. */
export type CommissionMode = "from-discount" | "on-top";
/** Who shares an auction's dividend: all N tickets, or only the N - 1 that did not win it. */
export type DividendSplit = "all" | "others";
/** Whether an auction's dividend lowers the next instalment (most companies) or the same one. */
export type DividendApplies = "next" | "same";
/** Whether the foreman takes instalment 1 whole (s.21(1)(a)) or it is auctioned like the rest. */
export type FirstInstalment = "foreman" | "auction";

export interface ChitTerms {
  chitValue: Paise; // C, the gross chit amount
  members: number; // N: tickets = instalments
  startDate: CalendarDate; // its month is instalment 1's month
  dueDay: number; // 1-31; clamped to the month's last day
  frequency: Frequency;
  commissionPercent: number; // c, so F = c% of C (5, or 7 since the 2019 amendment)
  commissionMode: CommissionMode;
  bidIncludesCommission: boolean; // false = variant 2: winner gets C - bid - F, dividend pool = bid
  dividendSplit: DividendSplit;
  dividendApplies: DividendApplies;
  firstInstalment: FirstInstalment;
  maxDiscountPercent: number; // ceiling on the quoted bid, % of C
  taxOnCommissionPercent: number; // GST on the commission; 0 = none
  taxDeductedFromPrize: boolean;
}

/** The settings most chits have; spread the chit's own numbers over it. */
export type ChitRules = Omit<ChitTerms, "chitValue" | "members" | "startDate" | "dueDay">;

export const defaultTerms: ChitRules = {
  frequency: "monthly",
  commissionPercent: 5,
  commissionMode: "from-discount",
  bidIncludesCommission: true,
  dividendSplit: "all",
  dividendApplies: "next",
  firstInstalment: "foreman",
  maxDiscountPercent: 40,
  taxOnCommissionPercent: 0,
  taxDeductedFromPrize: false,
};

/** What the member knows about one instalment, mostly copied from the foreman's notice. */
export interface InstalmentRecord {
  number: number;
  discount?: Paise; // the winning bid as quoted under this chit's convention
  wonByMe?: boolean;
  payableOverride?: Paise; // the figure on the foreman's notice: it beats any computed payable
  prizeReceived?: Paise; // net amount actually received, when wonByMe
  prizeReceivedOn?: CalendarDate;
}

/** One thing wrong with an input, named by the field a form would show it next to. */
export interface Problem {
  field: string;
  message: string;
}

/**
 * S = C / N rounded half away from zero to the paisa. When C is not a multiple of N paise the
 * tickets together pay up to N/2 paise more or less than C; that is accepted rather than refused,
 * because the foreman's notice (a payable override) is the truth and a chit of 1,00,000 over 30
 * tickets is legitimate.
 */
export function subscriptionOf(terms: ChitTerms): Paise {
  return divideRounded(terms.chitValue, terms.members);
}

/** F = commissionPercent of C, to the paisa. */
export function commissionOf(terms: ChitTerms): Paise {
  return percentOf(terms.chitValue, terms.commissionPercent);
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

/**
 * Tickets sharing an auction's dividend. With "others" the winner's ticket gets nothing from the
 * auction it won; there is no winning ticket among members when the foreman takes instalment 1.
 */
export function dividendSharers(terms: ChitTerms): number {
  return terms.dividendSplit === "all" ? terms.members : terms.members - 1;
}

/** What each ticket adds to instalment k for the commission under "on-top" (F / N, to the paisa). */
export function onTopShare(terms: ChitTerms, k: number): Paise {
  if (terms.commissionMode !== "on-top" || isForemanInstalment(terms, k)) return 0;
  return divideRounded(commissionOf(terms), terms.members);
}

/** Everything one auction settles, in paise. */
export interface AuctionOutcome {
  discount: Paise; // as quoted
  pool: Paise; // shared among the sharers as dividend
  dividend: Paise; // per sharing ticket (pool / sharers, to the paisa)
  prize: Paise; // paid to the winner
  commission: Paise; // the foreman's, from this auction
  taxOnCommission: Paise; // taken from the prize (0 when the chit does not deduct it)
}

/**
 * The arithmetic of one auction (DOMAIN.md, model A and its variants):
 * - model A: prize C - D, pool D - F;
 * - bid excluding commission (variant 2): prize C - D - F, pool D;
 * - commission on top (variant 1): prize C - D, pool D, commission collected as S + F/N;
 * - tax on the commission leaves the prize when taxDeductedFromPrize;
 * - the foreman's instalment 1: prize C, no discount, no commission, no dividend.
 */
export function auctionFor(terms: ChitTerms, k: number, discount: Paise): AuctionOutcome {
  if (isForemanInstalment(terms, k)) {
    return { discount: 0, pool: 0, dividend: 0, prize: terms.chitValue, commission: 0, taxOnCommission: 0 };
  }
  const F = commissionOf(terms);
  const onTop = terms.commissionMode === "on-top";
  const commission = onTop ? onTopShare(terms, k) * terms.members : F;
  const included = !onTop && terms.bidIncludesCommission;
  const pool = included ? discount - F : discount;
  const tax = terms.taxDeductedFromPrize ? percentOf(commission, terms.taxOnCommissionPercent) : 0;
  const prize = terms.chitValue - discount - (onTop || included ? 0 : F) - tax;
  return { discount, pool, dividend: divideRounded(pool, dividendSharers(terms)), prize, commission, taxOnCommission: tax };
}

/**
 * GST rate on a chit foreman's commission for an auction on `date`: 12% from 1 Jul 2017, 18% from
 * 18 Jul 2022; null before GST (service tax rates varied; ask the member). A suggestion for the
 * form's default, not applied automatically: the chit's own taxOnCommissionPercent decides.
 */
export function gstOnCommissionPercentOn(date: CalendarDate): number | null {
  if (compareDates(date, "2022-07-18") >= 0) return 18;
  if (compareDates(date, "2017-07-01") >= 0) return 12;
  return null;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/**
 * What a real chit can be, so its schedule stays in the calendar and every sum in safe integers: a chit value up to
 * ₹100 crore (the largest registered chits are a few crore), a start from 1950 to 2100, and a last instalment due by
 * the end of 2199. Amounts and dates typed anywhere in the ledger are held to the same limits (app/ledger-input.ts).
 */
export const CHIT_LIMITS = {
  maxChitValue: 100_00_00_000 * 100,
  earliestDate: "1950-01-01",
  latestStart: "2100-12-31",
  latestDue: "2199-12-31",
} as const;

/** The last instalment's due date, or null when the terms cannot give one (a bad date or count). */
function lastDueDate(terms: ChitTerms): CalendarDate | null {
  try {
    return parseDate(dueDateFor(terms.startDate, terms.dueDay, terms.members, terms.frequency));
  } catch {
    return null;
  }
}

/** Every problem with a chit's terms; an empty list means the terms are usable. */
export function validateTerms(terms: ChitTerms): Problem[] {
  const problems: Problem[] = [];
  const add = (field: keyof ChitTerms, message: string) => problems.push({ field, message });
  if (!Number.isSafeInteger(terms.chitValue) || terms.chitValue <= 0) {
    add("chitValue", "Chit value must be more than zero, in whole paise.");
  } else if (terms.chitValue > CHIT_LIMITS.maxChitValue) {
    add("chitValue", `Chit value can be at most ${formatINR(CHIT_LIMITS.maxChitValue)}.`);
  }
  if (!Number.isInteger(terms.members) || terms.members < 2 || terms.members > 1000) {
    add("members", "Number of members (instalments) must be a whole number from 2 to 1000.");
  }
  if (parseDate(terms.startDate) === null) add("startDate", "Start date must be a real date, YYYY-MM-DD.");
  else if (terms.startDate < CHIT_LIMITS.earliestDate || terms.startDate > CHIT_LIMITS.latestStart) {
    add("startDate", `Start date must be from ${CHIT_LIMITS.earliestDate} to ${CHIT_LIMITS.latestStart}.`);
  }
  if (!Number.isInteger(terms.dueDay) || terms.dueDay < 1 || terms.dueDay > 31) {
    add("dueDay", "Due day must be a day of the month from 1 to 31.");
  }
  if (!FREQUENCIES.includes(terms.frequency)) add("frequency", "Frequency must be monthly, quarterly or half-yearly.");
  if (!inRange(terms.commissionPercent, 0, 7)) {
    add("commissionPercent", "Commission must be from 0% to 7% (the legal cap since the 2019 amendment).");
  }
  if (!inRange(terms.maxDiscountPercent, 0, 100) || terms.maxDiscountPercent <= 0 || terms.maxDiscountPercent >= 100) {
    add("maxDiscountPercent", "Maximum discount must be more than 0% and less than 100% of the chit value.");
  } else if (discountFloor(termsForChecks(terms)) > discountCeiling(termsForChecks(terms))) {
    add("maxDiscountPercent", "Maximum discount cannot be below the commission, which is the lowest bid.");
  }
  if (!inRange(terms.taxOnCommissionPercent, 0, 100)) {
    add("taxOnCommissionPercent", "Tax on commission must be from 0% to 100%.");
  }
  if (!["from-discount", "on-top"].includes(terms.commissionMode)) {
    add("commissionMode", "Commission mode must be from-discount or on-top.");
  }
  if (!["all", "others"].includes(terms.dividendSplit)) add("dividendSplit", "Dividend split must be all or others.");
  if (!["next", "same"].includes(terms.dividendApplies)) add("dividendApplies", "Dividend applies must be next or same.");
  if (!["foreman", "auction"].includes(terms.firstInstalment)) {
    add("firstInstalment", "First instalment must be foreman or auction.");
  }
  if (problems.length === 0) {
    const last = lastDueDate(terms);
    if (last === null || last > CHIT_LIMITS.latestDue) {
      add(
        "members",
        `With these dates and this many instalments the chit would run past ${CHIT_LIMITS.latestDue.slice(0, 4)}: check the start date, frequency and members.`,
      );
    }
  }
  return problems;
}

/** The floor/ceiling checks need a usable chit value even when it is itself invalid. */
function termsForChecks(terms: ChitTerms): ChitTerms {
  return Number.isSafeInteger(terms.chitValue) ? terms : { ...terms, chitValue: 0 };
}

/**
 * Problems with a recorded winning bid for instalment k: whole paise, at least the floor (F when the
 * bid includes the commission), at most maxDiscountPercent of C, and 0 on the foreman's instalment 1.
 */
export function validateDiscount(terms: ChitTerms, k: number, discount: Paise): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!Number.isInteger(k) || k < 1 || k > terms.members) {
    add("number", `Instalment must be from 1 to ${terms.members}.`);
    return problems;
  }
  if (!Number.isSafeInteger(discount) || discount < 0) {
    add("discount", "Discount must be zero or more, in whole paise.");
    return problems;
  }
  if (isForemanInstalment(terms, k)) {
    if (discount !== 0) add("discount", "The foreman takes instalment 1 without a discount, so it must be 0.");
    return problems;
  }
  const floor = discountFloor(terms);
  const ceiling = discountCeiling(terms);
  if (discount < floor) add("discount", `Discount cannot be below the foreman's commission (${formatINR(floor)}).`);
  if (discount > ceiling) {
    add("discount", `Discount cannot exceed ${terms.maxDiscountPercent}% of the chit value (${formatINR(ceiling)}).`);
  }
  return problems;
}
