// Erases one member's records from MongoDB in one transaction (their receipt files in GridFS are removed after).
import type { Db, MongoClient } from "mongodb";
import type { MemberDataStore } from "../../ports/member-data.ts";
import { inTransaction } from "./transaction.ts";

/** Collections keyed by the member, and the field that names them. */
const OWNED: [collection: string, field: string][] = [
  ["receipts", "ownerId"],
  ["payments", "ownerId"],
  ["chits", "ownerId"],
  ["payment_totals", "ownerId"],
  ["receipt_totals", "ownerId"],
  ["notifications", "ownerId"],
  ["api_tokens", "ownerId"],
  ["import_previews", "ownerId"],
  ["import_preview_parts", "ownerId"],
  ["idempotency_keys", "ownerId"],
  ["reminder_log", "memberId"],
  ["account_activity", "memberId"],
  ["ledger_revisions", "_id"],
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function mongoMemberData(client: MongoClient, db: Db): MemberDataStore {
  return {
    async erase(memberId, email) {
      return inTransaction(client, async (session) => {
        const receipts = await db
          .collection<{ key: string; thumbnailKey: string }>("receipts")
          .find({ ownerId: memberId }, { session, projection: { key: 1, thumbnailKey: 1 } })
          .toArray();
        const counts: Record<string, number> = {};
        for (const [name, field] of OWNED)
          counts[name] = (await db.collection(name).deleteMany({ [field]: memberId }, { session })).deletedCount;
        counts.audit_log = (
          await db
            .collection("audit_log")
            .deleteMany({ $or: [{ actorId: memberId }, { targetId: memberId }] }, { session })
        ).deletedCount;
        counts.outbox = (
          await db.collection("outbox").deleteMany({ to: new RegExp(`^${escapeRegex(email)}$`, "i") }, { session })
        ).deletedCount;
        counts.rate_counters = (
          await db
            .collection("rate_counters")
            .deleteMany({ _id: new RegExp(`:${escapeRegex(email.toLowerCase())}:\\d+$`) as never }, { session })
        ).deletedCount;
        return { fileKeys: receipts.flatMap((r) => [r.key, r.thumbnailKey]), counts };
      });
    },
  };
}
