// Rate-limit counters in MongoDB (collection `rate_counters`): an atomic upsert-and-increment per key and window; a TTL
// index removes old windows.
import type { Db } from "mongodb";
import type { RateCounter } from "../../ports/rate-counter.ts";

type Doc = { _id: string; count: number; expiresAt: Date };

export function mongoRateCounter(db: Db): RateCounter {
  const counters = db.collection<Doc>("rate_counters");
  return {
    async hit(key, windowMs, now) {
      const windowStart = now - (now % windowMs);
      const doc = await counters.findOneAndUpdate(
        { _id: `${key}:${windowStart}` },
        { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(windowStart + windowMs * 2) } },
        { upsert: true, returnDocument: "after" },
      );
      return { count: doc?.count ?? 1, windowStart };
    },
    async peek(key, windowMs, now) {
      const windowStart = now - (now % windowMs);
      const doc = await counters.findOne({ _id: `${key}:${windowStart}` });
      return { count: doc?.count ?? 0, windowStart };
    },
  };
}
