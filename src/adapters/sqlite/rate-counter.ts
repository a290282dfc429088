// Rate-limit counters in SQLite: one row per key and window, incremented atomically.
import type { RateCounter } from "../../ports/rate-counter.ts";
import type { SqliteDatabase } from "./database.ts";

export function sqliteRateCounter(db: SqliteDatabase): RateCounter {
  const bump = db.prepare(
    `INSERT INTO rate_counters (key, window_start, count) VALUES (?, ?, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
  );
  const prune = db.prepare("DELETE FROM rate_counters WHERE window_start < ?");
  const read = db.prepare("SELECT count FROM rate_counters WHERE key = ? AND window_start = ?");
  let lastPrune = 0;
  return {
    async hit(key, windowMs, now) {
      const windowStart = now - (now % windowMs);
      if (now - lastPrune > 60_000) {
        prune.run(now - 24 * 60 * 60 * 1000);
        lastPrune = now;
      }
      const { count } = bump.get(key, windowStart) as { count: number };
      return { count, windowStart };
    },
    async peek(key, windowMs, now) {
      const windowStart = now - (now % windowMs);
      const row = read.get(key, windowStart) as { count: number } | undefined;
      return { count: row?.count ?? 0, windowStart };
    },
  };
}
