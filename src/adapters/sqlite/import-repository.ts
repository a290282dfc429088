// Payment-import previews in SQLite (table import_previews, one JSON document each); committing one inserts its
// payments and removes it in a single transaction.
import type { ImportPreview, ImportRepository } from "../../ports/import-repository.ts";
import { inTransaction, type SqliteDatabase } from "./database.ts";
import { paymentInserter } from "./payment-repository.ts";

function fromJson(doc: string): ImportPreview {
  const raw = JSON.parse(doc) as ImportPreview & { createdAt: string; expiresAt: string };
  return { ...raw, createdAt: new Date(raw.createdAt), expiresAt: new Date(raw.expiresAt) };
}

export function sqliteImportRepository(db: SqliteDatabase): ImportRepository {
  const upsert = db.prepare(
    "INSERT INTO import_previews (id, owner_id, doc, created_at, expires_at) VALUES (?, " +
      "?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, expires_at = " +
      "excluded.expires_at WHERE owner_id = excluded.owner_id",
  );
  const one = db.prepare("SELECT doc FROM import_previews WHERE owner_id = ? AND id = ? AND expires_at > ?");
  const remove = db.prepare("DELETE FROM import_previews WHERE owner_id = ? AND id = ?");
  const expired = db.prepare("DELETE FROM import_previews WHERE expires_at <= ?");
  const insertPayment = paymentInserter(db);
  return {
    async save(p) {
      upsert.run(p.id, p.ownerId, JSON.stringify(p), p.createdAt.toISOString(), p.expiresAt.toISOString());
    },
    async get(ownerId, id, now) {
      const row = one.get(ownerId, id, now.toISOString()) as { doc: string } | undefined;
      return row ? fromJson(row.doc) : null;
    },
    async commit(preview, payments) {
      return inTransaction(db, () => {
        if (remove.run(preview.ownerId, preview.id).changes === 0) return false;
        for (const p of payments) {
          insertPayment(p);
        }
        return true;
      });
    },
    async deleteExpired(now) {
      return Number(expired.run(now.toISOString()).changes);
    },
  };
}
