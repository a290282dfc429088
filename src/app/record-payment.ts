// A member records a payment against an instalment, with receipts; defaults come from the schedule, and the same
// receipt or reference used before is flagged. The payment is stored only once its receipts are.

import { randomUUID } from "node:crypto";
import { compareDates, todayIn } from "../domain/dates.ts";
import { words } from "../i18n/words.ts";
import type { Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { scheduleOrRefuse } from "./chit-schedule.ts";
import { AppError, badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import { flagDuplicates, type PaymentWarning } from "./flag-duplicates.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { paymentPatch } from "./ledger-input.ts";
import { paidSoFar } from "./paid-so-far.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";
import { storeReceipts, type UploadedFile } from "./store-receipts.ts";

export async function recordPayment(
  deps: LedgerDeps,
  member: Member,
  chitId: string,
  raw: Record<string, unknown>,
  files: UploadedFile[] = [],
): Promise<{ payment: Payment; warnings: PaymentWarning[] }> {
  const chit = await findChit(deps.chits, member.id, chitId);
  const input = parseInput(paymentPatch, withoutBlanks(raw));
  const now = deps.clock.now();
  const today = todayIn(member.timeZone, now);
  const existing = (await paidSoFar(deps.payments, member.id, [chit])).get(chit.id) ?? [];
  const schedule = scheduleOrRefuse(chit, existing, today);

  const instalment = input.instalment ?? schedule.instalments.find((row) => row.status !== "paid")?.number;
  if (instalment === undefined) throw badInput({ instalment: words("errors.allPaid") });
  const row = schedule.instalments[instalment - 1];
  if (!row) throw badInput({ instalment: words("errors.instalmentRange", { count: chit.terms.instalments }) });
  const amount = input.amount ?? (row.balance > 0 ? row.balance : row.payable);
  if (amount <= 0) throw badInput({ amount: words("errors.amountPositive") });
  const paidOn = input.paidOn ?? today;
  if (compareDates(paidOn, today) > 0) throw badInput({ paidOn: words("errors.futureDate") });
  if (chit.status === "closed") throw new AppError(409, "chit-closed", words("errors.chitClosed"));

  const id = randomUUID();
  const { receipts, undo } = await storeReceipts(deps, member.id, id, files, now);
  const payment: Payment = {
    id,
    ownerId: member.id,
    chitId: chit.id,
    instalment,
    amount,
    paidOn,
    method: input.method ?? "upi",
    reference: input.reference ?? "",
    notes: input.notes ?? "",
    createdAt: now,
    updatedAt: now,
    receipts,
  };
  const warnings = await flagDuplicates(deps, payment, receipts);
  try {
    await deps.payments.create(payment);
  } catch (error) {
    await undo();
    throw error;
  }
  await warnings.notify();
  return { payment, warnings: warnings.list };
}
