// A member corrects a payment (instalment, amount, date, method, reference, notes) and may attach more receipts.

import { compareDates, todayIn } from "../domain/dates.ts";
import { words } from "../i18n/words.ts";
import type { Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import { findPayment } from "./find-payment.ts";
import { flagDuplicates, type PaymentWarning } from "./flag-duplicates.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { paymentPatch } from "./ledger-input.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";
import { MAX_RECEIPTS_PER_PAYMENT, storeReceipts, type UploadedFile } from "./store-receipts.ts";

export async function updatePayment(
  deps: LedgerDeps,
  member: Member,
  paymentId: string,
  raw: Record<string, unknown>,
  files: UploadedFile[] = [],
): Promise<{ payment: Payment; warnings: PaymentWarning[] }> {
  const current = await findPayment(deps.payments, member.id, paymentId);
  const chit = await findChit(deps.chits, member.id, current.chitId);
  const patch = parseInput(paymentPatch, withoutBlanks(raw));
  if (patch.instalment !== undefined && patch.instalment > chit.terms.instalments) {
    throw badInput({ instalment: words("errors.instalmentRange", { count: chit.terms.instalments }) });
  }
  const now = deps.clock.now();
  if (patch.paidOn && compareDates(patch.paidOn, todayIn(member.timeZone, now)) > 0)
    throw badInput({ paidOn: words("errors.futureDate") });
  if (current.receipts.length + files.length > MAX_RECEIPTS_PER_PAYMENT) {
    throw badInput({ receipts: words("errors.tooManyReceipts", { count: MAX_RECEIPTS_PER_PAYMENT }) });
  }
  // Notes and reference may be cleared on purpose: an explicit empty string counts for them.
  const cleared = Object.fromEntries(
    (["reference", "notes"] as const).filter((k) => raw[k] === "").map((k) => [k, ""]),
  );
  const { receipts, undo } = await storeReceipts(deps, member.id, current.id, files, now);
  const updated: Payment = {
    ...current,
    ...patch,
    ...cleared,
    receipts: [...current.receipts, ...receipts],
    updatedAt: now,
  };
  const warnings = await flagDuplicates(deps, updated, receipts);
  try {
    await deps.payments.update(updated, receipts);
  } catch (error) {
    await undo();
    throw error;
  }
  await warnings.notify();
  return { payment: updated, warnings: warnings.list };
}
