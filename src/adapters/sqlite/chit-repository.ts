// Chits kept as JSON documents in SQLite (the same shape as in MongoDB); deleting one takes its payments along.
import { completeTerms } from "../../domain/chit.ts";
import type { Chit, ChitRepository, Receipt } from "../../ports/ledger.ts";
import { inTransaction, type SqliteDatabase } from "./database.ts";
import { type ReceiptRow, receiptFromRow } from "./payment-repository.ts";

type Row = { doc: string };

export function chitFromJson(doc: string): Chit {
  const raw = JSON.parse(doc) as Chit & { createdAt: string; updatedAt: string };
  return {
    ...raw,
    upiIds: raw.upiIds ?? [],
    terms: completeTerms(raw.terms),
    createdAt: new Date(raw.createdAt),
    updatedAt: new Date(raw.updatedAt),
  };
}

export function sqliteChitRepository(db: SqliteDatabase): ChitRepository {
  const insert = db.prepare("INSERT INTO chits (id, owner_id, doc, created_at) VALUES (?, ?, ?, ?)");
  const one = db.prepare("SELECT doc FROM chits WHERE owner_id = ? AND id = ?");
  const all = db.prepare("SELECT doc FROM chits WHERE owner_id = ? ORDER BY created_at, id");
  const some = db.prepare("SELECT doc FROM chits WHERE owner_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM chits WHERE owner_id = ?");
  const save = db.prepare("UPDATE chits SET doc = ? WHERE owner_id = ? AND id = ?");
  const receipts = db.prepare(
    "SELECT r.* FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE p.owner_id = ? AND p.chit_id = ?",
  );
  const remove = db.prepare("DELETE FROM chits WHERE owner_id = ? AND id = ?");
  const revision = db.prepare("SELECT rev FROM ledger_revisions WHERE owner_id = ?");
  return {
    async revision(ownerId) {
      return (revision.get(ownerId) as { rev: number } | undefined)?.rev ?? 0;
    },
    async create(chit) {
      insert.run(chit.id, chit.ownerId, JSON.stringify(chit), chit.createdAt.toISOString());
    },
    async get(ownerId, id) {
      const row = one.get(ownerId, id) as Row | undefined;
      return row ? chitFromJson(row.doc) : null;
    },
    async list(ownerId) {
      return (all.all(ownerId) as Row[]).map((r) => chitFromJson(r.doc));
    },
    async page(ownerId, { limit, offset }) {
      const chits = (some.all(ownerId, limit, offset) as Row[]).map((r) => chitFromJson(r.doc));
      return { chits, total: (count.get(ownerId) as { n: number }).n };
    },
    async update(chit) {
      save.run(JSON.stringify(chit), chit.ownerId, chit.id);
    },
    async delete(ownerId, id): Promise<Receipt[]> {
      return inTransaction(db, () => {
        const gone = (receipts.all(ownerId, id) as ReceiptRow[]).map(receiptFromRow);
        remove.run(ownerId, id); // payments and receipts follow by ON DELETE CASCADE
        return gone;
      });
    },
  };
}
