// Calendar dates ("YYYY-MM-DD", no time, no zone), due dates of instalments, and today in a time zone.
import { DomainError } from "./errors.ts";

/**
 * A calendar day written "YYYY-MM-DD". A chit's due date is a day on the member's calendar, not an
 * instant, so no Date objects or time zones are involved once a date is a CalendarDate. Strings of
 * this shape sort chronologically, which storage and tests rely on.
 */
export type CalendarDate = string;

/**
 * How often instalments fall due. Monthly is by far the most common; KSFE runs chitties in weeks, and traders'
 * chits collect daily.
 */
export type Frequency = "daily" | "weekly" | "fortnightly" | "monthly" | "quarterly" | "half-yearly";

export const FREQUENCIES: readonly Frequency[] = [
  "daily",
  "weekly",
  "fortnightly",
  "monthly",
  "quarterly",
  "half-yearly",
];

/** Calendar months per period for month-based frequencies; 0 for day-based ones. */
const MONTHS_PER_PERIOD: Record<Frequency, number> = {
  daily: 0,
  weekly: 0,
  fortnightly: 0,
  monthly: 1,
  quarterly: 3,
  "half-yearly": 6,
};
/** Days per period for day-based frequencies; 0 for month-based ones. */
const DAYS_PER_PERIOD: Record<Frequency, number> = {
  daily: 1,
  weekly: 7,
  fortnightly: 14,
  monthly: 0,
  quarterly: 0,
  "half-yearly": 0,
};

export function monthsPerPeriod(frequency: Frequency): number {
  return MONTHS_PER_PERIOD[frequency];
}

/** Days between due dates for daily, weekly and fortnightly chits; 0 for month-based frequencies. */
export function daysPerPeriod(frequency: Frequency): number {
  return DAYS_PER_PERIOD[frequency];
}

/** Periods in a year: 12 for monthly, 365 / 7 for weekly (a 365-day year, like XIRR). */
export function periodsPerYear(frequency: Frequency): number {
  const days = DAYS_PER_PERIOD[frequency];
  return days > 0 ? 365 / days : 12 / MONTHS_PER_PERIOD[frequency];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; `month` is 1-12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

/** Strict: exactly "YYYY-MM-DD" naming a real day (no 2023-02-29, no 2024-4-1), else null. */
export function parseDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return text;
}

function split(date: CalendarDate): YearMonthDay {
  if (parseDate(date) === null) throw new DomainError("invalid-date", `not a calendar date: ${date}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format({ year, month, day }: YearMonthDay): CalendarDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date `months` calendar months later (or earlier), on `day` or the month's last day if shorter. */
function monthShift(year: number, month: number, months: number, day: number): YearMonthDay {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { year: y, month: m, day: Math.min(day, daysInMonth(y, m)) };
}

/**
 * Same day `months` months later, clamped to the month's end: 2024-01-31 + 1 -> 2024-02-29.
 * Chaining this drifts (31 Jan -> 29 Feb -> 29 Mar), so due dates use `dueDateFor`, which always
 * counts from the start date.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = split(date);
  return format(monthShift(year, month, months, day));
}

/**
 * Due date of instalment k (1-based). Month-based frequencies: the start date's month plus (k - 1)
 * periods, on `dueDay`, or on the last day of a shorter month (31 -> 30 Apr, 29 Feb 2024, 28 Feb
 * 2023); instalment 1 falls in the start month even when `dueDay` is before the start date's day (the
 * foreman's calendar decides). Day-based frequencies (daily, weekly, fortnightly): the start date
 * plus (k - 1) x 1, 7 or 14 days; `dueDay` does not apply. Either way computed from the start every
 * time, so due dates never drift.
 */
export function dueDateFor(
  startDate: CalendarDate,
  dueDay: number,
  k: number,
  frequency: Frequency = "monthly",
): CalendarDate {
  if (!Number.isInteger(k) || k < 1)
    throw new DomainError("invalid-instalment", `instalment must be 1 or more, got ${k}`);
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) {
    throw new DomainError("invalid-date", `due day must be 1-31, got ${dueDay}`);
  }
  const days = daysPerPeriod(frequency);
  if (days > 0) return addDays(startDate, (k - 1) * days);
  const { year, month } = split(startDate);
  return format(monthShift(year, month, (k - 1) * monthsPerPeriod(frequency), dueDay));
}

/** Day numbers of dates seen lately: a rate solves over the same few hundred dates many times a page. */
const dayNumbers = new Map<CalendarDate, number>();
const DAY_NUMBERS_KEPT = 4096;

/** Days since 0000-03-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function dayNumber(date: CalendarDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  if (dayNumbers.size >= DAY_NUMBERS_KEPT) dayNumbers.clear();
  const days = civilDayNumber(date);
  dayNumbers.set(date, days);
  return days;
}

function civilDayNumber(date: CalendarDate): number {
  const { year, month, day } = split(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra;
}

/** Whole days from `a` to `b`: positive when b is later. daysBetween("2024-02-28", "2024-03-01") = 2. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Inverse of dayNumber. */
function fromDayNumber(days: number): CalendarDate {
  const era = Math.floor(days / 146097);
  const dayOfEra = days - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return format({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

/** The date `days` days after `date` (negative for before). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** -1, 0 or 1, for sorting: compareDates("2024-01-31", "2024-02-01") = -1. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  split(a);
  split(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One formatter per zone, made once: building an Intl.DateTimeFormat costs far more than using one, and every page
 * asks for today's date. Immutable, and bounded by the zones that exist.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      calendar: "gregory",
      numberingSystem: "latn",
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The time zone of a member who has not chosen one, and of the jobs' schedules unless configured: India's. */
export const DEFAULT_TIME_ZONE = "Asia/Kolkata";

/** The zone when the runtime knows it, else DEFAULT_TIME_ZONE (a stored name may be one this runtime lacks). */
export function zoneOrDefault(timeZone: unknown): string {
  return typeof timeZone === "string" && isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
}

/**
 * True when `timeZone` names an IANA zone the runtime knows ("Asia/Kolkata", "UTC"); a typed or stored name may not
 * be one. Offsets such as "+05:30", which newer runtimes also accept, are not zone names.
 */
export function isTimeZone(timeZone: string): boolean {
  if (
    typeof timeZone !== "string" ||
    timeZone.length > 64 ||
    !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)
  )
    return false;
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date at `instant` in an IANA time zone ("Asia/Kolkata"). Pure: the caller passes the
 * instant (from its Clock port). Throws DomainError for an unknown zone, which config should catch.
 */
export function todayIn(timeZone: string, instant: Date): CalendarDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new DomainError("invalid-date", "instant is an invalid Date");
  // Every page asks; within one second the answer cannot change (zone offsets are whole seconds).
  const second = Math.floor(ms / 1000);
  const last = lastToday.get(timeZone);
  if (last?.second === second) return last.day;
  const day = dayIn(timeZone, instant);
  lastToday.set(timeZone, { second, day });
  return day;
}

/** The last answer of todayIn per zone (bounded by the zones that exist, like the formatters). */
const lastToday = new Map<string, { second: number; day: CalendarDate }>();

function dayIn(timeZone: string, instant: Date): CalendarDate {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dayFormatter(timeZone).formatToParts(instant);
  } catch {
    throw new DomainError("invalid-time-zone", `unknown time zone: ${timeZone}`);
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return format({ year: part("year"), month: part("month"), day: part("day") });
}
