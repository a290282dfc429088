// A chit's schedule, or why it cannot have one: a chit stored with terms outside what a chit can be (written before
// the limits existed, or straight into the store) shows its problem on its own card and never breaks other pages.
import { validateTerms } from "../domain/chit.ts";
import { DomainError } from "../domain/errors.ts";
import { type Schedule, type Payment as SchedulePayment, scheduleFor } from "../domain/schedule.ts";
import { words } from "../i18n/words.ts";
import type { Chit } from "../ports/ledger.ts";
import { AppError } from "./errors.ts";

export type ScheduleProblem = { code: "chit-unschedulable"; field: string | null; message: string };

export type ScheduleOutcome = { schedule: Schedule; problem: null } | { schedule: null; problem: ScheduleProblem };

const UNSCHEDULABLE = "This chit cannot be scheduled: its dates or amounts are outside what a chit can be. Edit the chit to correct them.";

export function tryScheduleFor(chit: Chit, payments: readonly SchedulePayment[], today: string): ScheduleOutcome {
  const [bad] = validateTerms(chit.terms);
  if (bad) return { schedule: null, problem: { code: "chit-unschedulable", field: bad.field, message: `${UNSCHEDULABLE} (${bad.message})` } };
  try {
    return { schedule: scheduleFor(chit.terms, chit.instalments, payments, today), problem: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { schedule: null, problem: { code: "chit-unschedulable", field: null, message: UNSCHEDULABLE } };
  }
}

/** The schedule, or a 409 naming the problem, for the pages and API calls that are about this one chit. */
export function scheduleOrRefuse(chit: Chit, payments: readonly SchedulePayment[], today: string): Schedule {
  const outcome = tryScheduleFor(chit, payments, today);
  if (outcome.problem) throw new AppError(409, outcome.problem.code, words("errors.chitUnschedulable"));
  return outcome.schedule;
}
