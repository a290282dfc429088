// The calendar page's month: every due date across the member's active chits, with status and payable, by day.

import { addMonthsToMonth, type CalendarMonth, monthWeeks, parseMonth } from "../domain/calendar-month.ts";
import { todayIn } from "../domain/dates.ts";
import type { Paise } from "../domain/money.ts";
import type { Clock } from "../ports/clock.ts";
import type { ChitRepository, PaymentRepository } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { type InstalmentDue, loadInstalments } from "./instalments-across-chits.ts";
import { memberZone } from "./member-zone.ts";

export type CalendarMonthView = {
  month: CalendarMonth;
  today: string;
  previous: CalendarMonth;
  next: CalendarMonth;
  weeks: { date: string | null; dues: InstalmentDue[] }[][];
  /** What is still to pay on the month's due dates, and how much of it is overdue. */
  totals: { payable: Paise; balance: Paise; overdue: Paise; count: number };
};

/** `requested` is "YYYY-MM" from the page's query; anything else shows the member's current month. */
export async function buildCalendarMonth(
  deps: { chits: ChitRepository; payments: PaymentRepository; clock: Clock },
  member: Member,
  requested: string | undefined,
): Promise<CalendarMonthView> {
  const today = todayIn(memberZone(member), deps.clock.now());
  const month = (requested && parseMonth(requested)) || today.slice(0, 7);
  const dues = (await loadInstalments(deps, member.id, today)).filter((d) => d.dueDate.startsWith(`${month}-`));
  const byDate = new Map<string, InstalmentDue[]>();
  for (const due of dues) byDate.set(due.dueDate, [...(byDate.get(due.dueDate) ?? []), due]);
  return {
    month,
    today,
    previous: addMonthsToMonth(month, -1),
    next: addMonthsToMonth(month, 1),
    weeks: monthWeeks(month).map((week) => week.map((date) => ({ date, dues: date ? (byDate.get(date) ?? []) : [] }))),
    totals: {
      payable: dues.reduce((s, d) => s + d.payable, 0),
      balance: dues.reduce((s, d) => s + d.balance, 0),
      overdue: dues.reduce((s, d) => s + (d.status === "overdue" ? d.balance : 0), 0),
      count: dues.length,
    },
  };
}
