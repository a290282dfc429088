// Which reminders are due today: N days before each due date, and an overdue notice the day after a missed one.
import { type CalendarDate, daysBetween } from "./dates.ts";
import type { Paise } from "./money.ts";

/** Instalments across chits in the order a member meets them: due date, then chit name, then number. */
export function earliestDueFirst(
  a: { dueDate: string; chitName: string; number: number },
  b: { dueDate: string; chitName: string; number: number },
): number {
  return a.dueDate < b.dueDate
    ? -1
    : a.dueDate > b.dueDate
      ? 1
      : a.chitName.localeCompare(b.chitName) || a.number - b.number;
}

/** "due-in-3" is the reminder set 3 days before the due date ("due-in-0" on the day); "overdue" the day after. */
export type ReminderKind = `due-in-${number}` | "overdue";

export interface ReminderPreferences {
  /** Days before the due date to remind, e.g. [3, 0]; empty for none. */
  days: number[];
  /** An overdue notice the day after a due date that was not fully paid. */
  overdue: boolean;
  /** One mail a day listing everything, instead of one mail per reminder. */
  digest: boolean;
}

export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = { days: [3, 0], overdue: true, digest: false };

/** The furthest ahead a member may ask to be reminded, and how many reminder days they may pick. */
export const MAX_REMINDER_DAYS = 30;
export const MAX_REMINDERS_PER_INSTALMENT = 5;

/**
 * An overdue notice that could not go out the day after (the host slept, the app was down) still goes out for this
 * many days, but not later: a chit added with long-unpaid instalments does not set off a burst of old notices.
 */
export const OVERDUE_NOTICE_WINDOW_DAYS = 7;

/** One instalment not yet fully paid, as the reminder job sees it. */
export interface OpenInstalment {
  chitId: string;
  chitName: string;
  number: number;
  dueDate: CalendarDate;
  payable: Paise;
  balance: Paise;
  estimated: boolean;
}

export interface DueReminder extends OpenInstalment {
  kind: ReminderKind;
  /** Days from today to the due date: 3, 0, or negative when overdue. */
  daysLeft: number;
}

/**
 * The reminder each open instalment calls for today, at most one per instalment. A reminder day that was missed (no run
 * that day) is caught up by the next run before the due date, so "3 days before" still goes out 2 days before; once a
 * later reminder day is reached only that one applies (on the due date: "due-in-0", not a late "due-in-3"). The caller
 * keeps a log so each kind goes out once.
 */
export function remindersDue(
  today: CalendarDate,
  preferences: ReminderPreferences,
  instalments: readonly OpenInstalment[],
): DueReminder[] {
  const due: DueReminder[] = [];
  for (const instalment of instalments) {
    if (instalment.balance <= 0) continue;
    const daysLeft = daysBetween(today, instalment.dueDate);
    if (daysLeft >= 0) {
      const reached = preferences.days.filter((d) => d >= daysLeft);
      if (reached.length === 0) continue;
      due.push({ ...instalment, kind: `due-in-${Math.min(...reached)}`, daysLeft });
    } else if (preferences.overdue && -daysLeft <= OVERDUE_NOTICE_WINDOW_DAYS) {
      due.push({ ...instalment, kind: "overdue", daysLeft });
    }
  }
  return due.sort(earliestDueFirst);
}

/** Every open instalment past its due date, as an overdue notice: the member's in-app notifications list each once. */
export function overdueInstalments(today: CalendarDate, instalments: readonly OpenInstalment[]): DueReminder[] {
  return instalments
    .filter((i) => i.balance > 0 && i.dueDate < today)
    .map((i) => ({ ...i, kind: "overdue" as const, daysLeft: daysBetween(today, i.dueDate) }));
}

/** "3, 0" -> [3, 0] (largest first, no repeats); "" -> []; null when a part is not a whole number of days in range. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const days: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,2}$/.test(part)) return null;
    const day = Number(part);
    if (day > MAX_REMINDER_DAYS) return null;
    if (!days.includes(day)) days.push(day);
  }
  if (days.length > MAX_REMINDERS_PER_INSTALMENT) return null;
  return days.sort((a, b) => b - a);
}

export function formatReminderDays(days: readonly number[]): string {
  return days.join(",");
}

/** The hour (0-23) on the clock of `timeZone` at `instant`; pure like todayIn (the caller passes the instant). */
export function localHour(timeZone: string, instant: Date): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(instant);
  return Number(hour);
}
