// Idempotency keys in MongoDB (collection `idempotency_keys`): a unique index on (ownerId, key) makes the first claim
// win; a TTL index removes keys after a day (and claims ignore an expired one until then).
import { type Db, MongoServerError } from "mongodb";
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord, type IdempotencyStore } from "../../ports/idempotency-store.ts";

type Doc = {
  ownerId: string;
  key: string;
  fingerprint: string;
  state: "pending" | "done";
  result: string | null;
  expiresAt: Date;
};

const DUPLICATE_KEY = 11000;

export function mongoIdempotencyStore(db: Db): IdempotencyStore {
  const keys = db.collection<Doc>("idempotency_keys");
  return {
    async claim(ownerId, key, fingerprint, now): Promise<IdempotencyRecord | null> {
      await keys.deleteOne({ ownerId, key, expiresAt: { $lt: now } });
      try {
        await keys.insertOne({
          ownerId,
          key,
          fingerprint,
          state: "pending",
          result: null,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        });
        return null;
      } catch (error) {
        if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
      }
      const found = await keys.findOne({ ownerId, key });
      return found ? { fingerprint: found.fingerprint, state: found.state, result: found.result } : null;
    },
    async complete(ownerId, key, result) {
      await keys.updateOne({ ownerId, key }, { $set: { state: "done", result } });
    },
    async release(ownerId, key) {
      await keys.deleteOne({ ownerId, key });
    },
  };
}
