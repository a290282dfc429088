// A member deletes a chit with its payments and receipt files.
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { removeReceiptFiles } from "./remove-files.ts";

export async function deleteChit(
  deps: Pick<LedgerDeps, "chits" | "files">,
  ownerId: string,
  id: string,
): Promise<void> {
  await findChit(deps.chits, ownerId, id);
  const receipts = await deps.chits.delete(ownerId, id);
  // Records go first: a file left by a crash is harmless, a record pointing at a missing file is not.
  await removeReceiptFiles(deps.files, receipts);
}
