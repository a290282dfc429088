// Where the root search evaluates NPV: the grid of rates it scans, how far out it must go, and NPV with its slope
// at every point of it, cheaply. rate-roots.ts finds the roots from these signs.

/**
 * The finely searched range of rates per period (annual for XIRR): -99.9999% to +1,000,000% (10^6 %), 300 cells even in
 * ln(1 + rate). Beyond it the search goes on in cells that widen with the distance (1% of ln(1 + rate)) until no root
 * can be left (see settled: the first flows outweigh every flow of the other sign towards +infinity, the last ones
 * towards -100%). Daily and weekly chits need that: an early winner of a 30-day chit can have a real rate of 10^8 % a
 * year, which LibreOffice's XIRR finds too. Past 10^300 %, or closer than 10^-15 to -100%, a double cannot tell the
 * rate apart.
 */
export const MIN_RATE = -0.999999;
export const MAX_RATE = 10_000;
const GRID_CELLS = 300;
const G_HIGHEST = 690; // ln(1 + rate) beyond which a rate does not fit in a double
const G_LOWEST = -35; // ln(1 + rate) below which 1 + rate is lost in rounding (-1 + 10^-15)
const WIDENING = 0.01;
export const fineWidth = (Math.log1p(MAX_RATE) - Math.log1p(MIN_RATE)) / GRID_CELLS;

/**
 * NPV and its slope as functions of g = ln(1 + rate), each scaled by the same positive factor so that no term can
 * overflow: for g < 0 every exponent is measured from the last time, for g >= 0 from the first. Scaling does not move
 * roots or the points where NPV turns.
 */
export function scaledNpv(amounts: Float64Array, times: Float64Array, g: number): [value: number, slope: number] {
  const at = scaledNpvWithChange(amounts, times, g);
  return [at.value, at.slope];
}

/**
 * scaledNpv's value and slope with their own slopes (derivatives in g), for Newton's steps: with r the reference time,
 * d/dg of the scaled value is r x value + slope, and of the scaled slope r x slope + sum(t^2 x term).
 */
export function scaledNpvWithChange(amounts: Float64Array, times: Float64Array, g: number) {
  const reference = g < 0 ? (times[times.length - 1] ?? 0) : 0;
  let value = 0;
  let slope = 0;
  let bend = 0;
  for (let i = 0; i < amounts.length; i++) {
    const t = times[i] ?? 0;
    const term = (amounts[i] ?? 0) * Math.exp(-g * (t - reference));
    value += term;
    slope -= t * term;
    bend += t * t * term;
  }
  return { value, slope, valueChange: reference * value + slope, slopeChange: reference * slope + bend };
}

/**
 * True when no root can lie beyond g (away from zero). Towards +infinity, with every term measured from the first time:
 * the leading run of flows that share the first flow's sign keeps NPV on that sign once it outweighs every flow of the
 * other sign (further out the run only gains on them, relatively, and later flows of the run's sign only help). Towards
 * -100% the same holds for the trailing run, measured from the last time.
 */
function settled(amounts: Float64Array, times: Float64Array, g: number): boolean {
  const n = amounts.length;
  const outwards = g > 0;
  const edge = outwards ? 0 : n - 1;
  const step = outwards ? 1 : -1;
  const reference = times[edge] ?? 0;
  const positive = (amounts[edge] ?? 0) > 0;
  let run = 0;
  let other = 0;
  let inRun = true;
  for (let i = edge; i >= 0 && i < n; i += step) {
    const a = amounts[i] ?? 0;
    const size = Math.abs(a) * Math.exp(-g * ((times[i] ?? 0) - reference));
    if (a > 0 === positive) {
      if (inRun) run += size;
    } else {
      inRun = false;
      other += size;
    }
  }
  return other < run;
}

