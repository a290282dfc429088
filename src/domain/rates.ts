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
/**
 * Never a made-up number: one rate, several, or none with the reason. Rates are fractions (0.0757 = 7.57%). A "rate"
 * may carry `extremeRates`: roots above PLAUSIBLE_MAX_RATE beside the one ordinary root (see plausibleRate).
 */
export type RateResult =
  | { kind: "rate"; rate: number; extremeRates?: number[] }
  | { kind: "no-rate"; reason: NoRateReason }
  | { kind: "multiple-rates"; rates: number[] };

/** Every root of a result, in increasing order. */
export function allRates(result: RateResult): number[] {
  if (result.kind === "rate") return [result.rate, ...(result.extremeRates ?? [])].sort((a, b) => a - b);
  return result.kind === "multiple-rates" ? result.rates : [];
}

/**
 * The searched range of rates per period (annual for XIRR): from -99.9999% to +1,000,000% (10^6 %). An early winner
 * right after taking the prize can have a real rate above 1,000% a year, and a member who lost nearly everything one
 * near -100%.
 */
export const MIN_RATE = -0.999999;
export const MAX_RATE = 10_000;
/**
 * 1,000% per period. Paying a little shortly before a large prize and more after it (-, +, -) gives NPV a second root
 * far above any real cost, where a few days' discounting outweighs everything: 3,000-950,000% a year for a winner of
 * instalment 4. When exactly one root lies at or below this and the others above it, the ordinary one is the rate
 * (the one a spreadsheet's XIRR finds from its 10% guess) and the others are listed as extremeRates; a lone root above
 * it (an early winner just after the prize) is still the rate.
 */
export const PLAUSIBLE_MAX_RATE = 10;
/** Cells of the geometric grid on ln(1 + rate): a few hundred, refined only where NPV or its slope changes sign. */
const GRID_CELLS = 300;
const DAYS_PER_YEAR = 365;

/** (1 + m)^p - 1: a monthly 1% is (1.01)^12 - 1 = 12.68% a year. */
export function periodicToAnnual(periodicRate: number, periodsPerYear: number): number {
  return (1 + periodicRate) ** periodsPerYear - 1;
}

/** Flows on the same date summed into one (a payment and a prize on one day become their net), sorted by date. */
export function netByDate(flows: readonly Flow[]): Flow[] {
  const byDate = new Map<string, number>();
  for (const flow of flows) byDate.set(flow.date, (byDate.get(flow.date) ?? 0) + flow.amount);
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, amount]) => ({ date, amount }));
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
 * NPV and its slope as functions of g = ln(1 + rate), each scaled by the same positive factor so that no term can
 * overflow: for g < 0 every exponent is measured from the last time, for g >= 0 from the first. Scaling does not move
 * roots or the points where NPV turns.
 */
function scaledNpv(amounts: readonly number[], times: readonly number[], last: number, g: number): [value: number, slope: number] {
  const reference = g < 0 ? last : 0;
  let value = 0;
  let slope = 0;
  for (let i = 0; i < amounts.length; i++) {
    const t = times[i] ?? 0;
    const term = (amounts[i] ?? 0) * Math.exp(-g * (t - reference));
    value += term;
    slope -= t * term;
  }
  return [value, slope];
}

/**
 * Every rate in [MIN_RATE, MAX_RATE] where NPV is zero, at a cost of O(dates x a few hundred):
 * 1. flows on one date are netted, so the work grows with the number of dates, not of payments;
 * 2. NPV and its slope are evaluated on a geometric grid of GRID_CELLS cells (even in ln(1 + rate));
 * 3. a cell where NPV changes sign holds a root, found by bisection to machine precision;
 * 4. a cell where NPV changes direction (its slope changes sign) holds a turning point, found by bisection on the
 *    slope; if NPV there reaches zero or the other side of zero, the cell holds two close roots (each then bracketed
 *    by the turning point) or one touching root (reported once).
 * NPV is a sum of exponentials, so with k sign changes in the flows it has at most k roots (Descartes).
 */
