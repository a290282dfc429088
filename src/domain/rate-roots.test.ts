// The root search's shortcuts give what the plain search gives: the evenly spaced grid stepped by products has the
// signs of direct evaluation at every point, and the search stops only where no root can lie further out.
import { describe, expect, it } from "vitest";
import { fineWidth, npvOnGrid, scaledNpv, searchGrid } from "./rate-grid.ts";
import { solveRates } from "./rate-roots.ts";

/** A repeatable stream of numbers in [0, 1). */
function stream(seed: number) {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

/** Flow sets of the kinds the app meets: chits paid daily, weekly, monthly (a prize among payments), and odd ones. */
function flowSets(count: number): { amounts: Float64Array; times: Float64Array }[] {
  const next = stream(4242);
  const sets = [];
  for (let c = 0; c < count; c++) {
    const kind = c % 4;
    const length = 3 + Math.floor(next() * (kind === 0 ? 300 : 40));
    const spacing = [1 / 365, 7 / 365, 1 / 12, 1][kind] ?? 1;
    const win = Math.floor(next() * length);
    const times: number[] = [];
    const amounts: number[] = [];
    let t = 0;
    for (let i = 0; i < length; i++) {
      t += spacing * (0.5 + next());
      times.push(t);
      amounts.push(kind === 3 ? Math.round((next() - 0.5) * 1e6) : i === win ? Math.round(next() * 3e7) : -5000);
    }
    sets.push({ amounts: Float64Array.from(amounts), times: Float64Array.from(times.map((x) => x - (times[0] ?? 0))) });
  }
  // and flows whose NPV is zero, to the last bit or nearly, right on a point of the fine grid, where a product's
  // rounding could flip the sign: -1 now against e^g a year on, plus small flows between that cancel
  const lo = Math.log1p(-0.999999);
  for (let cell = 1; cell < 300; cell++) {
    const g = lo + fineWidth * cell;
    const between = Array.from({ length: 12 }, (_, i) => (i % 2 ? 1 : -1) * (1 + next()) * 1e3);
    const times = [0, ...between.map((_, i) => (i + 1) / 13), 1];
    const amounts = [-1e6, ...between, 1e6 * Math.exp(g)];
    // the small flows' own NPV at g, moved onto the first flow, leaves NPV(g) at zero but for rounding
    amounts[0] = -1e6 - between.reduce((total, a, i) => total + a * Math.exp(-g * (times[i + 1] ?? 0)), 0);
    sets.push({ amounts: Float64Array.from(amounts), times: Float64Array.from(times) });
  }
  return sets;
}

describe("the root search", () => {
  it("has, at every grid point, the signs of NPV and its slope evaluated directly", () => {
    let points = 0;
    for (const { amounts, times } of flowSets(200)) {
      const grid = searchGrid(amounts, times);
      const { values, slopes } = npvOnGrid(amounts, times, grid, fineWidth);
      grid.forEach((g, k) => {
        const [value, slope] = scaledNpv(amounts, times, g);
        expect(Math.sign(values[k] ?? Number.NaN)).toBe(Math.sign(value));
        expect(Math.sign(slopes[k] ?? Number.NaN)).toBe(Math.sign(slope));
        points += 1;
      });
    }
    expect(points).toBeGreaterThan(500 * 300);
  });

  it("stops only where NPV keeps its sign all the way out, both ways", () => {
    for (const { amounts, times } of flowSets(200)) {
      const grid = searchGrid(amounts, times);
      const lowest = grid[0] ?? 0;
      const highest = grid[grid.length - 1] ?? 0;
      const [atLowest] = scaledNpv(amounts, times, lowest);
      const [atHighest] = scaledNpv(amounts, times, highest);
      for (let step = 1; step <= 60; step++) {
        const below = lowest - (step * (lowest + 35)) / 60; // out to 1 + rate = e^-35
        const above = highest + (step * (690 - highest)) / 60; // out to 1 + rate = e^690
        if (below < lowest) expect(Math.sign(scaledNpv(amounts, times, below)[0])).toBe(Math.sign(atLowest));
        if (above > highest) expect(Math.sign(scaledNpv(amounts, times, above)[0])).toBe(Math.sign(atHighest));
      }
    }
  });

  it("finds each root to machine precision, well apart or close together", () => {
    // NPV in x = 1 / (1 + r) is (x - x1)(x - x2) for flows a year apart: the roots are r1 and r2 exactly
    const next = stream(77);
    for (let k = 0; k < 300; k++) {
      const r1 = -0.9 + next() * 3;
      const r2 = r1 + (k % 2 ? 10 ** (-1 - next() * 4) : 0.5 + next() * 5);
      const x1 = 1 / (1 + r1);
      const x2 = 1 / (1 + r2);
      const result = solveRates([1e6 * x1 * x2, -1e6 * (x1 + x2), 1e6], [0, 1, 2]);
      const found = result.kind === "multiple-rates" ? result.rates : [];
      expect(found).toHaveLength(2);
      // as close as the flows themselves (rounded to doubles) pin the roots down: ~1e-16 over the roots' distance
      const tolerance = 1e-14 / Math.min(1, r2 - r1);
      expect(Math.abs((found[0] ?? 0) - r1)).toBeLessThan(tolerance);
      expect(Math.abs((found[1] ?? 0) - r2)).toBeLessThan(tolerance);
    }
  });
});
