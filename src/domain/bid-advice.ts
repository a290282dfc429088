// What winning instalment N at discount D means for a member who has not won: the rate of that choice, the rate of
// waiting to the end, the break-even bid at the member's benchmark, and the rate against the bid for a chart.
import {
  type ChitTerms,
  discountCeiling,
  discountFloor,
  type InstalmentRecord,
  isForemanInstalment,
  unitOf,
} from "./chit.ts";
import type { ProjectionNote } from "./member-flows.ts";
import { type Paise, roundToUnit } from "./money.ts";
import {
  allRates,
  type Flow,
  npv,
  type ProjectionAssumption,
  projectedFlows,
  type RateResult,
  spreadsheetRoot,
  xirr,
} from "./rates.ts";
import type { InstalmentPayment } from "./schedule.ts";

/** Why there is no single rate, or no break-even discount: stable codes a page or client words itself. */
export type BidReasonCode = "multiple-rates" | "always-less" | "always-more" | "no-sign-change" | "not-enough-flows";
export type BreakEvenCode = "costs-more-even-at-lowest-bid" | "costs-less-even-at-ceiling";

export interface BidAdvice {
  instalment: number;
  discount: Paise;
  floor: Paise; // the lowest bid (the commission in model A)
  ceiling: Paise; // the highest bid the chit allows
  rate: number | null; // XIRR a year of winning N at D, the whole chit (where several fit, the spreadsheet's one)
  rates: number[]; // every rate that fits when there is more than one
  reasonCode: BidReasonCode | null;
  meaning: "cost" | "return" | null; // a borrower's cost (rate rises with the discount) or a saver's return
  waitRate: number | null; // XIRR a year of taking the last instalment instead
  waitReasonCode: BidReasonCode | null;
  breakEvenDiscount: Paise | null; // the highest bid at which the chit is as good as the benchmark
  breakEvenCode: BreakEvenCode | null;
  benchmarkRate: number;
  assumptionCode: ProjectionAssumption;
  notes: ProjectionNote[]; // every assumption, as a code and its figures
  curve: { discount: Paise; rate: number | null }[]; // rate against discount from floor to ceiling, for the chart
}

const CURVE_POINTS = 11;

function reasonOf(result: RateResult): BidReasonCode | null {
  if (result.kind === "rate") return null;
  if (result.kind === "multiple-rates") return "multiple-rates";
  switch (result.reason) {
    case "npv negative at every rate":
      return "always-less";
    case "npv positive at every rate":
      return "always-more";
    case "no sign change":
      return "no-sign-change";
    default:
      return "not-enough-flows";
  }
}

/** The rate a member who has not won would get by taking instalment `instalment` at `discount`. */
export function bidScenario(
  terms: ChitTerms,
  records: readonly InstalmentRecord[],
  payments: readonly InstalmentPayment[],
  assumption: ProjectionAssumption,
  today: string,
  instalment: number,
  discount: Paise,
): { flows: Flow[]; notes: ProjectionNote[]; result: RateResult } {
  const projection = projectedFlows(terms, records, payments, assumption, { today, win: { instalment, discount } });
  return { flows: projection.flows, notes: projection.notes, result: xirr(projection.flows) };
}

/**
 * The pure part: rate, waiting rate, break-even and the curve. NPV at the benchmark falls as the bid rises (the prize
 * falls by the bid, the member's own dividend returns only a share of it later), so the break-even bid is found by
 * bisection in the chit's unit: the highest bid whose NPV at the benchmark is not below zero.
 */
