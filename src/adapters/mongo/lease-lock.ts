// Named leases in MongoDB: an upsert keyed by the lease's name takes it when free, expired or ours; a duplicate key
// error means another instance holds it.
import { type Db, MongoServerError } from "mongodb";
import type { LeaseLock } from "../../ports/lease-lock.ts";

type Doc = { _id: string; owner: string; expiresAt: Date };

export function mongoLeaseLock(db: Db): LeaseLock {
  const leases = db.collection<Doc>("leases");
  return {
    async acquire(name, owner, now, until) {
      try {
        await leases.updateOne(
          { _id: name, $or: [{ owner }, { expiresAt: { $lte: now } }] },
          { $set: { owner, expiresAt: until } },
          { upsert: true },
        );
        return true;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return false;
        throw error;
      }
    },
    async release(name, owner) {
      await leases.deleteOne({ _id: name, owner });
    },
  };
}
