// Idempotency keys in SQLite: the primary key (owner, key) makes the first claim win.
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord, type IdempotencyStore } from "../../ports/idempotency-store.ts";
import type { SqliteDatabase } from "./database.ts";

type Row = { fingerprint: string; state: "pending" | "done"; body: string | null };

export function sqliteIdempotencyStore(db: SqliteDatabase): IdempotencyStore {
  const prune = db.prepare("DELETE FROM idempotency_keys WHERE created_at < ?");
  const insert = db.prepare(
    "INSERT INTO idempotency_keys (owner_id, key, fingerprint, state, created_at) VALUES " +
      "(?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING",
  );
  const find = db.prepare("SELECT fingerprint, state, body FROM idempotency_keys WHERE owner_id = ? AND key = ?");
  const done = db.prepare("UPDATE idempotency_keys SET state = 'done', body = ? WHERE owner_id = ? AND key = ?");
  const remove = db.prepare("DELETE FROM idempotency_keys WHERE owner_id = ? AND key = ?");
  return {
    async claim(ownerId, key, fingerprint, now): Promise<IdempotencyRecord | null> {
      prune.run(now.getTime() - IDEMPOTENCY_TTL_MS);
      if (Number(insert.run(ownerId, key, fingerprint, now.getTime()).changes) === 1) return null;
      const row = find.get(ownerId, key) as Row | undefined;
      return row ? { fingerprint: row.fingerprint, state: row.state, result: row.body } : null;
    },
    async complete(ownerId, key, result) {
      done.run(result, ownerId, key);
    },
    async release(ownerId, key) {
      remove.run(ownerId, key);
    },
  };
}
