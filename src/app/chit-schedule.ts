// A chit's schedule for the pages and API calls about that one chit: a chit whose stored terms cannot be scheduled
// answers 409 with the problem (lists and the dashboard show it on the chit's card instead; see domain/summary.ts).
import type { InstalmentPayment, Schedule } from "../domain/schedule.ts";
import { tryScheduleFor } from "../domain/schedule-outcome.ts";
import { words } from "../i18n/words.ts";
import type { Chit } from "../ports/ledger.ts";
import { AppError } from "./errors.ts";

/** The schedule, or a 409 naming the problem, for the pages and API calls that are about this one chit. */
export function scheduleOrRefuse(chit: Chit, payments: readonly InstalmentPayment[], today: string): Schedule {
  const outcome = tryScheduleFor(chit, payments, today);
  if (outcome.problem) throw new AppError(409, outcome.problem.code, words("errors.chitUnschedulable"));
  return outcome.schedule;
}
