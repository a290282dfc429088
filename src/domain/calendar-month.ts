// A month as a calendar shows it: weeks from Monday to Sunday, days outside the month left empty.
import { addDays, type CalendarDate, daysBetween, daysInMonth } from "./dates.ts";

/** A month written "YYYY-MM". */
export type CalendarMonth = string;

export function parseMonth(text: string): CalendarMonth | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1 && month >= 1 && month <= 12 ? text : null;
}

/** "2026-12" + 1 -> "2027-01". */
export function addMonthsToMonth(month: CalendarMonth, months: number): CalendarMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

/** 0 for Monday ... 6 for Sunday. 2024-01-01 was a Monday. */
export function weekdayIndex(date: CalendarDate): number {
  return (((daysBetween("2024-01-01", date) % 7) + 7) % 7) as number;
}

/** The month's weeks, Monday first; null where a day belongs to the month before or after. */
export function monthWeeks(month: CalendarMonth): (CalendarDate | null)[][] {
  const first = `${month}-01`;
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const cells: (CalendarDate | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let d = 0; d < days; d++) cells.push(addDays(first, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
