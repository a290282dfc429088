// Payments (collection `payments`) and receipt records (collection `receipts`) in MongoDB, written together in
// transactions.
import type { Db, Filter, MongoClient } from "mongodb";
import type {
  InstalmentKey,
  InstalmentPaid,
  PaidInMonth,
  PaidOnDay,
  Payment,
  PaymentRepository,
  Receipt,
} from "../../ports/ledger.ts";
import { changesBetween } from "./changes.ts";
import { type PaymentFlow, paymentTotals } from "./payment-totals.ts";
import { bumpRevision, inTransaction } from "./transaction.ts";

type PaymentDoc = Omit<Payment, "id" | "receipts"> & { _id: string };
export type ReceiptDoc = Omit<Receipt, "id"> & { _id: string };

export const receiptFromDoc = ({ _id, ...rest }: ReceiptDoc): Receipt => ({ id: _id, ...rest });
const receiptToDoc = ({ id, ...rest }: Receipt): ReceiptDoc => ({ _id: id, ...rest });
const paymentToDoc = ({ id, receipts: _receipts, ...rest }: Payment): PaymentDoc => ({ _id: id, ...rest });

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The instalments as one clause per chit: { chitId, instalment: { $in: [...] } }. */
function instalmentClauses(keys: readonly InstalmentKey[]): Filter<PaymentDoc>[] {
  const byChit = new Map<string, number[]>();
  for (const k of keys) byChit.set(k.chitId, [...(byChit.get(k.chitId) ?? []), k.instalment]);
  return [...byChit].map(([chitId, instalments]) => ({ chitId, instalment: { $in: instalments } }));
}

