// A member's instalment schedule: due dates, dividends, payables, prizes, payments and status.
import { type AuctionOutcome, auctionFor, type ChitTerms, type InstalmentRecord, isForemanInstalment, onTopShare, subscriptionOf } from "./chit.ts";
import { type CalendarDate, dueDateFor, parseDate } from "./dates.ts";
import { DomainError } from "./errors.ts";
import type { Paise } from "./money.ts";

/** A payment the member made against one instalment. */
export interface Payment {
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
  discount: Paise | null; // null: auction not held or not recorded yet
  dividend: Paise | null; // per sharing ticket, from THIS instalment's auction
  dividendApplied: Paise | null; // what lowers THIS instalment for the member's ticket; null: not known yet
  payable: Paise;
  estimated: boolean; // true: payable assumes no dividend because the auction it depends on is unrecorded
  prize: Paise | null; // what this auction's winner gets
  commission: Paise; // the foreman's from this auction
  wonByMe: boolean;
  prizeReceived: Paise | null;
  prizeReceivedOn: CalendarDate | null;
}

export interface ScheduleRow extends InstalmentLine {
  paid: Paise;
  balance: Paise; // payable - paid, never below 0
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
  estimated: boolean; // some payable rests on an assumption
}

export interface Schedule {
  instalments: ScheduleRow[];
  totals: ScheduleTotals;
}

function recordsByNumber(terms: ChitTerms, records: readonly InstalmentRecord[]): Map<number, InstalmentRecord> {
  const byNumber = new Map<number, InstalmentRecord>();
  for (const record of records) {
    if (Number.isInteger(record.number) && record.number >= 1 && record.number <= terms.members) {
      byNumber.set(record.number, record);
    }
  }
  return byNumber;
}

/**
 * The chit's instalments from one ticket's point of view, without payments.
 * Payable = S + on-top commission share - the dividend applied, unless the record carries the
 * foreman's figure (payableOverride), which always wins. The dividend applied to instalment k comes
 * from auction k - 1 ("next"; none for k = 1) or auction k ("same"); with split "others" the
 * member's ticket gets none from an auction it won. When that auction is not recorded yet the
 * payable assumes no dividend (S) and is marked estimated. On the foreman's instalment 1 any
 * recorded discount is ignored: the foreman takes C whole.
 */
export function instalmentLines(terms: ChitTerms, records: readonly InstalmentRecord[]): InstalmentLine[] {
  const byNumber = recordsByNumber(terms, records);
  const subscription = subscriptionOf(terms);
  const outcomes: (AuctionOutcome | null)[] = [];
  for (let k = 1; k <= terms.members; k++) {
    const discount = byNumber.get(k)?.discount;
    outcomes.push(isForemanInstalment(terms, k) ? auctionFor(terms, k, 0) : discount === undefined ? null : auctionFor(terms, k, discount));
  }
  const lines: InstalmentLine[] = [];
  for (let k = 1; k <= terms.members; k++) {
    const record = byNumber.get(k);
    const outcome = outcomes[k - 1] ?? null;
    const source = terms.dividendApplies === "next" ? k - 1 : k;
    let applied: Paise | null = 0;
    if (source >= 1) {
      const sourceOutcome = outcomes[source - 1] ?? null;
      const wonSource = byNumber.get(source)?.wonByMe === true;
      applied = sourceOutcome === null ? null : terms.dividendSplit === "others" && wonSource ? 0 : sourceOutcome.dividend;
    }
    const override = record?.payableOverride;
    lines.push({
      number: k,
      dueDate: dueDateFor(terms.startDate, terms.dueDay, k, terms.frequency),
      discount: outcome?.discount ?? null,
      dividend: outcome?.dividend ?? null,
      dividendApplied: applied,
      payable: override ?? subscription + onTopShare(terms, k) - (applied ?? 0),
      estimated: override === undefined && applied === null,
      prize: outcome?.prize ?? null,
      commission: outcome?.commission ?? 0,
      wonByMe: record?.wonByMe === true,
      prizeReceived: record?.prizeReceived ?? null,
      prizeReceivedOn: record?.prizeReceivedOn ?? null,
    });
  }
  return lines;
}