function solve(rawAmounts: readonly number[], rawTimes: readonly number[]): RateResult {
  const byTime = new Map<number, number>();
  rawTimes.forEach((t, i) => {
    byTime.set(t, (byTime.get(t) ?? 0) + (rawAmounts[i] ?? 0));
  });
  const times = [...byTime.keys()].sort((a, b) => a - b);
  const amounts = times.map((t) => byTime.get(t) ?? 0);
  if (times.length < 2) return { kind: "no-rate", reason: "not enough flows" };
  if (!amounts.some((a) => a > 0) || !amounts.some((a) => a < 0)) return { kind: "no-rate", reason: "no sign change" };
  const last = times[times.length - 1] ?? 0;
  const f = (g: number) => scaledNpv(amounts, times, last, g);
  const lo = Math.log1p(MIN_RATE);
  const hi = Math.log1p(MAX_RATE);
  const roots: number[] = [];
  let anyPositive = false;
  let g0 = lo;
  let [v0, s0] = f(lo);
  if (v0 === 0) roots.push(lo);
  for (let cell = 1; cell <= GRID_CELLS; cell++) {
    const g1 = cell === GRID_CELLS ? hi : lo + ((hi - lo) * cell) / GRID_CELLS;
    const [v1, s1] = f(g1);
    if (v0 > 0 || v1 > 0) anyPositive = true;
    if (v1 === 0) roots.push(g1);
    if (v0 !== 0 && v1 !== 0 && v0 > 0 !== v1 > 0) {
      roots.push(bisect((g) => f(g)[0], g0, g1, v0));
    } else if (v0 !== 0 && v1 !== 0 && s0 !== 0 && s1 !== 0 && s0 > 0 !== s1 > 0) {
      const turn = bisect((g) => f(g)[1], g0, g1, s0);
      const [vt] = f(turn);
      const scale = amounts.reduce((total, a, i) => total + Math.abs(a) * Math.exp(-turn * ((times[i] ?? 0) - (turn < 0 ? last : 0))), 0);
      if (vt > 0 === v0 > 0 && Math.abs(vt) > scale * 1e-12) {
        // turns back without reaching zero
      } else if (Math.abs(vt) <= scale * 1e-12 || vt === 0) {
        anyPositive ||= vt > 0;
        roots.push(turn); // touching root
      } else {
        anyPositive = true;
        roots.push(
          bisect((g) => f(g)[0], g0, turn, v0),
          bisect((g) => f(g)[0], turn, g1, vt),
        );
      }
    }
    g0 = g1;
    v0 = v1;
    s0 = s1;
  }
  // roots closer than numerical noise are one touching root, not two
  const distinct = roots.sort((a, b) => a - b).filter((g, i, all) => i === 0 || g - (all[i - 1] ?? g) > 1e-9);
  const rates = distinct.map((g) => Math.expm1(g));
  if (rates.length === 1) return { kind: "rate", rate: rates[0] ?? 0 };
  const ordinary = rates.filter((r) => r <= PLAUSIBLE_MAX_RATE);
  if (rates.length > 1 && ordinary.length === 1) {
    return { kind: "rate", rate: ordinary[0] ?? 0, extremeRates: rates.filter((r) => r > PLAUSIBLE_MAX_RATE) };
  }
  if (rates.length > 1) return { kind: "multiple-rates", rates };
  return { kind: "no-rate", reason: anyPositive ? "npv positive at every rate" : "npv negative at every rate" };
}

/** Bisection to machine precision on [a, b], where f(a) = fa and f changes sign. */
function bisect(f: (g: number) => number, a: number, b: number, fa: number): number {
  let left = a;
  let right = b;
  let leftValue = fa;
  for (let i = 0; i < 200; i++) {
    const middle = (left + right) / 2;
    if (middle <= left || middle >= right) break;
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

/**
 * Of several roots, the one a spreadsheet's XIRR reports (LibreOffice and Excel: Newton's method from a 10% guess, up to
 * 50 steps; LibreOffice then retries from -99%, -98%, ...): the root nearest to where that iteration settles, or to
 * 10% when it never does. For advice that must name one number while also listing the others.
 */
export function spreadsheetRoot(flows: readonly Flow[], roots: readonly number[]): number | null {
  if (roots.length <= 1) return roots[0] ?? null;
  const netted = netByDate(flows);
  const times = yearsFromStart(netted);
  const settle = (guess: number): number | null => {
    let r = guess;
    for (let i = 0; i < 50; i++) {
      let value = 0;
      let slope = 0;
      netted.forEach((f, k) => {
        const t = times[k] ?? 0;
        value += f.amount * (1 + r) ** -t;
        slope -= t * f.amount * (1 + r) ** (-t - 1);
      });
      if (!Number.isFinite(value) || !Number.isFinite(slope) || slope === 0) return null;
      const next = r - value / slope;
      if (!Number.isFinite(next) || next <= -1) return null;
      if (Math.abs(next - r) <= 1e-10) return next;
      r = next;
    }
    return null;
  };
  const nearest = (target: number) =>
    roots.reduce((best, root) => (Math.abs(Math.log1p(root) - Math.log1p(target)) < Math.abs(Math.log1p(best) - Math.log1p(target)) ? root : best));
  const guesses = [0.1, ...Array.from({ length: 199 }, (_, k) => -0.99 + 0.01 * k)];
  for (const guess of guesses) {
    const settled = settle(guess);
    if (settled !== null) return nearest(settled);
  }
  return nearest(0.1);
}

/** Rate(s) per period for evenly spaced flows (amounts[0] now, amounts[i] after i periods). */
export function irrPeriodic(amounts: readonly number[]): RateResult {
  return solve(
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
  "same-day flows netted; payments discounted to the first date and receipts compounded to the last at the benchmark rate; 365-day year";

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
