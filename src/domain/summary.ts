// What is due, overdue, paid and earned across a member's chits on a given day: totals, the instalments coming up and
// overdue, a card per chit and twelve months of charts. Pure: it takes what the store summed up and returns values.
import type { ChitTerms, InstalmentRecord } from "./chit.ts";
import { addDays, compareDates } from "./dates.ts";
import type { Paise } from "./money.ts";
import type { InstalmentPayment, ScheduleRow } from "./schedule.ts";
import { tryScheduleFor } from "./schedule-outcome.ts";

/** What the summary needs of a chit. */
export type SummaryChit = {
  id: string;
  name: string;
  organizer: string;
  /** The UPI ids the member pays this chit to (for matching a shared screenshot's payee). */
  upiIds?: readonly string[];
  status: "active" | "closed";
  terms: ChitTerms;
  instalments: readonly InstalmentRecord[];
};

/** What was paid on a chit in one month (YYYY-MM). */
export type PaidInMonth = { chitId: string; month: string; amount: Paise };

export type DueItem = {
  chitId: string;
  chitName: string;
  number: number;
  dueDate: string;
  payable: Paise;
  balance: Paise;
  status: ScheduleRow["status"];
  estimated: boolean;
};

export type ChitCard = {
  id: string;
  name: string;
  organizer: string;
  upiIds: readonly string[];
  status: "active" | "closed";
  prized: boolean;
  paid: Paise;
  totalPayable: Paise;
  balance: Paise;
  overdue: Paise;
  instalments: number;
  paidInstalments: number;
  next: DueItem | null;
  /** Why this chit has no schedule (its stored terms are outside what a chit can be), or null. */
  problem: string | null;
};

export type MonthSeries = {
  months: string[];
  byChit: { chitId: string; name: string; paid: Paise[] }[];
  cumulativePaid: Paise[];
  cumulativeExpected: Paise[];
};

export type Summary = {
  today: string;
  totals: {
    paid: Paise;
    payable: Paise;
    balance: Paise;
    dueThisMonth: Paise;
    overdue: Paise;
    dividends: Paise;
    prizesReceived: Paise;
  };
  upcoming: DueItem[];
  overdue: DueItem[];
  chits: ChitCard[];
  charts: MonthSeries;
};

const UPCOMING_DAYS = 30;
const CHART_MONTHS = 12;