/** Paid, balance and status for each instalment, given the member's payments and today's date. */
export function scheduleFor(terms: ChitTerms, records: readonly InstalmentRecord[], payments: readonly Payment[], today: CalendarDate): Schedule {
  if (parseDate(today) === null) throw new DomainError("invalid-date", `today is not a calendar date: ${today}`);
  const lines = instalmentLines(terms, records);
  const paidBy = new Map<number, Paise>();
  let unallocated = 0;
  for (const payment of payments) {
    if (Number.isInteger(payment.instalment) && payment.instalment >= 1 && payment.instalment <= terms.members) {
      paidBy.set(payment.instalment, (paidBy.get(payment.instalment) ?? 0) + payment.amount);
    } else {
      unallocated += payment.amount;
    }
  }
  let nextFound = false;
  const instalments = lines.map((line): ScheduleRow => {
    const paid = paidBy.get(line.number) ?? 0;
    const balance = Math.max(0, line.payable - paid);
    let status: InstalmentStatus;
    if (balance === 0) status = "paid";
    else if (line.dueDate < today) status = "overdue";
    else if (paid > 0) status = "part-paid";
    else status = nextFound ? "upcoming" : "due";
    if (balance > 0 && line.dueDate >= today) nextFound = true;
    return { ...line, paid, balance, status };
  });
  const sum = (pick: (row: ScheduleRow) => Paise) => instalments.reduce((total, row) => total + pick(row), 0);
  return {
    instalments,
    totals: {
      payable: sum((row) => row.payable),
      paid: sum((row) => row.paid),
      balance: sum((row) => row.balance),
      dividends: sum((row) => row.dividendApplied ?? 0),
      overdue: sum((row) => (row.status === "overdue" ? row.balance : 0)),
      prizes: sum((row) => (row.wonByMe ? (row.prizeReceived ?? row.prize ?? 0) : 0)),
      unallocated,
      estimated: instalments.some((row) => row.estimated),
    },
  };
}

/** Money through the whole group over the chit's life, in paise. */
export interface GroupCashflows {
  collections: Paise; // every ticket's payable, every instalment
  prizes: Paise;
  commissions: Paise;
  taxOnCommission: Paise; // taken out of prizes (0 unless taxDeductedFromPrize)
  unsharedDividend: Paise; // with "next", the last auction's dividend: no instalment is left to lower
}

/**
 * Whole-group cash for a complete discount path (discounts[k - 1] is instalment k's quoted bid).
 * Each instalment, N - 1 tickets pay the ordinary payable and the ticket that won the auction whose
 * dividend applies pays its own (the same unless the split is "others"). Then
 * collections = prizes + commissions + taxOnCommission + unsharedDividend, exactly when C, the
 * dividend pools and (on top) F divide evenly in paise; otherwise each side is off by the rounding.
 */
export function groupCashflows(terms: ChitTerms, discounts: readonly Paise[]): GroupCashflows {
  if (discounts.length !== terms.members) {
    throw new DomainError("invalid-instalment", `need ${terms.members} discounts, got ${discounts.length}`);
  }
  const records = discounts.map((discount, i): InstalmentRecord => ({ number: i + 1, discount }));
  const ordinary = instalmentLines(terms, records);
  const winners = instalmentLines(
    terms,
    records.map((record) => ({ ...record, wonByMe: true })),
  );
  const flows: GroupCashflows = { collections: 0, prizes: 0, commissions: 0, taxOnCommission: 0, unsharedDividend: 0 };
  for (let k = 1; k <= terms.members; k++) {
    const outcome = auctionFor(terms, k, isForemanInstalment(terms, k) ? 0 : (discounts[k - 1] ?? 0));
    flows.collections += (terms.members - 1) * (ordinary[k - 1]?.payable ?? 0) + (winners[k - 1]?.payable ?? 0);
    flows.prizes += outcome.prize;
    flows.commissions += outcome.commission;
    flows.taxOnCommission += outcome.taxOnCommission;
    if (k === terms.members && terms.dividendApplies === "next") flows.unsharedDividend = outcome.pool;
  }
  return flows;
}
