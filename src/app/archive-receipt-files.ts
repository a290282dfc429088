// The receipt files an archive carries: each receipt's original and its thumbnail, as base64 "file" records. Shared
// by the installation's archive and a member's own data export, so both write the same records the import reads.
import type { ArchiveRecord } from "../ports/archive-files.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { Receipt } from "../ports/ledger.ts";

export async function* receiptFileRecords(
  files: FileStore,
  receipts: readonly Receipt[],
): AsyncGenerator<ArchiveRecord> {
  for (const r of receipts) {
    for (const [key, contentType] of [
      [r.key, r.contentType],
      [r.thumbnailKey, "image/jpeg"],
    ] as const) {
      const bytes = await files.get(key);
      if (bytes) yield { type: "file", key, contentType, data: Buffer.from(bytes).toString("base64") };
    }
  }
}
