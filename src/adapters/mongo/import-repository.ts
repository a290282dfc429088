// Payment-import previews in MongoDB. A preview holds the whole uploaded file (a 20 MB CSV) and its rows, more than
// one document may hold (16 MiB), so it is kept as a small head document (`import_previews`) and its content as JSON
// cut into parts of at most PART_CHARS characters (`import_preview_parts`); both expire by TTL index. Committing one
// inserts its payments and removes head and parts in one transaction.
import type { ClientSession, Db, MongoClient } from "mongodb";
import type { ImportPreview, ImportRepository } from "../../ports/import-repository.ts";
import type { Payment } from "../../ports/ledger.ts";
import { paymentTotals } from "./payment-totals.ts";
import { bumpRevision, inTransaction } from "./transaction.ts";

/** 1 Mi characters: at most 4 MiB of UTF-8 in one part, far below MongoDB's 16 MiB per document. */
export const PART_CHARS = 1024 * 1024;

type Content = Pick<ImportPreview, "source" | "rows" | "errors">;
type HeadDoc = Omit<ImportPreview, "id" | keyof Content> & { _id: string; parts: number };
type PartDoc = { _id: string; previewId: string; ownerId: string; n: number; text: string; expiresAt: Date };
type PaymentDoc = Omit<Payment, "id" | "receipts"> & { _id: string };

/** How a preview is stored: its head, and its content as JSON in parts of at most `partChars` characters. */
export function previewDocuments(preview: ImportPreview, partChars = PART_CHARS): { head: HeadDoc; parts: PartDoc[] } {
  const { id, source, rows, errors, ...rest } = preview;
  const json = JSON.stringify({ source, rows, errors } satisfies Content);
  const parts: PartDoc[] = [];
  for (let at = 0, n = 0; at < json.length || n === 0; at += partChars, n++) {
    parts.push({
      _id: `${id}:${n}`,
      previewId: id,
      ownerId: preview.ownerId,
      n,
      text: json.slice(at, at + partChars),
      expiresAt: preview.expiresAt,
    });
  }
  return { head: { _id: id, ...rest, parts: parts.length }, parts };
}

export function mongoImportRepository(client: MongoClient, db: Db): ImportRepository {
  const heads = db.collection<HeadDoc>("import_previews");
  const parts = db.collection<PartDoc>("import_preview_parts");
  const payments = db.collection<PaymentDoc>("payments");
  const remove = async (ownerId: string, id: string, session: ClientSession) => {
    const { deletedCount } = await heads.deleteOne({ _id: id, ownerId }, { session });
    await parts.deleteMany({ previewId: id, ownerId }, { session });
    return deletedCount > 0;
  };
  return {
    async save(preview) {
      const { head, parts: content } = previewDocuments(preview);
      await inTransaction(client, async (session) => {
        await remove(preview.ownerId, preview.id, session);
        await heads.insertOne(head, { session });
        // One part at a time keeps every write message small.
        for (const part of content) await parts.insertOne(part, { session });
      });
    },
    async get(ownerId, id, now) {
      const head = await heads.findOne({ _id: id, ownerId, expiresAt: { $gt: now } });
      if (!head) return null;
      const found = await parts.find({ previewId: id, ownerId }).sort({ n: 1 }).toArray();
      if (found.length !== head.parts) return null; // removed under us (expired, committed elsewhere)
      const content = JSON.parse(found.map((p) => p.text).join("")) as Content;
      const { _id, parts: _count, ...rest } = head;
      return { id: _id, ...rest, ...content };
    },
    async commit(preview, list) {
      return inTransaction(client, async (session) => {
        if (!(await remove(preview.ownerId, preview.id, session))) return false;
        if (list.length)
          await payments.insertMany(
            list.map(({ id, receipts: _receipts, ...rest }) => ({ _id: id, ...rest })),
            { session },
          );
        await paymentTotals(db).add(list, 1, session);
        await bumpRevision(db, preview.ownerId, session);
        return true;
      });
    },
    async deleteExpired(now) {
      const { deletedCount } = await heads.deleteMany({ expiresAt: { $lte: now } });
      await parts.deleteMany({ expiresAt: { $lte: now } });
      return deletedCount;
    },
  };
}
