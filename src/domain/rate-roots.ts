// Every root of NPV(rate) = sum a_i (1 + rate)^-t_i, and the one a spreadsheet's XIRR settles on: the solver behind
// rates.ts.
import { fineWidth, MAX_RATE, MIN_RATE, npvOnGrid, scaledNpv, scaledNpvWithChange, searchGrid } from "./rate-grid.ts";

export { MAX_RATE, MIN_RATE };

/** Why no rate exists for a set of flows. */
export type NoRateReason =
  | "not enough flows" // fewer than two dates
  | "no sign change" // only payments or only receipts: no rate can balance them
  | "npv negative at every rate" // e.g. a middle winner who loses at any rate
  | "npv positive at every rate";

/**
 * Never a made-up number: one rate, several, or none with the reason. Rates are fractions (0.0757 = 7.57%). A "rate"
 * may carry `extremeRates`: other roots, far from any real cost or return, beside the one ordinary root.
 */
export type RateResult =
  | { kind: "rate"; rate: number; extremeRates?: number[] }
  | { kind: "no-rate"; reason: NoRateReason }
  | { kind: "multiple-rates"; rates: number[] };

/**
 * 1,000% per period. Paying a little shortly before a large prize and more after it (-, +, -) gives NPV a second root
 * far above any real cost, where a few days' discounting outweighs everything: 3,000-950,000% a year for a winner of
 * instalment 4 of a monthly chit, 10^40 % and beyond beside a weekly or daily chit's real 2,000%; such chits also show
 * roots closer to -100% than MIN_RATE. Of several roots, the one a spreadsheet's XIRR names is the rate, the others
 * listed as extremeRates, when every other root lies outside MIN_RATE..PLAUSIBLE_MAX_RATE and farther out than it.
 * Otherwise every root is reported (and advice names the spreadsheet's): a middle winner's -93% and -6%, or a weekly
 * chit's winner at the floor with a real return of 4,900% a year beside a root at -82%.
 */
export const PLAUSIBLE_MAX_RATE = 10;

/** How far a rate lies outside MIN_RATE..PLAUSIBLE_MAX_RATE, in ln(1 + rate); 0 inside. */
function outsideBy(rate: number): number {
  const g = Math.log1p(rate);
  return Math.max(0, g - Math.log1p(PLAUSIBLE_MAX_RATE), Math.log1p(MIN_RATE) - g);
}

/**
 * The root of h on [a, b], where h(a) = ha and h changes sign, to machine precision (rtsafe, Numerical Recipes 9.4):
 * Newton's steps, h's derivative coming with its value, while they stay inside the bracket and at least halve the step
 * before last; bisection otherwise. Most roots take 5 to 8 evaluations instead of bisection's 45 to 55.
 */
function rootIn(h: (g: number) => [value: number, derivative: number], a: number, b: number, ha: number): number {
  let low = a; // h has ha's sign here
  let high = b;
  const lowPositive = ha > 0;
  let x = low + (high - low) / 2;
  let step = high - low;
  let stepBefore = step;
  let [value, derivative] = h(x);
  for (let i = 0; i < 200; i++) {
    if (value === 0) return x;
    if (value > 0 === lowPositive) low = x;
    else high = x;
    const delta = value / derivative;
    // a step this small leaves an error far below one unit in the last place (Newton's error squares each step)
    if (Math.abs(delta) <= 4 * Number.EPSILON * Math.max(Math.abs(x), 1e-6)) return x - delta;
    const newton = x - delta;
    stepBefore = step;
    if (newton > low && newton < high && Math.abs(2 * value) <= Math.abs(stepBefore * derivative)) {
      step = delta;
      x = newton;
    } else {
      const middle = low + (high - low) / 2;
      if (middle <= low || middle >= high) return middle;
      step = middle - x;
      x = middle;
    }
    [value, derivative] = h(x);
  }
  return x;
}

/**
 * Every root of NPV, as g = ln(1 + rate), at a cost of O(dates x a few hundred):
 * 1. flows at one time are netted (and zero ones dropped), so the work grows with the number of dates, not payments;
 * 2. NPV and its slope are evaluated on the search grid (searchGrid, npvOnGrid);
 * 3. a cell where NPV changes sign holds a root, found to machine precision (rootIn: Newton's steps within the cell);
 * 4. a cell where NPV changes direction (its slope changes sign) holds a turning point, found by rootIn on the
 *    slope; if NPV there reaches zero or the other side of zero, the cell holds two close roots (each then bracketed by
 *    the turning point) or one touching root (reported once). NPV is a sum of exponentials, so with k sign changes in
 *    the flows it has at most k roots (Descartes).
 */
