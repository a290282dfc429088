// The real rate of a chit for the member: XIRR on actual flows and on a projection to the end, NPV and MIRR at the
// member's benchmark, and plain words instead of a number where no single rate exists.
import type { ChitTerms, InstalmentRecord } from "../domain/chit.ts";
import type { ProjectionNote } from "../domain/member-flows.ts";
import type { Paise } from "../domain/money.ts";
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
import type { InstalmentPayment, Schedule } from "../domain/schedule.ts";
import { translatorFor } from "../i18n/index.ts";
import { type NoRateCode, rateReasonText } from "../i18n/rate-words.ts";

export type RateView = {
  xirr: number | null;
  /** Why there is no xirr, in words for the member; null when there is one. */
  reason: string | null;
  /** The same reason as a stable code, for pages that say it in the member's language. */
  reasonCode: NoRateCode | null;
  /** When more than one rate fits, all of them (fractions a year). */
  rates: number[];
  npv: Paise | null; // at the benchmark rate; null when nothing has been paid or received yet
  mirr: number | null;
  mirrConvention: string;
  netGain: Paise; // received minus paid
  benchmarkRate: number; // fraction a year
};

export type ChitRate = RateView & {
  basis: "actual";
  projected: RateView & { assumption: ProjectionAssumption; notes: ProjectionNote[] };
};

export type { NoRateCode };

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

/** The reason in English, for the API (pages and PDFs say the code in the member's language). */
function explain(code: NoRateCode | null, rates: number[]): string | null {
  return rateReasonText(translatorFor("en"), code, rates);
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
    npv: flows.length ? Math.round(npv(flows, benchmarkRate)) : null,
    mirr: m.kind === "rate" ? m.rate : null,
    mirrConvention: MIRR_CONVENTION,
    netGain: flows.reduce((total, f) => total + f.amount, 0),
    benchmarkRate,
  };
}

export function chitRate(
  terms: ChitTerms,
  records: readonly InstalmentRecord[],
  schedule: Schedule,
  payments: readonly InstalmentPayment[],
  benchmarkRate: number,
  assumption: ProjectionAssumption,
  today?: string,
): ChitRate {
  const actual = rateView(memberFlows(schedule, payments), benchmarkRate);
  const projection = projectedFlows(terms, records, payments, assumption, today ? { today } : {});
  return {
    basis: "actual",
    ...actual,
    projected: { ...rateView(projection.flows, benchmarkRate), assumption, notes: projection.notes },
  };
}
