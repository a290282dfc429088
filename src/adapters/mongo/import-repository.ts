// Payment-import previews in MongoDB (collection `import_previews`, removed by a TTL index once expired); committing
// one inserts its payments and removes it in one transaction.
import type { Db, MongoClient } from "mongodb";
import type { ImportPreview, ImportRepository } from "../../ports/import-repository.ts";
import type { Payment } from "../../ports/ledger.ts";
import { paymentTotals } from "./payment-totals.ts";
import { bumpRevision, inTransaction } from "./transaction.ts";

type PreviewDoc = Omit<ImportPreview, "id"> & { _id: string };
type PaymentDoc = Omit<Payment, "id" | "receipts"> & { _id: string };

export function mongoImportRepository(client: MongoClient, db: Db): ImportRepository {
  const previews = db.collection<PreviewDoc>("import_previews");
  const payments = db.collection<PaymentDoc>("payments");
  return {
    async save({ id, ...rest }) {
      await previews.replaceOne({ _id: id, ownerId: rest.ownerId }, rest, { upsert: true });
    },
    async get(ownerId, id, now) {
      const doc = await previews.findOne({ _id: id, ownerId, expiresAt: { $gt: now } });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    async commit(preview, list) {
      return inTransaction(client, async (session) => {
        const { deletedCount } = await previews.deleteOne({ _id: preview.id, ownerId: preview.ownerId }, { session });
        if (!deletedCount) return false;
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
      return (await previews.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
    },
  };
}
