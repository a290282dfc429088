// The real rate of a chit for the member: XIRR on actual flows and on a projection to the end, NPV and MIRR at the
// member's benchmark, and plain words instead of a number where no single rate exists.
import type { ChitTerms, InstalmentRecord } from "../domain/chit.ts";
import { paiseToRupees } from "../domain/money.ts";
import {
  allRates,
  type Flow,
  MIRR_CONVENTION,
  memberFlows,
  mirr,
  npv,
  type ProjectionAssumption,
  projectedFlows,
  type RateResult,
  xirr,
} from "../domain/rates.ts";
import type { Payment, Schedule } from "../domain/schedule.ts";

export type RateView = {
  xirr: number | null;
  /** Why there is no xirr, in words for the member; null when there is one. */
  reason: string | null;
  /** The same reason as a stable code, for pages that say it in the member's language. */
  reasonCode: NoRateCode | null;
  /** When more than one rate fits, all of them (fractions a year). */
  rates: number[];
  npv: number | null; // rupees, at the benchmark rate; null when nothing has been paid or received yet
  mirr: number | null;
  mirrConvention: string;
  netGain: number; // rupees: received minus paid
  benchmarkRate: number; // fraction a year
};

export type ChitRate = RateView & {
  basis: "actual";
  projected: RateView & { assumption: ProjectionAssumption; notes: string[] };
};

export type NoRateCode =
  | "nothing-paid-yet"
  | "not-enough-flows"
  | "only-receipts"
  | "only-paid"
  | "always-less"
  | "always-more"
  | "multiple-rates"
  | "no-single-rate";

/** 0.0757 -> "7.57%"; a rate that rounds to zero is "0.00%", without a sign. */
export const pct = (r: number) => {
  const text = (r * 100).toFixed(2);
  return `${Number(text) === 0 ? text.replace("-", "") : text}%`;
};

function reasonCodeOf(result: RateResult, flows: Flow[]): NoRateCode | null {
  if (result.kind === "rate") return null;
  if (flows.length === 0) return "nothing-paid-yet";
  if (result.kind === "multiple-rates") return "multiple-rates";
  switch (result.reason) {
    case "not enough flows":
      return "not-enough-flows";
    case "no sign change":
      return flows.some((f) => f.amount > 0) ? "only-receipts" : "only-paid";
    case "npv negative at every rate":
      return "always-less";
    case "npv positive at every rate":
      return "always-more";
    default:
      return "no-single-rate";
  }
}

const REASON_WORDS: Record<Exclude<NoRateCode, "multiple-rates">, string> = {
  "nothing-paid-yet": "Nothing paid yet: a rate, NPV and MIRR need at least one payment and the prize.",
  "not-enough-flows": "Not enough dated payments yet to work out a rate.",
  "only-receipts": "No rate: there are receipts but no payments.",
  "only-paid": "No rate yet: so far you have only paid in; a rate needs the prize too.",
  "always-less": "No rate exists: at every interest rate this chit returns less than you pay in. Judge it by the net loss, NPV and MIRR.",
  "always-more": "No rate exists: at every interest rate this chit returns more than you pay in. Judge it by the net gain, NPV and MIRR.",
  "no-single-rate": "No single rate fits these payments. Judge the chit by its net result, NPV and MIRR.",
};

function explain(code: NoRateCode | null, rates: number[]): string | null {
  if (code === null) return null;
  if (code === "multiple-rates") {
    return `No single rate: ${rates.map(pct).join(" and ")} a year both fit these payments, so neither means anything alone. Judge the chit by its net result, NPV and MIRR.`;
  }
  return REASON_WORDS[code];
}

export function rateView(flows: Flow[], benchmarkRate: number): RateView {
  const result = xirr(flows);
  const m = mirr(flows, benchmarkRate, benchmarkRate);
  const rates = allRates(result);
  const reasonCode = reasonCodeOf(result, flows);
  return {
    xirr: result.kind === "rate" ? result.rate : null,
    reason: explain(reasonCode, rates),
    reasonCode,
    rates,
    npv: flows.length ? Math.round(npv(flows, benchmarkRate)) / 100 : null,
    mirr: m.kind === "rate" ? m.rate : null,
    mirrConvention: MIRR_CONVENTION,
    netGain: paiseToRupees(flows.reduce((total, f) => total + f.amount, 0)),
    benchmarkRate,
  };
}

export function chitRate(
  terms: ChitTerms,
  records: readonly InstalmentRecord[],
  schedule: Schedule,
  payments: readonly Payment[],
  benchmarkRate: number,
  assumption: ProjectionAssumption,
  today?: string,
): ChitRate {
  const actual = rateView(memberFlows(schedule, payments), benchmarkRate);
  const projection = projectedFlows(terms, records, payments, assumption, today ? { today } : {});
  return { basis: "actual", ...actual, projected: { ...rateView(projection.flows, benchmarkRate), assumption, notes: projection.notes } };
}
