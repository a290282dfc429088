// The app's own indexes, created at start-up (idempotent). better-auth's collections (user, session, account,
// verification, rateLimit) get their indexes from better-auth itself; only `user`'s status field, which is ours, is
// indexed here.
import { type Db, MongoServerError } from "mongodb";

export type IndexSpec = {
  collection: string;
  key: Record<string, 1 | -1>;
  options?: { unique?: boolean; expireAfterSeconds?: number; partialFilterExpression?: object };
};

/** Each index the app needs: collection, key and options (also what `chitfunds doctor` checks for). */
export const APP_INDEXES: IndexSpec[] = [
  { collection: "user", key: { status: 1, createdAt: -1 } },
  { collection: "chits", key: { ownerId: 1, createdAt: 1, _id: 1 } },
  // Sums per instalment; a chit's payments by date (its page, its flows); the history, newest first (issue 12).
  { collection: "payments", key: { ownerId: 1, chitId: 1, instalment: 1, amount: 1 } },
  { collection: "payments", key: { ownerId: 1, chitId: 1, paidOn: -1, createdAt: -1, _id: -1 } },
  { collection: "payments", key: { ownerId: 1, paidOn: -1, createdAt: -1, _id: -1 } },
  { collection: "payments", key: { ownerId: 1, reference: 1 } },
  // What was paid per chit, day and instalment (payment-totals.ts): a chit's flows by day, an owner's months.
  { collection: "payment_totals", key: { ownerId: 1, chitId: 1, paidOn: 1, instalment: 1 } },
  { collection: "payment_totals", key: { ownerId: 1, paidOn: 1 } },
  { collection: "receipt_totals", key: { ownerId: 1, chitId: 1 } },
  { collection: "receipts", key: { ownerId: 1, sha256: 1 } },
  { collection: "receipts", key: { paymentId: 1 } },
  // The daily sweep of files no receipt names (issue 10).
  { collection: "receipts", key: { key: 1 } },
  { collection: "receipts", key: { thumbnailKey: 1 } },
  // A retried or double-submitted payment finds the first by its key; keys are kept a day.
  { collection: "idempotency_keys", key: { ownerId: 1, key: 1 }, options: { unique: true } },
  { collection: "idempotency_keys", key: { expiresAt: 1 }, options: { expireAfterSeconds: 0 } },
  // Each member's account activity, newest first; outbox mails found by recipient when an account is erased.
  { collection: "account_activity", key: { memberId: 1, at: -1, _id: -1 } },
  { collection: "outbox", key: { to: 1 } },
  { collection: "notifications", key: { ownerId: 1, createdAt: -1, _id: -1 } },
  // The unread count and the unread list, polled by every open tab.
  { collection: "notifications", key: { ownerId: 1, readAt: 1, createdAt: -1 } },
  {
    collection: "notifications",
    key: { ownerId: 1, dedupeKey: 1 },
    options: { unique: true, partialFilterExpression: { dedupeKey: { $type: "string" } } },
  },
  { collection: "outbox", key: { createdAt: -1, _id: -1 } },
  { collection: "audit_log", key: { at: -1, _id: -1 } },
  { collection: "rate_counters", key: { expiresAt: 1 }, options: { expireAfterSeconds: 0 } },
  { collection: "receipts.files", key: { filename: 1, uploadDate: 1 } },
  { collection: "receipts.chunks", key: { files_id: 1, n: 1 }, options: { unique: true } },
  { collection: "api_tokens", key: { tokenHash: 1 }, options: { unique: true } },
  { collection: "api_tokens", key: { ownerId: 1, createdAt: -1 } },
  { collection: "import_previews", key: { expiresAt: 1 }, options: { expireAfterSeconds: 0 } },
  { collection: "import_previews", key: { ownerId: 1 } },
  { collection: "import_preview_parts", key: { expiresAt: 1 }, options: { expireAfterSeconds: 0 } },
  { collection: "import_preview_parts", key: { previewId: 1, n: 1 } },
  { collection: "reminder_log", key: { memberId: 1, chitId: 1, instalment: 1, kind: 1 }, options: { unique: true } },
];

/**
 * Indexes an earlier version created that now stand in the way: a non-unique `key_1` on rateLimit makes MongoDB refuse
 * better-auth's unique one (IndexOptionsConflict, 85), so rate-limit keys would never be unique.
 */
const OUTDATED = [
  { collection: "rateLimit", name: "key_1", stillWanted: (index: { unique?: boolean }) => index.unique === true },
];

/**
 * Creates our indexes (each is a no-op when it exists). An index of the same key or name but other options makes
 * MongoDB refuse ours (IndexOptionsConflict 85, IndexKeySpecsConflict 86): those come back as conflicts to report.
 */
export async function ensureIndexes(db: Db): Promise<{ wanted: IndexSpec; error: MongoServerError }[]> {
  for (const old of OUTDATED) {
    const found = (
      await db
        .collection(old.collection)
        .listIndexes()
        .toArray()
        .catch(() => [])
    ).find((index) => index.name === old.name);
    if (found && !old.stillWanted(found)) {
      await db
        .collection(old.collection)
        .dropIndex(old.name)
        .catch((error) => {
          // 27: already gone (another instance)
          if (!(error instanceof MongoServerError && error.code === 27)) throw error;
        });
    }
  }
  const results = await Promise.allSettled(
    APP_INDEXES.map(({ collection, key, options }) => db.collection(collection).createIndex(key, options ?? {})),
  );
  const conflicts: { wanted: IndexSpec; error: MongoServerError }[] = [];
  results.forEach((result, i) => {
    if (result.status === "fulfilled") return;
    const error = result.reason;
    if (error instanceof MongoServerError && (error.code === 85 || error.code === 86))
      conflicts.push({ wanted: APP_INDEXES[i]!, error });
    else throw error;
  });
  return conflicts;
}
