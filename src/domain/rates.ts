// What a chit really costs or earns: NPV, every IRR root (XIRR and periodic), MIRR, periodic-to-annual.
import { type CalendarDate, daysBetween } from "./dates.ts";
import { type RateResult, solveRates, spreadsheetChoice } from "./rate-roots.ts";

// The member's dated cash flows live beside, in member-flows.ts; re-exported so rates are one import.
export { memberFlows, type ProjectionAssumption, projectedFlows } from "./member-flows.ts";

/** A dated cash flow from the member's side: money paid out negative, money received positive. */
export interface Flow {
  date: CalendarDate;
  amount: number;
}

export { MAX_RATE, MIN_RATE, PLAUSIBLE_MAX_RATE, type RateResult } from "./rate-roots.ts";

/** Every root of a result, in increasing order. */
export function allRates(result: RateResult): number[] {
  if (result.kind === "rate") return [result.rate, ...(result.extremeRates ?? [])].sort((a, b) => a - b);
  return result.kind === "multiple-rates" ? result.rates : [];
}

const DAYS_PER_YEAR = 365;

/** (1 + m)^p - 1: a monthly 1% is (1.01)^12 - 1 = 12.68% a year. */
export function periodicToAnnual(periodicRate: number, periodsPerYear: number): number {
  return (1 + periodicRate) ** periodsPerYear - 1;
}

/** Flows on the same date summed into one (a payment and a prize on one day become their net), sorted by date. */
export function netByDate(flows: readonly Flow[]): Flow[] {
  const byDate = new Map<string, number>();
  for (const flow of flows) byDate.set(flow.date, (byDate.get(flow.date) ?? 0) + flow.amount);
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, amount]) => ({ date, amount }));
}

/** Years from the earliest flow, on a 365-day year. */
function yearsFromStart(flows: readonly Flow[]): number[] {
  const start = flows.reduce((earliest, flow) => (flow.date < earliest ? flow.date : earliest), flows[0]?.date ?? "");
  return flows.map((flow) => daysBetween(start, flow.date) / DAYS_PER_YEAR);
}

/** Net present value at the earliest flow's date, discounting each flow by (1 + annualRate)^(days / 365). */
export function npv(flows: readonly Flow[], annualRate: number): number {
  const times = yearsFromStart(flows);
  return flows.reduce((total, flow, i) => total + flow.amount * (1 + annualRate) ** -(times[i] ?? 0), 0);
}

/** Annual rate(s) r with NPV(flows, r) = 0 on a 365-day year (Excel's XIRR convention), all of them. */
export function xirr(flows: readonly Flow[]): RateResult {
  return solveRates(
    flows.map((flow) => flow.amount),
    yearsFromStart(flows),
  );
}

/**
 * Of several roots, the one a spreadsheet's XIRR reports (LibreOffice and Excel: Newton's method from a 10% guess, up
 * to 50 steps; LibreOffice then retries from -99%, -98%, ...): the root nearest to where that iteration settles, or to
 * 10% when it never does. For advice that must name one number while also listing the others.
 */
export function spreadsheetRoot(flows: readonly Flow[], roots: readonly number[]): number | null {
  return spreadsheetChoice(
    flows.map((flow) => flow.amount),
    yearsFromStart(flows),
    roots,
  );
}

/** Rate(s) per period for evenly spaced flows (amounts[0] now, amounts[i] after i periods). */
export function irrPeriodic(amounts: readonly number[]): RateResult {
  return solveRates(
    amounts,
    amounts.map((_, i) => i),
  );
}

/**
 * Modified IRR on dated flows, as an annual rate. Flows on the same date are netted first (a payment and a prize on one
 * day count as their net, as a spreadsheet's MIRR sees one cell per date); then payments (negative) are discounted to
 * the first date at `financeRate` and receipts (positive) compounded to the last date at `reinvestRate`, both annual on
 * a 365-day year; MIRR = (FV receipts / PV payments)^(1 / years) - 1. With yearly flows 365 days apart this is Excel's
 * and LibreOffice's MIRR. Always a single rate when defined.
 */
export const MIRR_CONVENTION =
  "same-day flows netted; payments discounted to the first date and receipts compounded " +
  "to the last at the benchmark rate; 365-day year";

export function mirr(flows: readonly Flow[], financeRate: number, reinvestRate: number): RateResult {
  const netted = netByDate(flows);
  const times = yearsFromStart(netted);
  const span = Math.max(0, ...times);
  if (span === 0) return { kind: "no-rate", reason: "not enough flows" };
  let presentPayments = 0;
  let futureReceipts = 0;
  netted.forEach((flow, i) => {
    const t = times[i] ?? 0;
    if (flow.amount < 0) presentPayments -= flow.amount * (1 + financeRate) ** -t;
    else futureReceipts += flow.amount * (1 + reinvestRate) ** (span - t);
  });
  if (presentPayments === 0 || futureReceipts === 0) return { kind: "no-rate", reason: "no sign change" };
  return { kind: "rate", rate: (futureReceipts / presentPayments) ** (1 / span) - 1 };
}
