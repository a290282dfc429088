// Runs writes that must not half-happen in one MongoDB transaction (Atlas is always a replica set).
import type { ClientSession, MongoClient } from "mongodb";

export async function inTransaction<T>(client: MongoClient, fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = client.startSession();
  try {
    let result: T | undefined;
    await session.withTransaction(async () => {
      result = await fn(session);
    });
    return result as T;
  } finally {
    await session.endSession();
  }
}

/** Marks the owner's ledger changed (summaries cached elsewhere are then recomputed). */
export function bumpRevision(db: import("mongodb").Db, ownerId: string, session?: ClientSession) {
  return db
    .collection<{ _id: string; rev: number }>("ledger_revisions")
    .updateOne({ _id: ownerId }, { $inc: { rev: 1 } }, { upsert: true, session });
}

/** Marks every owner's ledger changed (after the whole ledger was emptied). */
export function bumpAllRevisions(db: import("mongodb").Db, session?: ClientSession) {
  return db
    .collection<{ _id: string; rev: number }>("ledger_revisions")
    .updateMany({}, { $inc: { rev: 1 } }, { session });
}
