// Removes the files of receipts whose records are already gone. A failure here (a read-only or full disk) must not
// turn the committed delete into an error: the file is left for the daily sweep, which removes what no receipt names.
import type { FileStore } from "../ports/file-store.ts";
import type { Receipt } from "../ports/ledger.ts";

export async function removeReceiptFiles(files: FileStore, receipts: readonly Receipt[]): Promise<number> {
  const results = await Promise.allSettled(
    receipts.flatMap((r) => [files.delete(r.key), files.delete(r.thumbnailKey)]),
  );
  return results.filter((r) => r.status === "rejected").length;
}