export function adviseBid(
  terms: ChitTerms,
  records: readonly InstalmentRecord[],
  payments: readonly InstalmentPayment[],
  options: {
    instalment: number;
    discount?: Paise;
    benchmarkRate: number;
    assumption: ProjectionAssumption;
    today: string;
  },
): BidAdvice {
  const { instalment, benchmarkRate, assumption, today } = options;
  const floor = discountFloor(terms);
  const ceiling = discountCeiling(terms);
  const unit = unitOf(terms);
  // waiting to the end: the projection without a win, which also holds the bid the assumption expects
  const waiting = projectedFlows(terms, records, payments, assumption, { today });
  const discount = options.discount ?? Math.min(ceiling, Math.max(floor, waiting.assumedDiscount ?? floor));
  const scenario = (bid: Paise) => bidScenario(terms, records, payments, assumption, today, instalment, bid);
  const chosen = scenario(discount);
  const wait = { flows: waiting.flows, result: xirr(waiting.flows) };
  // one number even where several rates fit: the one a spreadsheet's XIRR gives (all of them are in `rates`)
  const rateOf = (s: { flows: Flow[]; result: RateResult }) =>
    s.result.kind === "rate"
      ? s.result.rate
      : s.result.kind === "multiple-rates"
        ? spreadsheetRoot(s.flows, s.result.rates)
        : null;
  const chosenRate = rateOf(chosen);
  let meaning: BidAdvice["meaning"] = null;
  // NPV rising through the root (the payments come later) is a borrower's cost; falling, a saver's return. The step is
  // relative, so that it still moves a rate of 10^8 % a year (an early winner of a daily chit)
  if (chosenRate !== null)
    meaning = npv(chosen.flows, Math.expm1(Math.log1p(chosenRate) + 1e-6)) > 0 ? "cost" : "return";

  // the break-even search needs only each bid's NPV, not its rate (root-finding is most of a scenario's cost)
  const gainAt = (bid: Paise) =>
    npv(
      projectedFlows(terms, records, payments, assumption, { today, win: { instalment, discount: bid } }).flows,
      benchmarkRate,
    );
  let breakEvenDiscount: Paise | null = null;
  let breakEvenCode: BreakEvenCode | null = null;
  const low = roundToUnit(floor, unit, "up");
  const high = roundToUnit(ceiling, unit, "down");
  if (gainAt(low) < 0) breakEvenCode = "costs-more-even-at-lowest-bid";
  else if (gainAt(high) >= 0) breakEvenCode = "costs-less-even-at-ceiling";
  else {
    let good = low; // NPV >= 0
    let bad = high; // NPV < 0
    while (bad - good > unit) {
      const middle = roundToUnit(Math.floor((good + bad) / 2), unit, "down");
      if (middle <= good || middle >= bad) break;
      if (gainAt(middle) >= 0) good = middle;
      else bad = middle;
    }
    breakEvenDiscount = good;
  }
  const curve: BidAdvice["curve"] = [];
  for (let i = 0; i < CURVE_POINTS; i++) {
    const bid = roundToUnit(low + Math.round(((high - low) * i) / (CURVE_POINTS - 1)), unit, "down");
    curve.push({ discount: Math.max(low, bid), rate: rateOf(scenario(Math.max(low, bid))) });
  }
  const waitRate = rateOf(wait);
  return {
    instalment,
    discount,
    floor,
    ceiling,
    rate: chosenRate,
    rates: allRates(chosen.result),
    reasonCode: chosenRate === null ? reasonOf(chosen.result) : null,
    meaning,
    waitRate,
    waitReasonCode: waitRate === null ? reasonOf(wait.result) : null,
    breakEvenDiscount,
    breakEvenCode,
    benchmarkRate,
    assumptionCode: assumption,
    notes: chosen.notes,
    curve,
  };
}

/** The instalment a member would bid for next: the earliest whose auction is not recorded yet (null when none). */
export function nextAuction(terms: ChitTerms, records: readonly InstalmentRecord[]): number | null {
  for (let k = 1; k <= terms.instalments; k++) {
    if (isForemanInstalment(terms, k) && terms.prizesPerAuction === 1) continue;
    if (!records.some((r) => r.number === k && r.discount !== undefined)) return k;
  }
  return null;
}
