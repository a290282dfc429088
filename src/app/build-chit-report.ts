// Everything a chit page or the schedule API shows: the chit, its schedule to the rupee, its latest payments, and the
// real rate. It costs what it shows: the schedule and the rate come from the store's sums per day and instalment (the
// same flows, however many payments made them), and only the latest payments are read, with the count of all.
import { todayIn } from "../domain/dates.ts";
import type { ProjectionAssumption } from "../domain/rates.ts";
import type { Payment as SchedulePayment } from "../domain/schedule.ts";
import type { Chit, Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { chitRate } from "./chit-rate.ts";
import { scheduleOrRefuse } from "./chit-schedule.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

export const DEFAULT_BENCHMARK_RATE = 0.07;
/** How many of the latest payments a chit page lists; the payment history has the rest (filtered to the chit). */
export const RECENT_PAYMENTS = 10;

export type ReportPayments = {
  /** The latest payments, newest first. */
  recent: Payment[];
  /** All the chit's payments and their receipts, counted in the store. */
  count: number;
  receiptCount: number;
};

export function reportFor(
  chit: Chit,
  flows: readonly SchedulePayment[],
  payments: ReportPayments,
  today: string,
  options: { benchmarkRate?: number; assumption?: ProjectionAssumption } = {},
) {
  const schedule = scheduleOrRefuse(chit, flows, today);
  const rate = chitRate(
    chit.terms,
    chit.instalments,
    schedule,
    flows,
    options.benchmarkRate ?? DEFAULT_BENCHMARK_RATE,
    options.assumption ?? "no-more-dividends",
    today,
  );
  return { chit, schedule, payments: payments.recent, paymentCount: payments.count, receiptCount: payments.receiptCount, rate, today };
}

export type ChitReport = ReturnType<typeof reportFor>;

export async function buildChitReport(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock">,
  member: Member,
  chitId: string,
  options: { benchmarkRate?: number; assumption?: ProjectionAssumption } = {},
): Promise<ChitReport> {
  const chit = await findChit(deps.chits, member.id, chitId);
  const [flows, recent, receiptCount] = await Promise.all([
    deps.payments.paidByDay(member.id, [chit.id]),
    deps.payments.search(member.id, { chitId: chit.id, limit: RECENT_PAYMENTS, offset: 0 }),
    deps.payments.receiptCount(member.id, chit.id),
  ]);
  const payments = { recent: recent.payments, count: recent.total, receiptCount };
  return reportFor(chit, flows, payments, todayIn(member.timeZone, deps.clock.now()), options);
}
