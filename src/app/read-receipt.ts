// Hands a receipt file (or its thumbnail) to its owner only; anyone else's id is not found.
import { words } from "../i18n/words.ts";
import { AppError, notFound } from "./errors.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

export async function readReceipt(
  deps: Pick<LedgerDeps, "payments" | "files">,
  ownerId: string,
  receiptId: string,
  variant: "original" | "thumbnail",
) {
  const receipt = await deps.payments.getReceipt(ownerId, receiptId);
  if (!receipt) throw notFound("receipt");
  const bytes = await deps.files.get(variant === "thumbnail" ? receipt.thumbnailKey : receipt.key);
  if (!bytes) throw new AppError(503, "receipt-file-missing", words("errors.receiptFileMissing"));
  return { receipt, bytes, contentType: variant === "thumbnail" ? "image/jpeg" : receipt.contentType };
}
