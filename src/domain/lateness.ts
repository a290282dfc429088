// What paying an instalment late costs under the chit's rules (Chit Funds Act s.21(1)(c)): penalty and forfeited
// dividend.
import { type ChitTerms, unitOf } from "./chit.ts";
import { type CalendarDate, daysBetween } from "./dates.ts";
import { divideToUnit, type Paise, percentOf } from "./money.ts";
import type { InstalmentLine, InstalmentPayment } from "./schedule.ts";

export interface Lateness {
  penalty: Paise;
  dividendForfeited: Paise;
}

/**
 * An instalment is late when what was paid by its due date does not cover its payable and the due date has passed.
 * Then, by the chit's rules:
 * - the dividend that lowered it is forfeited (lateForfeitsDividend; never on a payable copied from the foreman's
 *   notice, which already says what is owed), raising what is owed by that dividend;
 * - "interest": simple interest at latePenaltyPercent a year (365 days) on the amount outstanding each day after the
 *   due date, until it is paid or until today; "fixed-fee": lateFee once.
 * The penalty is rounded to the chit's unit, half away from zero.
 */
export function latenessOf(
  terms: ChitTerms,
  line: InstalmentLine,
  payments: readonly InstalmentPayment[],
  today: CalendarDate,
): Lateness {
  const onTime = payments.filter((p) => p.paidOn <= line.dueDate).reduce((total, p) => total + p.amount, 0);
  const pastDue = line.dueDate < today || payments.some((p) => p.paidOn > line.dueDate);
  if (!pastDue || onTime >= line.payable) return { penalty: 0, dividendForfeited: 0 };
  const dividendForfeited = terms.lateForfeitsDividend && !line.overridden ? (line.dividendApplied ?? 0) : 0;
  const owed = line.payable + dividendForfeited;
  if (terms.lateRule === "fixed-fee") return { penalty: terms.lateFee, dividendForfeited };
  if (terms.lateRule !== "interest" || terms.latePenaltyPercent <= 0) return { penalty: 0, dividendForfeited };
  const later = payments
    .filter((p) => p.paidOn > line.dueDate)
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let outstanding = owed - onTime;
  let since = line.dueDate;
  let paiseDays = 0; // sum of outstanding x days
  for (const payment of later) {
    if (outstanding <= 0) break;
    paiseDays += outstanding * daysBetween(since, payment.paidOn);
    outstanding -= payment.amount;
    since = payment.paidOn;
  }
  if (outstanding > 0 && today > since) paiseDays += outstanding * daysBetween(since, today);
  const yearly = percentOf(paiseDays, terms.latePenaltyPercent); // paise x days a year
  return { penalty: divideToUnit(yearly, 365, unitOf(terms), "nearest"), dividendForfeited };
}
