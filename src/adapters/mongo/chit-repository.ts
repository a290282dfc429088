// Chits in MongoDB (collection `chits`); deleting one removes its payments and receipt records in one transaction.
import type { Db, MongoClient } from "mongodb";
import { completeTerms } from "../../domain/chit.ts";
import type { Chit, ChitRepository, Receipt } from "../../ports/ledger.ts";
import { changesBetween } from "./changes.ts";
import { type ReceiptDoc, receiptFromDoc } from "./payment-repository.ts";
import { paymentTotals } from "./payment-totals.ts";
import { bumpRevision, inTransaction } from "./transaction.ts";

type ChitDoc = Omit<Chit, "id"> & { _id: string };

const toDoc = ({ id, ...rest }: Chit): ChitDoc => ({ _id: id, ...rest });
/** Documents stored before a chit setting existed get its default (completeTerms), so old and new read alike. */
const fromDoc = ({ _id, ...rest }: ChitDoc): Chit => ({
  id: _id,
  ...rest,
  upiIds: rest.upiIds ?? [],
  terms: completeTerms(rest.terms),
});

export function mongoChitRepository(client: MongoClient, db: Db): ChitRepository {
  const chits = db.collection<ChitDoc>("chits");
  return {
    async revision(ownerId) {
      return (
        (await db.collection<{ _id: string; rev: number }>("ledger_revisions").findOne({ _id: ownerId }))?.rev ?? 0
      );
    },
    async create(chit) {
      await inTransaction(client, async (session) => {
        await chits.insertOne(toDoc(chit), { session });
        await bumpRevision(db, chit.ownerId, session);
      });
    },
    async get(ownerId, id) {
      const doc = await chits.findOne({ _id: id, ownerId });
      return doc ? fromDoc(doc) : null;
    },
    async list(ownerId) {
      return (await chits.find({ ownerId }).sort({ createdAt: 1, _id: 1 }).toArray()).map(fromDoc);
    },
    async page(ownerId, { limit, offset }) {
      const [docs, total] = await Promise.all([
        chits.find({ ownerId }).sort({ createdAt: 1, _id: 1 }).skip(offset).limit(limit).toArray(),
        chits.countDocuments({ ownerId }),
      ]);
      return { chits: docs.map(fromDoc), total };
    },
    async update(chit) {
      await inTransaction(client, async (session) => {
        const after = toDoc(chit);
        const before = await chits.findOne({ _id: after._id, ownerId: chit.ownerId }, { session });
        const update = before && changesBetween(before, after);
        if (update) await chits.updateOne({ _id: after._id, ownerId: chit.ownerId }, update, { session });
        await bumpRevision(db, chit.ownerId, session);
      });
    },
    async delete(ownerId, id): Promise<Receipt[]> {
      return inTransaction(client, async (session) => {
        const paymentIds = (
          await db
            .collection<{ _id: string }>("payments")
            .find({ ownerId, chitId: id }, { projection: { _id: 1 }, session })
            .toArray()
        ).map((p) => p._id);
        const receipts = db.collection<ReceiptDoc>("receipts");
        const gone = (await receipts.find({ ownerId, paymentId: { $in: paymentIds } }, { session }).toArray()).map(
          receiptFromDoc,
        );
        await receipts.deleteMany({ ownerId, paymentId: { $in: paymentIds } }, { session });
        await db.collection("payments").deleteMany({ ownerId, chitId: id }, { session });
        await paymentTotals(db).dropChit(ownerId, id, session);
        await chits.deleteOne({ _id: id, ownerId }, { session });
        await bumpRevision(db, ownerId, session);
        return gone;
      });
    },
  };
}
