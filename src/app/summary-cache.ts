// Each member's latest summary, kept while their ledger's revision and their day stay the same, so the dashboard, the
// summary API and the chit list share one computation after a change. Made once in compose.ts and passed in with the
// ledger's ports (never a module global); the revision is read from the store by the caller on every use.
import type { Summary } from "./build-summary.ts";

export type KeptSummary = { revision: number; today: string; summary: Summary };

export type SummaryCache = {
  get(key: string): KeptSummary | undefined;
  set(key: string, kept: KeptSummary): void;
};

/** At most `limit` members' summaries (a summary of 25 chits is some 100 KB): the oldest kept goes first. */
export function summaryCache(limit = 100): SummaryCache {
  const kept = new Map<string, KeptSummary>();
  return {
    get: (key) => kept.get(key),
    set(key, value) {
      kept.delete(key);
      if (kept.size >= limit) kept.delete(kept.keys().next().value!);
      kept.set(key, value);
    },
  };
}
