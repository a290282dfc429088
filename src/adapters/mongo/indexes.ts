// Indexes the app needs, created at start-up (idempotent).
import type { Db } from "mongodb";

export async function ensureIndexes(db: Db): Promise<void> {
  await Promise.all([
    db.collection("user").createIndex({ email: 1 }, { unique: true }),
    db.collection("user").createIndex({ status: 1, createdAt: -1 }),
    db.collection("session").createIndex({ token: 1 }, { unique: true }),
    db.collection("session").createIndex({ userId: 1 }),
    db.collection("account").createIndex({ userId: 1 }),
    db.collection("verification").createIndex({ identifier: 1 }),
    db.collection("rateLimit").createIndex({ key: 1 }),
    db.collection("chits").createIndex({ ownerId: 1, createdAt: 1 }),
    db.collection("payments").createIndex({ ownerId: 1, chitId: 1, instalment: 1 }),
    db.collection("payments").createIndex({ ownerId: 1, paidOn: -1 }),
    db.collection("payments").createIndex({ ownerId: 1, reference: 1 }),
    db.collection("receipts").createIndex({ ownerId: 1, sha256: 1 }),
    db.collection("receipts").createIndex({ paymentId: 1 }),
    db.collection("notifications").createIndex({ ownerId: 1, createdAt: -1 }),
    db.collection("notifications").createIndex({ ownerId: 1, dedupeKey: 1 }, { unique: true, partialFilterExpression: { dedupeKey: { $type: "string" } } }),
    db.collection("outbox").createIndex({ createdAt: -1 }),
    db.collection("rate_counters").createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }),
    db.collection("receipts.files").createIndex({ filename: 1 }),
    db.collection("api_tokens").createIndex({ tokenHash: 1 }, { unique: true }),
    db.collection("api_tokens").createIndex({ ownerId: 1, createdAt: -1 }),
    db.collection("import_previews").createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }),
    db.collection("import_previews").createIndex({ ownerId: 1 }),
    db.collection("reminder_log").createIndex({ memberId: 1, chitId: 1, instalment: 1, kind: 1 }, { unique: true }),
  ]);
}
