// A chit's schedule, or why it cannot have one: a chit stored with terms outside what a chit can be (written before
// the limits existed, or straight into the store) shows its problem on its own card and never breaks other pages.
import { type ChitTerms, type InstalmentRecord, validateTerms } from "./chit.ts";
import { DomainError } from "./errors.ts";
import { type InstalmentPayment, type Schedule, scheduleFor } from "./schedule.ts";

export type ScheduleProblem = { code: "chit-unschedulable"; field: string | null; message: string };

export type ScheduleOutcome = { schedule: Schedule; problem: null } | { schedule: null; problem: ScheduleProblem };

const UNSCHEDULABLE =
  "This chit cannot be scheduled: its dates or amounts are outside what a chit can be. Edit the chit to correct them.";

export function tryScheduleFor(
  chit: { terms: ChitTerms; instalments: readonly InstalmentRecord[] },
  payments: readonly InstalmentPayment[],
  today: string,
): ScheduleOutcome {
  const [bad] = validateTerms(chit.terms);
  if (bad)
    return {
      schedule: null,
      problem: { code: "chit-unschedulable", field: bad.field, message: `${UNSCHEDULABLE} (${bad.message})` },
    };
  try {
    return { schedule: scheduleFor(chit.terms, chit.instalments, payments, today), problem: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { schedule: null, problem: { code: "chit-unschedulable", field: null, message: UNSCHEDULABLE } };
  }
}
