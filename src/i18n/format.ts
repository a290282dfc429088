// Dates and instants in the reader's language from Intl (month and weekday names), with Latin digits as Indian banks'
// apps show them; money keeps Indian grouping in every language (formatINR).
import {
  type CalendarDate,
  DEFAULT_TIME_ZONE,
  isTimeZone,
  parseDate,
  todayIn,
  zoneOrDefault,
} from "../domain/dates.ts";
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
  const day = formatter(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    noon(date),
  );
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
  return [1, 2, 3, 4, 5, 6, 7].map((d) =>
    formatter(locale, { weekday: width, timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, d, 12))),
  );
}

/** An instant as "24 Nov 2026, 14:05" in the reader's language and time zone (24-hour clock: no AM/PM words). */
export function formatInstant(at: Date, locale: Locale, timeZone: string): string {
  const zone = zoneOrDefault(timeZone);
  const time = formatter(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(at);
  return `${formatDay(todayIn(zone, at), locale)}, ${time}`;
}

type ZoneChoice = { value: string; label: string };
const zoneChoices = new Map<string, ZoneChoice[]>();

/**
 * The time zones a member may choose, each named in their language with its offset ("भारतीय मानक समय (GMT+05:30)"),
 * in order of offset. Zones that read the same (Asia/Kolkata and Asia/Calcutta) are one choice; the member's own zone
 * stands for its group, so the one they chose stays chosen. Names and offsets are as of `now` (summer time moves them).
 */
export function timeZoneChoices(locale: Locale, current: string, now = new Date()): ZoneChoice[] {
  const cacheKey = `${locale} ${now.toISOString().slice(0, 10)}`;
  let choices = zoneChoices.get(cacheKey);
  if (!choices) {
    const part = (zone: string, style: "longGeneric" | "longOffset") =>
      new Intl.DateTimeFormat(intlTag(locale), { timeZone: zone, timeZoneName: style })
        .formatToParts(now)
        .find((p) => p.type === "timeZoneName")?.value ?? zone;
    const minutes = (offset: string) => {
      const m = /([+-])(\d{2}):?(\d{2})?/.exec(offset);
      return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    };
    const byLabel = new Map<string, ZoneChoice & { minutes: number }>();
    for (const zone of [DEFAULT_TIME_ZONE, "UTC", ...Intl.supportedValuesOf("timeZone")]) {
      const generic = part(zone, "longGeneric");
      const offset = part(zone, "longOffset");
      const label = generic === offset ? offset : `${generic} (${offset})`;
      if (!byLabel.has(label)) byLabel.set(label, { value: zone, label, minutes: minutes(offset) });
    }
    choices = [...byLabel.values()]
      .sort((a, b) => a.minutes - b.minutes || a.label.localeCompare(b.label, intlTag(locale)))
      .map(({ value, label }) => ({ value, label }));
    if (zoneChoices.size > 50) zoneChoices.clear();
    zoneChoices.set(cacheKey, choices);
  }
  if (!isTimeZone(current) || choices.some((c) => c.value === current)) return choices;
  // The member's zone is in a group another zone stands for: it stands for the group instead.
  const own =
    new Intl.DateTimeFormat(intlTag(locale), { timeZone: current, timeZoneName: "longGeneric" })
      .formatToParts(now)
      .find((p) => p.type === "timeZoneName")?.value ?? current;
  const ownOffset =
    new Intl.DateTimeFormat(intlTag(locale), { timeZone: current, timeZoneName: "longOffset" })
      .formatToParts(now)
      .find((p) => p.type === "timeZoneName")?.value ?? current;
  const label = own === ownOffset ? ownOffset : `${own} (${ownOffset})`;
  const at = choices.findIndex((c) => c.label === label);
  return at < 0
    ? [{ value: current, label: current }, ...choices]
    : choices.map((c, i) => (i === at ? { value: current, label } : c));
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
