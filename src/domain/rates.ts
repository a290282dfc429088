// What a chit really costs or earns: NPV, every IRR root (XIRR and periodic), MIRR, periodic-to-annual.
import { type CalendarDate, daysBetween } from "./dates.ts";

// The member's dated cash flows live beside, in member-flows.ts; re-exported so rates are one import.
export { memberFlows, type Projection, type ProjectionAssumption, projectedFlows } from "./member-flows.ts";

/** A dated cash flow from the member's side: money paid out negative, money received positive. */
export interface Flow {
  date: CalendarDate;
  amount: number;
}

export type NoRateReason =
  | "not enough flows" // fewer than two dates
  | "no sign change" // only payments or only receipts: no rate can balance them
  | "npv negative at every rate" // e.g. a middle winner who loses at any rate
  | "npv positive at every rate";

/** Never a made-up number: one rate, several, or none with the reason. Rates are fractions (0.0757 = 7.57%). */
export type RateResult = { kind: "rate"; rate: number } | { kind: "no-rate"; reason: NoRateReason } | { kind: "multiple-rates"; rates: number[] };

/** The scanned range of rates per period (annual for XIRR): -99% to +1000%. Roots outside are not reported. */
export const MIN_RATE = -0.99;
export const MAX_RATE = 10;
const GRID_STEPS = 4000;
const DAYS_PER_YEAR = 365;

/** (1 + m)^p - 1: a monthly 1% is (1.01)^12 - 1 = 12.68% a year. */
export function periodicToAnnual(periodicRate: number, periodsPerYear: number): number {
  return (1 + periodicRate) ** periodsPerYear - 1;
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

/**
 * Sign of NPV as a function of g = ln(1 + rate), scaled by a positive factor so that no term can
 * overflow: for g < 0 every exponent is measured from the last time, for g >= 0 from the first.
 */
function scaledNpv(amounts: readonly number[], times: readonly number[], g: number): number {
  const reference = g < 0 ? Math.max(...times) : 0;
  let total = 0;
  for (let i = 0; i < amounts.length; i++) total += (amounts[i] ?? 0) * Math.exp(-g * ((times[i] ?? 0) - reference));
  return total;
}

/**
 * Every rate in [MIN_RATE, MAX_RATE] where NPV crosses zero: scan a fine grid in ln(1 + rate)
 * (even spacing from -99% to +1000% per period), then bisect each bracket to machine precision.
 * NPV is a sum of exponentials, so with k sign changes in the flows it has at most k roots
 * (Descartes); a root where NPV only touches zero without crossing is not reported.
 */
function solve(amounts: readonly number[], times: readonly number[]): RateResult {
  const positives = amounts.some((a) => a > 0);
  const negatives = amounts.some((a) => a < 0);
  if (new Set(times).size < 2) return { kind: "no-rate", reason: "not enough flows" };
  if (!positives || !negatives) return { kind: "no-rate", reason: "no sign change" };
  const lo = Math.log1p(MIN_RATE);
  const hi = Math.log1p(MAX_RATE);
  const f = (g: number) => scaledNpv(amounts, times, g);
  const roots: number[] = [];
  let anyPositive = false;
  let previousG = lo;
  let previous = f(lo);
  for (let step = 0; step <= GRID_STEPS; step++) {
    const g = step === 0 ? lo : lo + ((hi - lo) * step) / GRID_STEPS;
    const value = step === 0 ? previous : f(g);
    if (value > 0) anyPositive = true;
    if (value === 0) roots.push(g);
    else if (step > 0 && previous !== 0 && value > 0 !== previous > 0) roots.push(bisect(f, previousG, g, previous));
    previousG = g;
    previous = value;
  }
  const rates = roots.map((g) => Math.expm1(g));
  if (rates.length === 1) return { kind: "rate", rate: rates[0] ?? 0 };
  if (rates.length > 1) return { kind: "multiple-rates", rates };
  return { kind: "no-rate", reason: anyPositive ? "npv positive at every rate" : "npv negative at every rate" };
}

function bisect(f: (g: number) => number, a: number, b: number, fa: number): number {
  let left = a;
  let right = b;
  let leftValue = fa;
  for (let i = 0; i < 200 && right - left > 1e-15; i++) {
    const middle = (left + right) / 2;
    const value = f(middle);
    if (value === 0) return middle;
    if (value > 0 === leftValue > 0) {
      left = middle;
      leftValue = value;
    } else {
      right = middle;
    }
  }
  return (left + right) / 2;
}

/** Annual rate(s) r with NPV(flows, r) = 0 on a 365-day year (Excel's XIRR convention), all of them. */
export function xirr(flows: readonly Flow[]): RateResult {
  return solve(
    flows.map((flow) => flow.amount),
    yearsFromStart(flows),
  );
}

/** Rate(s) per period for evenly spaced flows (amounts[0] now, amounts[i] after i periods). */
export function irrPeriodic(amounts: readonly number[]): RateResult {
  return solve(
    amounts,
    amounts.map((_, i) => i),
  );
}

/**
 * Modified IRR on dated flows, as an annual rate: payments (negative flows) are discounted to the
 * first date at `financeRate`, receipts (positive flows) compounded to the last date at
 * `reinvestRate`, both annual on a 365-day year; MIRR = (FV receipts / PV payments)^(1 / years) - 1.
 * With yearly flows 365 days apart this is Excel's MIRR. Always a single rate when defined.
 */
export function mirr(flows: readonly Flow[], financeRate: number, reinvestRate: number): RateResult {
  const times = yearsFromStart(flows);
  const span = Math.max(0, ...times);
  if (span === 0) return { kind: "no-rate", reason: "not enough flows" };
  let presentPayments = 0;
  let futureReceipts = 0;
  flows.forEach((flow, i) => {
    const t = times[i] ?? 0;
    if (flow.amount < 0) presentPayments -= flow.amount * (1 + financeRate) ** -t;
    else futureReceipts += flow.amount * (1 + reinvestRate) ** (span - t);
  });
  if (presentPayments === 0 || futureReceipts === 0) return { kind: "no-rate", reason: "no sign change" };
  return { kind: "rate", rate: (futureReceipts / presentPayments) ** (1 / span) - 1 };
}
