// Everything a chit page or the schedule API shows: the chit, its schedule to the rupee, payments, and the real rate.
import { todayIn } from "../domain/dates.ts";
import type { ProjectionAssumption } from "../domain/rates.ts";
import { scheduleFor } from "../domain/schedule.ts";
import type { Chit, Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { chitRate } from "./chit-rate.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

export const DEFAULT_BENCHMARK_RATE = 0.07;

export function reportFor(chit: Chit, payments: Payment[], today: string, options: { benchmarkRate?: number; assumption?: ProjectionAssumption } = {}) {
  const schedule = scheduleFor(chit.terms, chit.instalments, payments, today);
  const rate = chitRate(
    chit.terms,
    chit.instalments,
    schedule,
    payments,
    options.benchmarkRate ?? DEFAULT_BENCHMARK_RATE,
    options.assumption ?? "no-more-dividends",
    today,
  );
  return { chit, schedule, payments, rate, today };
}

export type ChitReport = ReturnType<typeof reportFor>;

export async function buildChitReport(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock">,
  member: Member,
  chitId: string,
  options: { benchmarkRate?: number; assumption?: ProjectionAssumption } = {},
): Promise<ChitReport> {
  const chit = await findChit(deps.chits, member.id, chitId);
  const payments = await deps.payments.listForChit(member.id, chit.id);
  return reportFor(chit, payments, todayIn(member.timeZone, deps.clock.now()), options);
}