export function mongoPaymentRepository(client: MongoClient, db: Db): PaymentRepository {
  const payments = db.collection<PaymentDoc>("payments");
  const receipts = db.collection<ReceiptDoc>("receipts");
  // Sums and counts come from the totals kept beside the payments (payment-totals.ts), written in the same
  // transactions.
  const kept = paymentTotals(db);
  const flow = (p: PaymentFlow): PaymentFlow => ({
    ownerId: p.ownerId,
    chitId: p.chitId,
    paidOn: p.paidOn,
    instalment: p.instalment,
    amount: p.amount,
  });

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
        await kept.add([flow(p)], 1, session);
        await kept.addReceipts(p.ownerId, p.chitId, p.receipts.length, session);
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
        if (before) {
          await kept.add([flow(before)], -1, session);
          await kept.add([flow(p)], 1, session);
          await kept.addReceipts(p.ownerId, before.chitId, added.length, session);
        }
        await bumpRevision(db, p.ownerId, session);
      });
    },
    async delete(ownerId, id) {
      return inTransaction(client, async (session) => {
        const gone = (await receipts.find({ ownerId, paymentId: id }, { session }).toArray()).map(receiptFromDoc);
        const deleted = await payments.findOneAndDelete({ _id: id, ownerId }, { session });
        if (!deleted) return [];
        const { deletedCount } = await receipts.deleteMany({ ownerId, paymentId: id }, { session });
        await kept.add([flow(deleted)], -1, session);
        await kept.addReceipts(ownerId, deleted.chitId, -deletedCount, session);
        await bumpRevision(db, ownerId, session);
        return gone;
      });
    },
    async removeReceipt(ownerId, receiptId) {
      return inTransaction(client, async (session) => {
        const doc = await receipts.findOneAndDelete({ _id: receiptId, ownerId }, { session });
        if (!doc) return null;
        const of = await payments.findOne({ _id: doc.paymentId, ownerId }, { projection: { chitId: 1 }, session });
        if (of) await kept.addReceipts(ownerId, of.chitId, -1, session);
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
      const all: Filter<PaymentDoc>[] = [];
      if (f.q) {
        const pattern = new RegExp(escapeRegex(f.q), "i");
        all.push({ $or: [{ reference: pattern }, { notes: pattern }] });
      }
      if (f.instalments) {
        const clauses = instalmentClauses(f.instalments.keys);
        if (f.instalments.exclude) {
          if (clauses.length) all.push({ $nor: clauses });
        } else all.push(clauses.length ? { $or: clauses } : { _id: { $in: [] } });
      }
      if (all.length) filter.$and = all;
      // Filtered by chit and dates only, the count is a sum over the days paid on.
      const byDays = !f.method && !f.q && !f.instalments;
      const counted = async () => {
        if (!byDays) return payments.countDocuments(filter);
        const { chitId, paidOn } = filter;
        const [row] = await kept.totals
          .aggregate<{ n: number }>([
            { $match: { ownerId, ...(chitId ? { chitId } : {}), ...(paidOn ? { paidOn } : {}) } },
            { $group: { _id: null, n: { $sum: "$payments" } } },
          ])
          .toArray();
        return row?.n ?? 0;
      };
      const [docs, total] = await Promise.all([
        payments
          .find(filter)
          .sort(f.order === "oldest" ? { paidOn: 1, createdAt: 1, _id: 1 } : { paidOn: -1, createdAt: -1, _id: -1 })
          .skip(f.offset)
          .limit(f.limit)
          .toArray(),
        counted(),
      ]);
      return { payments: await withReceipts(docs), total };
    },
    async paidByInstalment(ownerId, chitIds) {
      const rows = await kept.totals
        .aggregate<{ _id: InstalmentKey; amount: number; payments: number; lastPaidOn: string }>([
          { $match: { ownerId, ...(chitIds ? { chitId: { $in: [...chitIds] } } : {}) } },
          {
            $group: {
              _id: { chitId: "$chitId", instalment: "$instalment" },
              amount: { $sum: "$amount" },
              payments: { $sum: "$payments" },
              lastPaidOn: { $max: "$paidOn" },
            },
          },
          { $sort: { "_id.chitId": 1, "_id.instalment": 1 } },
        ])
        .toArray();
      return rows.map(
        (r): InstalmentPaid => ({
          chitId: r._id.chitId,
          instalment: r._id.instalment,
          amount: r.amount,
          payments: r.payments,
          lastPaidOn: r.lastPaidOn,
        }),
      );
    },
    async paidByDay(ownerId, chitIds) {
      if (chitIds.length === 0) return [];
      const rows = await kept.totals
        .find({ ownerId, chitId: { $in: [...chitIds] } })
        .sort({ chitId: 1, paidOn: 1, instalment: 1 })
        .toArray();
      return rows.map(
        (r): PaidOnDay => ({ chitId: r.chitId, instalment: r.instalment, paidOn: r.paidOn, amount: r.amount }),
      );
    },
    async paidByMonth(ownerId, from) {
      const rows = await kept.totals
        .aggregate<{ _id: { chitId: string; month: string }; amount: number }>([
          { $match: { ownerId, paidOn: { $gte: from } } },
          {
            $group: {
              _id: { chitId: "$chitId", month: { $substrBytes: ["$paidOn", 0, 7] } },
              amount: { $sum: "$amount" },
            },
          },
          { $sort: { "_id.chitId": 1, "_id.month": 1 } },
        ])
        .toArray();
      return rows.map((r): PaidInMonth => ({ chitId: r._id.chitId, month: r._id.month, amount: r.amount }));
    },
    async receiptCount(ownerId, chitId) {
      const rows = await kept.receiptTotals.find({ ownerId, ...(chitId === undefined ? {} : { chitId }) }).toArray();
      return rows.reduce((n, r) => n + r.receipts, 0);
    },
    async getReceipt(ownerId, receiptId) {
      const doc = await receipts.findOne({ _id: receiptId, ownerId });
      return doc ? receiptFromDoc(doc) : null;
    },
    async receiptsWithSha(ownerId, sha256) {
      return (await receipts.find({ ownerId, sha256 }).toArray()).map(receiptFromDoc);
    },
    async knownFileKeys(keys) {
      const known = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const batch = keys.slice(i, i + 500);
        const found = await receipts
          .find(
            { $or: [{ key: { $in: batch } }, { thumbnailKey: { $in: batch } }] },
            { projection: { key: 1, thumbnailKey: 1 } },
          )
          .toArray();
        const wanted = new Set(batch);
        for (const r of found) for (const k of [r.key, r.thumbnailKey]) if (wanted.has(k)) known.add(k);
      }
      return known;
    },
    async paymentsWithReference(ownerId, reference) {
      const docs = await payments
        .find({ ownerId, reference: new RegExp(`^${escapeRegex(reference)}$`, "i") })
        .toArray();
      return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest, receipts: [] }));
    },
  };
}
