// How pages show money, dates and rates: ₹ with Indian grouping, "24 Nov 2026", instants in the member's time zone.
import { type CalendarDate, isTimeZone, parseDate, todayIn } from "../domain/dates.ts";
import { formatINR, type Paise } from "../domain/money.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "₹1,00,000", "₹2,500.50", "-₹1.50". */
export function formatMoney(paise: Paise): string {
  return formatINR(paise);
}

/** Rupees as the API and use cases report them (a number with at most 2 decimals) -> "₹1,00,000". */
export function formatRupees(rupees: number): string {
  return formatINR(Math.round(rupees * 100));
}

/** An amount as a form field shows it, without the symbol, so it parses back unchanged: "1,00,000", "2,500.50". */
export function amountForInput(paise: Paise | null | undefined): string {
  return paise === null || paise === undefined ? "" : formatINR(paise, { withSymbol: false });
}

/**
 * A calendar day as "24 Nov 2026". A CalendarDate already is a day on the member's calendar (due dates, payment dates),
 * so it is shown as it is; only instants need the time zone (formatInstant).
 */
export function formatDate(date: CalendarDate): string {
  if (parseDate(date) === null) return date;
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>(); // one per zone: making one costs far more than using it

/** An instant (when something happened) as "24 Nov 2026, 14:05" in the member's time zone. */
export function formatInstant(at: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : "Asia/Kolkata";
  let clock = clockFormatters.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });
    clockFormatters.set(zone, clock);
  }
  const time = clock.format(at);
  return `${formatDate(todayIn(zone, at))}, ${time}`;
}

/** A yearly rate given as a fraction: 0.0757 -> "7.57%"; a rate that rounds to zero is "0.00%", never "-0.00%". */
export function formatPercent(fraction: number, digits = 2): string {
  const text = (fraction * 100).toFixed(digits);
  return `${Number(text) === 0 ? text.replace("-", "") : text}%`;
}

/** File sizes for receipts: "240 KB", "3.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
