// Everything a chit page or the schedule API shows: the chit, its schedule to the rupee, its latest payments, the real
// rate at the member's benchmark, and the figures its terms imply (subscription, commission, the range a bid may take).
// It costs what it shows: the schedule and the rate come from the store's sums per day and instalment (the same flows,
// however many payments made them), and only the latest payments are read, with the count of all of them.
import { z } from "zod";
import { commissionOf, discountCeiling, discountFloor, subscriptionOf } from "../domain/chit.ts";
import { todayIn } from "../domain/dates.ts";
import { PROJECTION_ASSUMPTIONS } from "../domain/member-flows.ts";
import type { Paise } from "../domain/money.ts";
import type { InstalmentPayment } from "../domain/schedule.ts";
import type { Chit, Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { chitRate } from "./chit-rate.ts";
import { scheduleOrRefuse } from "./chit-schedule.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

/** How the chit page and GET /chits/{id}/schedule take the rate's benchmark and projection, validated alike. */
export const chitReportQuery = z.object({
  benchmark: z.coerce
    .number({ message: "Benchmark must be a yearly rate in percent, e.g. 7." })
    .min(0, "Benchmark must be at least 0%.")
    .max(100, "Benchmark must be at most 100%.")
    .default(7)
    .meta({ description: "Benchmark rate for NPV and MIRR, percent a year (0 to 100)." }),
  assumption: z
    .enum(PROJECTION_ASSUMPTIONS, { message: "Assumption is no-more-dividends or average-discount." })
    .default("no-more-dividends")
    .meta({ description: "How the projection treats auctions not held yet." }),
});
export type ChitReportQuery = z.infer<typeof chitReportQuery>;
export const DEFAULT_REPORT_QUERY: ChitReportQuery = chitReportQuery.parse({});

/** How many of the latest payments a chit page lists; the payment history has the rest (filtered to the chit). */
export const RECENT_PAYMENTS = 10;

/** What the chit's terms come to in money, so no page has to work it out. */
export type ChitFigures = { subscription: Paise; commission: Paise; discountFloor: Paise; discountCeiling: Paise };

export type ReportPayments = {
  /** The latest payments, newest first. */
  recent: Payment[];
  /** All the chit's payments and their receipts, counted in the store. */
  count: number;
  receiptCount: number;
};

export function reportFor(
  chit: Chit,
  flows: readonly InstalmentPayment[],
  payments: ReportPayments,
  today: string,
  query: ChitReportQuery = DEFAULT_REPORT_QUERY,
) {
  const schedule = scheduleOrRefuse(chit, flows, today);
  const rate = chitRate(chit.terms, chit.instalments, schedule, flows, query.benchmark / 100, query.assumption, today);
  const t = chit.terms;
  const figures: ChitFigures = {
    subscription: subscriptionOf(t),
    commission: commissionOf(t),
    discountFloor: discountFloor(t),
    discountCeiling: discountCeiling(t),
  };
  return {
    chit,
    schedule,
    payments: payments.recent,
    paymentCount: payments.count,
    receiptCount: payments.receiptCount,
    rate,
    today,
    query,
    figures,
  };
}

export type ChitReport = ReturnType<typeof reportFor>;

export async function buildChitReport(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock">,
  member: Member,
  chitId: string,
  query: ChitReportQuery = DEFAULT_REPORT_QUERY,
): Promise<ChitReport> {
  const chit = await findChit(deps.chits, member.id, chitId);
  const [flows, recent, receiptCount] = await Promise.all([
    deps.payments.paidByDay(member.id, [chit.id]),
    deps.payments.search(member.id, { chitId: chit.id, limit: RECENT_PAYMENTS, offset: 0 }),
    deps.payments.receiptCount(member.id, chit.id),
  ]);
  const payments = { recent: recent.payments, count: recent.total, receiptCount };
  return reportFor(chit, flows, payments, todayIn(member.timeZone, deps.clock.now()), query);
}
