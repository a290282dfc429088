// Removes receipt files no receipt names (left by a crash between storing a file and committing its payment, or by a
// delete whose file removal failed) and the leftovers of cut-off writes, once they are older than an hour.
import type { Clock } from "../ports/clock.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { PaymentRepository } from "../ports/ledger.ts";

export const ORPHAN_AGE_MS = 60 * 60 * 1000;
const BATCH = 500;

export type SweepDeps = { files: FileStore; payments: Pick<PaymentRepository, "knownFileKeys">; clock: Clock };

export type SweepResult = { checked: number; orphans: number; incomplete: number };

/** Files younger than an hour are left alone: their payment may still be on its way to the store. */
export async function sweepOrphanFiles(deps: SweepDeps): Promise<SweepResult> {
  const cutoff = new Date(deps.clock.now().getTime() - ORPHAN_AGE_MS);
  let checked = 0;
  let orphans = 0;
  let batch: string[] = [];
  const settle = async () => {
    const known = await deps.payments.knownFileKeys(batch);
    for (const key of batch) {
      if (known.has(key)) continue;
      await deps.files.delete(key);
      orphans++;
    }
    batch = [];
  };
  for await (const file of deps.files.list()) {
    checked++;
    if (file.storedAt >= cutoff) continue;
    batch.push(file.key);
    if (batch.length >= BATCH) await settle();
  }
  if (batch.length) await settle();
  const incomplete = await deps.files.removeIncomplete(cutoff);
  return { checked, orphans, incomplete };
}
