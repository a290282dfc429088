// Every instalment of a member's active chits with its due date, payable, balance and status on a given day.
import type { CalendarDate } from "../domain/dates.ts";
import type { Paise } from "../domain/money.ts";
import { earliestDueFirst } from "../domain/reminders.ts";
import type { InstalmentPayment, InstalmentStatus } from "../domain/schedule.ts";
import { tryScheduleFor } from "../domain/schedule-outcome.ts";
import type { Chit, ChitRepository, PaymentRepository } from "../ports/ledger.ts";
import { paidSoFar } from "./paid-so-far.ts";

export type InstalmentDue = {
  chitId: string;
  chitName: string;
  number: number;
  dueDate: CalendarDate;
  payable: Paise;
  paid: Paise;
  balance: Paise;
  status: InstalmentStatus;
  estimated: boolean;
};

/** Closed chits are left out: they no longer count towards what is due. Sorted by due date, then chit name. */
export function instalmentsAcrossChits(
  chits: readonly Chit[],
  paid: ReadonlyMap<string, readonly InstalmentPayment[]>,
  today: CalendarDate,
): InstalmentDue[] {
  const rows: InstalmentDue[] = [];
  for (const chit of chits) {
    if (chit.status !== "active") continue;
    const own = paid.get(chit.id) ?? [];
    // A chit that cannot be scheduled has nothing due here; its own card says why.
    for (const row of tryScheduleFor(chit, own, today).schedule?.instalments ?? []) {
      rows.push({
        chitId: chit.id,
        chitName: chit.name,
        number: row.number,
        dueDate: row.dueDate,
        payable: row.payable,
        paid: row.paid,
        balance: row.balance,
        status: row.status,
        estimated: row.estimated,
      });
    }
  }
  return rows.sort(earliestDueFirst);
}

export async function loadInstalments(
  deps: { chits: ChitRepository; payments: PaymentRepository },
  ownerId: string,
  today: CalendarDate,
) {
  const chits = (await deps.chits.list(ownerId)).filter((c) => c.status === "active");
  return instalmentsAcrossChits(chits, await paidSoFar(deps.payments, ownerId, chits), today);
}

/** Where the member records a payment for this instalment (a path; prefix BASE_URL for mails and feeds). */
export const paymentPath = (chitId: string, instalment: number) =>
  `/chits/${encodeURIComponent(chitId)}/payments/new?instalment=${instalment}`;