function monthsEndingAt(today: string, count: number): string[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** A chit without a schedule counts for nothing in the totals; its card says what is wrong. */
function unschedulableCard(chit: SummaryChit, problem: string): ChitCard {
  return {
    id: chit.id,
    name: chit.name,
    organizer: chit.organizer,
    upiIds: chit.upiIds ?? [],
    status: chit.status,
    prized: chit.instalments.some((r) => r.wonByMe),
    paid: 0,
    totalPayable: 0,
    balance: 0,
    overdue: 0,
    instalments: chit.terms.members,
    paidInstalments: 0,
    next: null,
    problem,
  };
}

/** The first month (YYYY-MM-01) the dashboard's charts show, for asking the store for sums from then on. */
export const chartStart = (today: string) => `${monthsEndingAt(today, CHART_MONTHS)[0]}-01`;

/**
 * The summary from what the store sums up: per chit, its payments as its schedule needs them (paidSoFar), and the sums
 * per chit and month from chartStart(today) on (paidByMonth). No list of payments is needed.
 */
export function summarise(
  chits: readonly SummaryChit[],
  paid: ReadonlyMap<string, readonly InstalmentPayment[]>,
  paidMonths: readonly PaidInMonth[],
  today: string,
): Summary {
  const month = today.slice(0, 7);
  const horizon = addDays(today, UPCOMING_DAYS);
  const totals = { paid: 0, payable: 0, balance: 0, dueThisMonth: 0, overdue: 0, dividends: 0, prizesReceived: 0 };
  const upcoming: DueItem[] = [];
  const overdue: DueItem[] = [];
  const cards: ChitCard[] = [];
  const months = monthsEndingAt(today, CHART_MONTHS);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const series: MonthSeries = {
    months,
    byChit: [],
    cumulativePaid: months.map(() => 0),
    cumulativeExpected: months.map(() => 0),
  };
  const paidBefore = { paid: 0, expected: 0 };

  for (const chit of chits) {
    const own = paid.get(chit.id) ?? [];
    const { schedule, problem } = tryScheduleFor(chit, own, today);
    if (!schedule) {
      cards.push(unschedulableCard(chit, problem.message));
      continue;
    }
    const item = (row: ScheduleRow): DueItem => ({
      chitId: chit.id,
      chitName: chit.name,
      number: row.number,
      dueDate: row.dueDate,
      payable: row.payable,
      balance: row.balance,
      status: row.status,
      estimated: row.estimated,
    });
    totals.paid += schedule.totals.paid;
    totals.payable += schedule.totals.payable;
    totals.dividends += schedule.totals.dividends;
    totals.prizesReceived += schedule.instalments.reduce(
      (sum, r) => sum + (r.wonByMe && r.prizeReceived ? r.prizeReceived : 0),
      0,
    );
    let next: DueItem | null = null;
    let chitOverdue = 0;
    for (const row of schedule.instalments) {
      if (row.balance <= 0) continue;
      if (chit.status === "active") {
        totals.balance += row.balance;
        if (row.dueDate.slice(0, 7) === month && compareDates(row.dueDate, today) >= 0)
          totals.dueThisMonth += row.balance;
        if (row.status === "overdue") {
          totals.overdue += row.balance;
          chitOverdue += row.balance;
          overdue.push(item(row));
        } else if (compareDates(row.dueDate, horizon) <= 0) upcoming.push(item(row));
      }
      next ??= item(row);
    }
    cards.push({
      id: chit.id,
      name: chit.name,
      organizer: chit.organizer,
      upiIds: chit.upiIds ?? [],
      status: chit.status,
      prized: chit.instalments.some((r) => r.wonByMe),
      paid: schedule.totals.paid,
      totalPayable: schedule.totals.payable,
      balance: schedule.totals.balance,
      overdue: chitOverdue,
      instalments: chit.terms.instalments,
      paidInstalments: schedule.instalments.filter((r) => r.status === "paid").length,
      next: chit.status === "active" ? next : null,
      problem: null,
    });
    const perMonth = months.map(() => 0);
    // What was paid before the charts' first month: everything, less what was paid from that month on.
    let before = own.reduce((sum, p) => sum + p.amount, 0);
    for (const m of paidMonths) {
      if (m.chitId !== chit.id) continue;
      before -= m.amount;
      const i = monthIndex.get(m.month);
      if (i !== undefined) perMonth[i]! += m.amount;
    }
    paidBefore.paid += before;
    series.byChit.push({ chitId: chit.id, name: chit.name, paid: perMonth });
    for (const row of schedule.instalments) {
      const i = monthIndex.get(row.dueDate.slice(0, 7));
      if (i !== undefined) series.cumulativeExpected[i]! += row.payable;
      else if (row.dueDate.slice(0, 7) < months[0]!) paidBefore.expected += row.payable;
    }
  }
  let runPaid = paidBefore.paid;
  let runExpected = paidBefore.expected;
  months.forEach((_, i) => {
    runPaid += series.byChit.reduce((sum, s) => sum + (s.paid[i] ?? 0), 0);
    runExpected += series.cumulativeExpected[i]!;
    series.cumulativePaid[i] = runPaid;
    series.cumulativeExpected[i] = runExpected;
  });
  const byDue = (a: DueItem, b: DueItem) => compareDates(a.dueDate, b.dueDate) || a.chitName.localeCompare(b.chitName);
  return { today, totals, upcoming: upcoming.sort(byDue), overdue: overdue.sort(byDue), chits: cards, charts: series };
}