function rootsOf(amounts: Float64Array, times: Float64Array): { roots: number[]; anyPositive: boolean } {
  const last = times[times.length - 1] ?? 0;
  const f = (g: number) => scaledNpv(amounts, times, g);
  const valueAt = (g: number): [number, number] => {
    const at = scaledNpvWithChange(amounts, times, g);
    return [at.value, at.valueChange];
  };
  const slopeAt = (g: number): [number, number] => {
    const at = scaledNpvWithChange(amounts, times, g);
    return [at.slope, at.slopeChange];
  };
  const grid = searchGrid(amounts, times);
  const { values, slopes } = npvOnGrid(amounts, times, grid, fineWidth);
  const roots: number[] = [];
  let anyPositive = false;
  let g0 = grid[0] ?? 0;
  let v0 = values[0] ?? 0;
  let s0 = slopes[0] ?? 0;
  if (v0 === 0) roots.push(g0);
  for (let k = 1; k < grid.length; k++) {
    const g1 = grid[k] ?? 0;
    const v1 = values[k] ?? 0;
    const s1 = slopes[k] ?? 0;
    if (v0 > 0 || v1 > 0) anyPositive = true;
    if (v1 === 0) roots.push(g1);
    if (v0 !== 0 && v1 !== 0 && v0 > 0 !== v1 > 0) {
      roots.push(rootIn(valueAt, g0, g1, v0));
    } else if (v0 !== 0 && v1 !== 0 && s0 !== 0 && s1 !== 0 && s0 > 0 !== s1 > 0) {
      const turn = rootIn(slopeAt, g0, g1, s0);
      const [vt] = f(turn);
      const scale = amounts.reduce(
        (total, a, i) => total + Math.abs(a) * Math.exp(-turn * ((times[i] ?? 0) - (turn < 0 ? last : 0))),
        0,
      );
      if (vt > 0 === v0 > 0 && Math.abs(vt) > scale * 1e-12) {
        // turns back without reaching zero
      } else if (Math.abs(vt) <= scale * 1e-12 || vt === 0) {
        anyPositive ||= vt > 0;
        roots.push(turn); // touching root
      } else {
        anyPositive = true;
        roots.push(rootIn(valueAt, g0, turn, v0), rootIn(valueAt, turn, g1, vt));
      }
    }
    g0 = g1;
    v0 = v1;
    s0 = s1;
  }
  // roots closer than numerical noise are one touching root, not two
  const distinct = roots.sort((a, b) => a - b).filter((g, i, all) => i === 0 || g - (all[i - 1] ?? g) > 1e-9);
  return { roots: distinct, anyPositive };
}

/** Amounts summed per time (zero sums dropped), in time order. */
function netted(rawAmounts: readonly number[], rawTimes: readonly number[]): { amounts: number[]; times: number[] } {
  const byTime = new Map<number, number>();
  rawTimes.forEach((t, i) => {
    byTime.set(t, (byTime.get(t) ?? 0) + (rawAmounts[i] ?? 0));
  });
  const times = [...byTime.keys()].filter((t) => byTime.get(t) !== 0).sort((a, b) => a - b);
  return { times, amounts: times.map((t) => byTime.get(t) ?? 0) };
}

/**
 * Of several roots, the one a spreadsheet's XIRR or IRR reports (LibreOffice and Excel: Newton's method from a 10%
 * guess, up to 50 steps, until the step or NPV is below 1e-10; LibreOffice then retries from -99%, -98%, ...): the root
 * nearest to where that iteration settles, or to 10% when it never does. Amounts are in paise, as a spreadsheet's in
 * rupees.
 */
export function spreadsheetChoice(
  rawAmounts: readonly number[],
  rawTimes: readonly number[],
  roots: readonly number[],
): number | null {
  if (roots.length <= 1) return roots[0] ?? null;
  const { amounts, times } = netted(rawAmounts, rawTimes);
  const start = times[0] ?? 0;
  const elapsed = times.map((t) => t - start);
  const settle = (guess: number): number | null => {
    let r = guess;
    for (let i = 0; i < 50; i++) {
      // (1 + r)^-t as one exponential; the slope's (1 + r)^(-t - 1) is that over (1 + r)
      const growth = Math.log1p(r);
      let value = 0;
      let slope = 0;
      for (let k = 0; k < amounts.length; k++) {
        const t = elapsed[k] ?? 0;
        const term = (amounts[k] ?? 0) * Math.exp(-t * growth);
        value += term;
        slope -= t * term;
      }
      slope /= 1 + r;
      if (!Number.isFinite(value) || !Number.isFinite(slope) || slope === 0) return null;
      const next = r - value / slope;
      if (!Number.isFinite(next) || next <= -1) return null;
      // LibreOffice stops when the step or NPV itself (1e-10 of a rupee, as typed in rupees) is that small
      if (Math.abs(next - r) <= 1e-10 || Math.abs(value) <= 1e-8) return next;
      r = next;
    }
    return null;
  };
  const distance = (a: number, b: number) => Math.abs(Math.log1p(a) - Math.log1p(b));
  const nearest = (target: number) =>
    roots.reduce((best, root) => (distance(root, target) < distance(best, target) ? root : best));
  const guesses = [0.1, ...Array.from({ length: 199 }, (_, k) => -0.99 + 0.01 * k)];
  for (const guess of guesses) {
    const found = settle(guess);
    if (found !== null) return nearest(found);
  }
  return nearest(0.1);
}

/**
 * Rate(s) per unit of time for amounts at times (any order, same-time amounts netted): see rootsOf and the bounds
 * above.
 */
export function solveRates(rawAmounts: readonly number[], rawTimes: readonly number[]): RateResult {
  if (new Set(rawTimes).size < 2) return { kind: "no-rate", reason: "not enough flows" };
  const { amounts, times } = netted(rawAmounts, rawTimes);
  if (!amounts.some((a) => a > 0) || !amounts.some((a) => a < 0)) return { kind: "no-rate", reason: "no sign change" };
  const { roots, anyPositive } = rootsOf(Float64Array.from(amounts), Float64Array.from(times));
  const rates = roots.map((g) => Math.expm1(g));
  if (rates.length === 1) return { kind: "rate", rate: rates[0] ?? 0 };
  if (rates.length === 0)
    return { kind: "no-rate", reason: anyPositive ? "npv positive at every rate" : "npv negative at every rate" };
  const named = spreadsheetChoice(amounts, times, rates);
  const others = rates.filter((r) => r !== named);
  if (named !== null && others.every((r) => outsideBy(r) > outsideBy(named)))
    return { kind: "rate", rate: named, extremeRates: others };
  return { kind: "multiple-rates", rates };
}
