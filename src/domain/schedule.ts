// A member's instalment schedule: due dates, dividends, payables, prizes, payments and status.
import {
  type AuctionOutcome,
  auctionFor,
  type ChitTerms,
  discountFloor,
  type InstalmentRecord,
  isForemanInstalment,
  onTopShare,
  subscriptionOf,
} from "./chit.ts";
import { type CalendarDate, dueDateFor, parseDate } from "./dates.ts";
import { DomainError } from "./errors.ts";
import { latenessOf } from "./lateness.ts";
import type { Paise } from "./money.ts";

export { groupCashflows } from "./group-cashflows.ts";

/** A payment the member made against one instalment. */
export interface InstalmentPayment {
  instalment: number;
  amount: Paise;
  paidOn: CalendarDate;
}

/**
 * - "paid": nothing left to pay;
 * - "overdue": due date before today and not fully paid;
 * - "part-paid": something paid, not all, not yet overdue;
 * - "due": the earliest instalment not fully paid whose due date is today or later (the next one
 *   to pay; at most one instalment is "due" at a time);
 * - "upcoming": every later unpaid instalment.
 */
export type InstalmentStatus = "paid" | "part-paid" | "due" | "overdue" | "upcoming";

/** One instalment from the chit's point of view, before payments. */
export interface InstalmentLine {
  number: number;
  dueDate: CalendarDate;
  discount: Paise | null; // null: auction not held or not recorded yet; else the first (the member's own) prize's bid
  discounts: Paise[] | null; // every prize's bid at this auction
  dividend: Paise | null; // per sharing ticket, from THIS instalment's auction
  dividendApplied: Paise | null; // what lowers THIS instalment for the member's ticket; null: not known yet
  subscription: Paise; // S
  commissionShare: Paise; // on-top commission added to this instalment per ticket
  taxCharged: Paise; // tax on the commission charged to each ticket with this instalment
  payable: Paise;
  estimated: boolean; // true: payable assumes no dividend because the auction it depends on is unrecorded
  prize: Paise | null; // what this auction's (first) winner gets, after any tax deducted
  prizes: Paise[] | null; // every prize of this auction
  commission: Paise; // the foreman's from this auction
  taxOnCommission: Paise; // tax on that commission (deducted from the prizes or charged to members)
  overridden: boolean; // payable is the figure from the foreman's notice
  wonByMe: boolean;
  prizeReceived: Paise | null;
  prizeReceivedOn: CalendarDate | null;
}

export interface ScheduleRow extends InstalmentLine {
  paid: Paise;
  penalty: Paise; // penalty interest or fee for paying late (0 when on time)
  dividendForfeited: Paise; // dividend lost by paying late (already added back into payable)
  balance: Paise; // payable + penalty - paid, never below 0
  status: InstalmentStatus;
}

export interface ScheduleTotals {
  payable: Paise;
  paid: Paise;
  balance: Paise;
  dividends: Paise; // sum of dividends applied to the member's instalments so far
  overdue: Paise; // sum of balances of overdue instalments
  prizes: Paise; // the member's own prize(s): received if recorded, else computed
  unallocated: Paise; // payments naming an instalment the chit does not have
  penalties: Paise; // late-payment penalties so far
  dividendsForfeited: Paise; // dividends lost to late payment so far
  latenessCost: Paise; // penalties + dividends forfeited: what lateness has cost so far
  estimated: boolean; // some payable rests on an assumption
}

export interface Schedule {
  instalments: ScheduleRow[];
  totals: ScheduleTotals;
}

function recordsByNumber(terms: ChitTerms, records: readonly InstalmentRecord[]): Map<number, InstalmentRecord> {
  const byNumber = new Map<number, InstalmentRecord>();
  for (const record of records) {
    if (Number.isInteger(record.number) && record.number >= 1 && record.number <= terms.instalments) {
      byNumber.set(record.number, record);
    }
  }
  return byNumber;
}

/**
 * Every auction's outcome in order (null: not recorded), carrying a rounding remainder into the next auction's pool
 * when the chit says so (only from a recorded auction to the next recorded one).
 */
export function auctionOutcomes(terms: ChitTerms, records: readonly InstalmentRecord[]): (AuctionOutcome | null)[] {
  const byNumber = recordsByNumber(terms, records);
  const outcomes: (AuctionOutcome | null)[] = [];
  let carried = 0;
  for (let k = 1; k <= terms.instalments; k++) {
    const record = byNumber.get(k);
    const recorded = isForemanInstalment(terms, k) && terms.prizesPerAuction === 1 ? 0 : record?.discount;
    if (recorded === undefined) {
      outcomes.push(null);
      carried = 0;
      continue;
    }
    const date = dueDateFor(terms.startDate, terms.dueDay, k, terms.frequency);
    const outcome = auctionFor(terms, k, recorded, { others: record?.otherDiscounts ?? [], date, carried });
    outcomes.push(outcome);
    carried = terms.roundingRemainder === "next-auction" ? outcome.remainder : 0;
  }
  return outcomes;
}

