// What is due, overdue, paid and earned across a member's chits, for the dashboard and GET /api/v1/summary.
// Amounts are paise here; the web layer formats them. Overdue instalments also become (deduplicated) notifications.
import { randomUUID } from "node:crypto";
import { addDays, compareDates, todayIn } from "../domain/dates.ts";
import type { Paise } from "../domain/money.ts";
import type { Payment as SchedulePayment, ScheduleRow } from "../domain/schedule.ts";
import type { Chit, PaidInMonth } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { tryScheduleFor } from "./chit-schedule.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { paidSoFar } from "./paid-so-far.ts";

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
  status: Chit["status"];
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

export type MonthSeries = { months: string[]; byChit: { chitId: string; name: string; paid: Paise[] }[]; cumulativePaid: Paise[]; cumulativeExpected: Paise[] };

export type Summary = {
  today: string;
  totals: { paid: Paise; payable: Paise; balance: Paise; dueThisMonth: Paise; overdue: Paise; dividends: Paise; prizesReceived: Paise };
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
function unschedulableCard(chit: Chit, problem: string): ChitCard {
  return {
    id: chit.id,
    name: chit.name,
    organizer: chit.organizer,
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
export function summarise(chits: Chit[], paid: ReadonlyMap<string, readonly SchedulePayment[]>, paidMonths: readonly PaidInMonth[], today: string): Summary {
  const month = today.slice(0, 7);
  const horizon = addDays(today, UPCOMING_DAYS);
  const totals = { paid: 0, payable: 0, balance: 0, dueThisMonth: 0, overdue: 0, dividends: 0, prizesReceived: 0 };
  const upcoming: DueItem[] = [];
  const overdue: DueItem[] = [];
  const cards: ChitCard[] = [];
  const months = monthsEndingAt(today, CHART_MONTHS);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const series: MonthSeries = { months, byChit: [], cumulativePaid: months.map(() => 0), cumulativeExpected: months.map(() => 0) };
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
    totals.prizesReceived += schedule.instalments.reduce((sum, r) => sum + (r.wonByMe && r.prizeReceived ? r.prizeReceived : 0), 0);
    let next: DueItem | null = null;
    let chitOverdue = 0;
    for (const row of schedule.instalments) {
      if (row.balance <= 0) continue;
      if (chit.status === "active") {
        totals.balance += row.balance;
        if (row.dueDate.slice(0, 7) === month && compareDates(row.dueDate, today) >= 0) totals.dueThisMonth += row.balance;
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

/** The member's chits and their summary on `today`, from four store queries whatever the size of the ledger. */
export async function summaryOn(deps: Pick<LedgerDeps, "chits" | "payments">, ownerId: string, today: string): Promise<{ chits: Chit[]; summary: Summary }> {
  const [chits, paidMonths] = await Promise.all([deps.chits.list(ownerId), deps.payments.paidByMonth(ownerId, chartStart(today))]);
  return { chits, summary: summarise(chits, await paidSoFar(deps.payments, ownerId, chits), paidMonths, today) };
}

/**
 * The member's summary today. With a summary cache among the ports, it is kept per member while the ledger's revision
 * and the day stay the same; the revision is read from the store on every call, so an instance never serves a summary
 * another instance has made stale.
 */
export async function buildSummary(deps: Pick<LedgerDeps, "chits" | "payments" | "notifications" | "clock" | "summaries">, member: Member): Promise<Summary> {
  const now = deps.clock.now();
  const today = todayIn(member.timeZone, now);
  const cache = deps.summaries;
  const revision = cache ? await deps.chits.revision(member.id) : 0;
  const key = `${member.id}:${member.timeZone}`;
  const hit = cache?.get(key);
  if (hit && hit.revision === revision && hit.today === today) return hit.summary;
  const { summary } = await summaryOn(deps, member.id, today);
  cache?.set(key, { revision, today, summary });
  for (const o of summary.overdue) {
    await deps.notifications.add({
      id: randomUUID(),
      ownerId: member.id,
      kind: "overdue",
      message: `${o.chitName}: instalment ${o.number} was due on ${o.dueDate} and is not fully paid.`,
      link: `/chits/${o.chitId}`,
      dedupeKey: `overdue:${o.chitId}:${o.number}`,
      readAt: null,
      createdAt: now,
    });
  }
  return summary;
}