/** The points of the search in g = ln(1 + rate): the fine grid, then widening cells outwards until nothing is left. */
export function searchGrid(amounts: Float64Array, times: Float64Array): number[] {
  const lo = Math.log1p(MIN_RATE);
  const hi = Math.log1p(MAX_RATE);
  const width = fineWidth;
  const below: number[] = [];
  for (let g = lo; g > G_LOWEST && !settled(amounts, times, g); ) {
    g = Math.max(G_LOWEST, g - Math.max(width, WIDENING * -g));
    below.push(g);
  }
  const grid = below.reverse();
  for (let cell = 0; cell <= GRID_CELLS; cell++) grid.push(cell === GRID_CELLS ? hi : lo + width * cell);
  for (let g = hi; g < G_HIGHEST && !settled(amounts, times, g); ) {
    g = Math.min(G_HIGHEST, g + Math.max(width, WIDENING * g));
    grid.push(g);
  }
  return grid;
}

/** Consecutive fine-grid points stepped by products before the terms are computed afresh. */
const RESTART = 24;
/** Beyond |g| x span = 600 a term may fall below a double's range, and a product could not bring it back. */
const SAFE_EXPONENT = 600;
/**
 * A value or slope closer to zero than this share of its terms' sizes is evaluated directly (products drift ~1e-14).
 */
const BAND = 1e-9;

/**
 * NPV and its slope (scaledNpv) at every point of the grid. The fine grid's points are evenly spaced, so along a run of
 * them each term is the previous one times a factor fixed per flow: a product instead of an exponential. Only the signs
 * are used, and wherever a value or slope lies within BAND of zero, or a run is long or reaches far, the point is
 * computed directly: the signs are those of direct evaluation everywhere.
 */
export function npvOnGrid(amounts: Float64Array, times: Float64Array, grid: readonly number[], width: number) {
  const n = amounts.length;
  const last = times[n - 1] ?? 0;
  const first = times[0] ?? 0;
  // the farthest any exponent reaches per unit of g
  const span = Math.max(Math.abs(first), Math.abs(last), last - first);
  const values = new Float64Array(grid.length);
  const slopes = new Float64Array(grid.length);
  const terms = new Float64Array(n);
  const below = new Float64Array(n); // factors for g < 0 (terms measured from the last time)
  const above = new Float64Array(n); // for g >= 0 (from time 0, the first flow's)
  for (let i = 0; i < n; i++) {
    below[i] = Math.exp(-width * ((times[i] ?? 0) - last));
    above[i] = Math.exp(-width * (times[i] ?? 0));
  }
  let run = RESTART;
  for (let k = 0; k < grid.length; k++) {
    const g = grid[k] ?? 0;
    const previous = grid[k - 1];
    const stepped =
      previous !== undefined &&
      run < RESTART &&
      previous < 0 === g < 0 &&
      Math.abs(g - previous - width) <= 1e-9 * width &&
      Math.max(Math.abs(g), Math.abs(previous)) * span < SAFE_EXPONENT;
    let value = 0;
    let slope = 0;
    let size = 0;
    let slopeSize = 0;
    if (stepped) {
      const factors = g < 0 ? below : above;
      for (let i = 0; i < n; i++) {
        const t = times[i] ?? 0;
        const term = (terms[i] ?? 0) * (factors[i] ?? 0);
        terms[i] = term;
        value += term;
        slope -= t * term;
        size += Math.abs(term);
        slopeSize += Math.abs(t * term);
      }
      run += 1;
    }
    if (!stepped || Math.abs(value) <= BAND * size || Math.abs(slope) <= BAND * slopeSize) {
      const reference = g < 0 ? last : 0;
      value = 0;
      slope = 0;
      for (let i = 0; i < n; i++) {
        const t = times[i] ?? 0;
        const term = (amounts[i] ?? 0) * Math.exp(-g * (t - reference));
        terms[i] = term;
        value += term;
        slope -= t * term;
      }
      run = 0;
    }
    values[k] = value;
    slopes[k] = slope;
  }
  return { values, slopes };
}