/**
 * The chit's instalments from one ticket's point of view, without payments.
 * Payable = S + on-top commission share + tax charged to members - the dividend applied, unless the record carries
 * the foreman's figure (payableOverride), which always wins. The dividend applied to instalment k comes from auction
 * k - 1 ("next"; none for k = 1) or auction k ("same"); with split "others" the member's ticket gets none from an
 * auction it won. When that auction is not recorded yet the payable assumes no dividend and is marked estimated.
 * The commission and its tax do not depend on the bid, so they are known before the auction.
 */
export function instalmentLines(terms: ChitTerms, records: readonly InstalmentRecord[]): InstalmentLine[] {
  const byNumber = recordsByNumber(terms, records);
  const subscription = subscriptionOf(terms);
  const outcomes = auctionOutcomes(terms, records);
  const lines: InstalmentLine[] = [];
  for (let k = 1; k <= terms.instalments; k++) {
    const record = byNumber.get(k);
    const outcome = outcomes[k - 1] ?? null;
    const dueDate = dueDateFor(terms.startDate, terms.dueDay, k, terms.frequency);
    const known = outcome ?? auctionFor(terms, k, discountFloor(terms), { date: dueDate });
    const source = terms.dividendApplies === "next" ? k - 1 : k;
    let applied: Paise | null = 0;
    if (source >= 1) {
      const sourceOutcome = outcomes[source - 1] ?? null;
      const wonSource = byNumber.get(source)?.wonByMe === true;
      applied =
        sourceOutcome === null ? null : terms.dividendSplit === "others" && wonSource ? 0 : sourceOutcome.dividend;
    }
    const override = record?.payableOverride;
    const commissionShare = onTopShare(terms, k);
    lines.push({
      number: k,
      dueDate,
      discount: outcome?.discount ?? null,
      discounts: outcome ? outcome.prizes.map((p) => p.discount) : null,
      dividend: outcome?.dividend ?? null,
      dividendApplied: applied,
      subscription,
      commissionShare,
      taxCharged: known.taxPerTicket,
      payable: override ?? subscription + commissionShare + known.taxPerTicket - (applied ?? 0),
      estimated: override === undefined && applied === null,
      prize: outcome?.prize ?? null,
      prizes: outcome ? outcome.prizes.map((p) => p.prize) : null,
      commission: known.commission,
      taxOnCommission: known.taxOnCommission,
      overridden: override !== undefined,
      wonByMe: record?.wonByMe === true,
      prizeReceived: record?.prizeReceived ?? null,
      prizeReceivedOn: record?.prizeReceivedOn ?? null,
    });
  }
  return lines;
}

/** Paid, lateness, balance and status for each instalment, given the member's payments and today's date. */
export function scheduleFor(
  terms: ChitTerms,
  records: readonly InstalmentRecord[],
  payments: readonly InstalmentPayment[],
  today: CalendarDate,
): Schedule {
  if (parseDate(today) === null) throw new DomainError("invalid-date", `today is not a calendar date: ${today}`);
  const lines = instalmentLines(terms, records);
  const paymentsBy = new Map<number, InstalmentPayment[]>();
  let unallocated = 0;
  for (const payment of payments) {
    if (Number.isInteger(payment.instalment) && payment.instalment >= 1 && payment.instalment <= terms.instalments) {
      const list = paymentsBy.get(payment.instalment) ?? [];
      list.push(payment);
      paymentsBy.set(payment.instalment, list);
    } else {
      unallocated += payment.amount;
    }
  }
  let nextFound = false;
  const instalments = lines.map((line): ScheduleRow => {
    const own = paymentsBy.get(line.number) ?? [];
    const paid = own.reduce((total, p) => total + p.amount, 0);
    const late = latenessOf(terms, line, own, today);
    const payable = line.payable + late.dividendForfeited;
    const balance = Math.max(0, payable + late.penalty - paid);
    let status: InstalmentStatus;
    if (balance === 0) status = "paid";
    else if (line.dueDate < today) status = "overdue";
    else if (paid > 0) status = "part-paid";
    else status = nextFound ? "upcoming" : "due";
    if (balance > 0 && line.dueDate >= today) nextFound = true;
    return {
      ...line,
      payable,
      paid,
      penalty: late.penalty,
      dividendForfeited: late.dividendForfeited,
      balance,
      status,
    };
  });
  const sum = (pick: (row: ScheduleRow) => Paise) => instalments.reduce((total, row) => total + pick(row), 0);
  const penalties = sum((row) => row.penalty);
  const dividendsForfeited = sum((row) => row.dividendForfeited);
  return {
    instalments,
    totals: {
      payable: sum((row) => row.payable),
      paid: sum((row) => row.paid),
      balance: sum((row) => row.balance),
      dividends: sum((row) => (row.dividendApplied ?? 0) - row.dividendForfeited),
      overdue: sum((row) => (row.status === "overdue" ? row.balance : 0)),
      prizes: sum((row) => (row.wonByMe ? (row.prizeReceived ?? row.prize ?? 0) : 0)),
      unallocated,
      penalties,
      dividendsForfeited,
      latenessCost: penalties + dividendsForfeited,
      estimated: instalments.some((row) => row.estimated),
    },
  };
}
