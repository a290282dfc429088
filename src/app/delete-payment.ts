// A member deletes a payment with its receipts, or removes one receipt from a payment.
import { notFound } from "./errors.ts";
import { findPayment } from "./find-payment.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { removeReceiptFiles } from "./remove-files.ts";

export async function deletePayment(
  deps: Pick<LedgerDeps, "payments" | "files">,
  ownerId: string,
  id: string,
): Promise<void> {
  await findPayment(deps.payments, ownerId, id);
  const receipts = await deps.payments.delete(ownerId, id);
  await removeReceiptFiles(deps.files, receipts);
}

export async function removeReceipt(
  deps: Pick<LedgerDeps, "payments" | "files">,
  ownerId: string,
  receiptId: string,
): Promise<string> {
  const receipt = await deps.payments.removeReceipt(ownerId, receiptId);
  if (!receipt) throw notFound("receipt");
  await removeReceiptFiles(deps.files, [receipt]);
  return receipt.paymentId;
}
