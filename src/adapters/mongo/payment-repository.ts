// Payments (collection `payments`) and receipt records (collection `receipts`) in MongoDB, written together in transactions.
import type { Db, Filter, MongoClient } from "mongodb";
import type { Payment, PaymentRepository, Receipt } from "../../ports/ledger.ts";
import { changesBetween } from "./changes.ts";
import { bumpRevision, inTransaction } from "./transaction.ts";

type PaymentDoc = Omit<Payment, "id" | "receipts"> & { _id: string };
export type ReceiptDoc = Omit<Receipt, "id"> & { _id: string };

export const receiptFromDoc = ({ _id, ...rest }: ReceiptDoc): Receipt => ({ id: _id, ...rest });
const receiptToDoc = ({ id, ...rest }: Receipt): ReceiptDoc => ({ _id: id, ...rest });
const paymentToDoc = ({ id, receipts: _receipts, ...rest }: Payment): PaymentDoc => ({ _id: id, ...rest });

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function mongoPaymentRepository(client: MongoClient, db: Db): PaymentRepository {
  const payments = db.collection<PaymentDoc>("payments");
  const receipts = db.collection<ReceiptDoc>("receipts");

  async function withReceipts(docs: PaymentDoc[]): Promise<Payment[]> {
    if (docs.length === 0) return [];
    const found = await receipts
      .find({ paymentId: { $in: docs.map((d) => d._id) } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    const byPayment = new Map<string, Receipt[]>();
    for (const r of found) byPayment.set(r.paymentId, [...(byPayment.get(r.paymentId) ?? []), receiptFromDoc(r)]);
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest, receipts: byPayment.get(_id) ?? [] }));
  }

  return {
    async create(p) {
      await inTransaction(client, async (session) => {
        await payments.insertOne(paymentToDoc(p), { session });
        if (p.receipts.length) await receipts.insertMany(p.receipts.map(receiptToDoc), { session });
        await bumpRevision(db, p.ownerId, session);
      });
    },
    async get(ownerId, id) {
      const doc = await payments.findOne({ _id: id, ownerId });
      return doc ? ((await withReceipts([doc]))[0] ?? null) : null;
    },
    async update(p, added) {
      await inTransaction(client, async (session) => {
        const after = paymentToDoc(p);
        const before = await payments.findOne({ _id: after._id, ownerId: p.ownerId }, { session });
        const update = before && changesBetween(before, after);
        if (update) await payments.updateOne({ _id: after._id, ownerId: p.ownerId }, update, { session });
        if (added.length) await receipts.insertMany(added.map(receiptToDoc), { session });
        await bumpRevision(db, p.ownerId, session);
      });
    },
    async delete(ownerId, id) {
      return inTransaction(client, async (session) => {
        const gone = (await receipts.find({ ownerId, paymentId: id }, { session }).toArray()).map(receiptFromDoc);
        const { deletedCount } = await payments.deleteOne({ _id: id, ownerId }, { session });
        if (!deletedCount) return [];
        await receipts.deleteMany({ ownerId, paymentId: id }, { session });
        await bumpRevision(db, ownerId, session);
        return gone;
      });
    },
    async removeReceipt(ownerId, receiptId) {
      return inTransaction(client, async (session) => {
        const doc = await receipts.findOneAndDelete({ _id: receiptId, ownerId }, { session });
        if (!doc) return null;
        await bumpRevision(db, ownerId, session);
        return receiptFromDoc(doc);
      });
    },
    async listForOwner(ownerId) {
      return withReceipts(await payments.find({ ownerId }).sort({ paidOn: 1, createdAt: 1, _id: 1 }).toArray());
    },
    async listForChit(ownerId, chitId) {
      return withReceipts(await payments.find({ ownerId, chitId }).sort({ paidOn: 1, createdAt: 1, _id: 1 }).toArray());
    },
    async search(ownerId, f) {
      const filter: Filter<PaymentDoc> = { ownerId };
      if (f.chitId) filter.chitId = f.chitId;
      if (f.from || f.to) filter.paidOn = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
      if (f.method) filter.method = f.method;
      if (f.q) {
        const pattern = new RegExp(escapeRegex(f.q), "i");
        filter.$or = [{ reference: pattern }, { notes: pattern }];
      }
      const [docs, total] = await Promise.all([
        payments.find(filter).sort({ paidOn: -1, createdAt: -1, _id: -1 }).skip(f.offset).limit(f.limit).toArray(),
        payments.countDocuments(filter),
      ]);
      return { payments: await withReceipts(docs), total };
    },
    async getReceipt(ownerId, receiptId) {
      const doc = await receipts.findOne({ _id: receiptId, ownerId });
      return doc ? receiptFromDoc(doc) : null;
    },
    async receiptsWithSha(ownerId, sha256) {
      return (await receipts.find({ ownerId, sha256 }).toArray()).map(receiptFromDoc);
    },
    async paymentsWithReference(ownerId, reference) {
      const docs = await payments.find({ ownerId, reference: new RegExp(`^${escapeRegex(reference)}$`, "i") }).toArray();
      return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest, receipts: [] }));
    },
  };
}
