// How pages show money, dates and rates: ₹ with Indian grouping, "24 Nov 2026" in the reader's language, instants in
// the member's time zone.
import type { CalendarDate } from "../domain/dates.ts";
import { formatINR, type Paise, paiseToRupees } from "../domain/money.ts";
import { formatDay, formatInstant as formatInstantIn } from "../i18n/format.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";

export { formatBytes } from "../i18n/format.ts";

/** "₹1,00,000", "₹2,500.50", "-₹1.50". */
export function formatMoney(paise: Paise): string {
  return formatINR(paise);
}

/** Rupees as a number, for chart axes (Chart.js draws numbers; the tooltips format them back). */
export function chartRupees(paise: Paise): number {
  return paiseToRupees(paise);
}

/** An amount as a form field shows it, without the symbol, so it parses back unchanged: "1,00,000", "2,500.50". */
export function amountForInput(paise: Paise | null | undefined): string {
  return paise === null || paise === undefined ? "" : formatINR(paise, { withSymbol: false });
}

/**
 * A calendar day as "24 Nov 2026" (in the reader's language: "24 నవం, 2026"). A CalendarDate already is a day on the
 * member's calendar (due dates, payment dates), so it is shown as it is; only instants need the time zone.
 */
export function formatDate(date: CalendarDate, locale: Locale = DEFAULT_LOCALE): string {
  return formatDay(date, locale);
}

/** An instant (when something happened) as "24 Nov 2026, 14:05" in the member's time zone and language. */
export function formatInstant(at: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatInstantIn(at, locale, timeZone);
}

/** A yearly rate given as a fraction: 0.0757 -> "7.57%"; a rate that rounds to zero is "0.00%", never "-0.00%". */
export function formatPercent(fraction: number, digits = 2): string {
  const text = (fraction * 100).toFixed(digits);
  return `${Number(text) === 0 ? text.replace("-", "") : text}%`;
}
