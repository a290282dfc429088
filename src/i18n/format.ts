// Dates and instants in the reader's language from Intl (month and weekday names), with Latin digits as Indian banks'
// apps show them; money keeps Indian grouping in every language (formatINR).
import { type CalendarDate, parseDate, todayIn, zoneOrDefault } from "../domain/dates.ts";
import { intlTag, type Locale } from "./locales.ts";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlTag(locale), options);
    cache.set(key, f);
  }
  return f;
}

const noon = (date: CalendarDate) => new Date(`${date}T12:00:00Z`);

/** A calendar day as its reader writes it: "24 Nov 2026", "24 నవం, 2026"; with the weekday first when asked. */
export function formatDay(date: CalendarDate, locale: Locale, withWeekday = false): string {
  if (parseDate(date) === null) return date;
  const day = formatter(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(noon(date));
  return withWeekday ? `${formatter(locale, { weekday: "short", timeZone: "UTC" }).format(noon(date))}, ${day}` : day;
}

/** A month and year: "November 2026", "నవంబర్ 2026". `month` is YYYY-MM. */
export function formatMonth(month: string, locale: Locale, width: "long" | "short" = "long"): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return formatter(locale, { month: width, year: "numeric", timeZone: "UTC" }).format(noon(`${month}-15`));
}

/** The weekday names from Monday, short, for calendar headings. */
export function weekdayNames(locale: Locale, width: "short" | "long" = "short"): string[] {
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((d) => formatter(locale, { weekday: width, timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, d, 12))));
}

/** An instant as "24 Nov 2026, 14:05" in the reader's language and time zone (24-hour clock: no AM/PM words). */
export function formatInstant(at: Date, locale: Locale, timeZone: string): string {
  const zone = zoneOrDefault(timeZone);
  const time = formatter(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(at);
  return `${formatDay(todayIn(zone, at), locale)}, ${time}`;
}

/**
 * A size in the binary units Atlas and browsers mean by them (the free tier's "512 MB" is 512 x 1024 x 1024 bytes):
 * "0 B", "830 kB", "1 MB", "1.5 MB", "512 MB", "1.5 GB".
 */
export function formatBytes(bytes: number): string {
  const k = 1024;
  const tenths = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= k ** 3) return `${tenths(bytes / k ** 3)} GB`;
  if (bytes >= k ** 2) return `${bytes >= 100 * k ** 2 ? Math.round(bytes / k ** 2) : tenths(bytes / k ** 2)} MB`;
  if (bytes >= k) return `${Math.round(bytes / k)} kB`;
  return `${bytes} B`;
}
