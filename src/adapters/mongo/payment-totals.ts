// What was paid per chit, day and instalment (collection `payment_totals`) and how many receipts each chit's payments
// carry (`receipt_totals`), kept beside the payments in the same transaction as every write that changes them, so sums,
// schedules and counts read a few documents per day paid on instead of every payment (SQLite keeps the same tables
// with triggers). Filled once from the payments already stored, owner by owner, the first time this version starts.
import type { AnyBulkWriteOperation, ClientSession, Db, MongoClient } from "mongodb";
import { inTransaction } from "./transaction.ts";

export type TotalDoc = {
  _id: string;
  ownerId: string;
  chitId: string;
  paidOn: string;
  instalment: number;
  amount: number;
  payments: number;
};
export type ReceiptTotalDoc = { _id: string; ownerId: string; chitId: string; receipts: number };

/** The part of a payment the totals are keyed and summed by. */
export type PaymentFlow = { ownerId: string; chitId: string; paidOn: string; instalment: number; amount: number };

const totalId = (f: Omit<PaymentFlow, "amount">) => `${f.ownerId}|${f.chitId}|${f.paidOn}|${f.instalment}`;
const receiptTotalId = (ownerId: string, chitId: string) => `${ownerId}|${chitId}`;

/** Marks the totals as filled for the stored payments (collection `ledger_migrations`). */
const FILLED = "payment-totals";

export function paymentTotals(db: Db) {
  const totals = db.collection<TotalDoc>("payment_totals");
  const receiptTotals = db.collection<ReceiptTotalDoc>("receipt_totals");
  return {
    totals,
    receiptTotals,
    /** Adds (sign 1) or takes away (sign -1) these payments' amounts and counts; rows left with no payment go. */
    async add(flows: readonly PaymentFlow[], sign: 1 | -1, session: ClientSession) {
      if (flows.length === 0) return;
      const byKey = new Map<string, { flow: PaymentFlow; amount: number; payments: number }>();
      for (const f of flows) {
        const key = totalId(f);
        const row = byKey.get(key) ?? { flow: f, amount: 0, payments: 0 };
        row.amount += f.amount;
        row.payments += 1;
        byKey.set(key, row);
      }
      const writes: AnyBulkWriteOperation<TotalDoc>[] = [...byKey].map(([_id, { flow, amount, payments }]) => ({
        updateOne: {
          filter: { _id },
          update: {
            $inc: { amount: sign * amount, payments: sign * payments },
            $setOnInsert: {
              ownerId: flow.ownerId,
              chitId: flow.chitId,
              paidOn: flow.paidOn,
              instalment: flow.instalment,
            },
          },
          upsert: true,
        },
      }));
      await totals.bulkWrite(writes, { session });
      if (sign < 0) await totals.deleteMany({ _id: { $in: [...byKey.keys()] }, payments: { $lte: 0 } }, { session });
    },
    async addReceipts(ownerId: string, chitId: string, count: number, session: ClientSession) {
      if (count === 0) return;
      await receiptTotals.updateOne(
        { _id: receiptTotalId(ownerId, chitId) },
        { $inc: { receipts: count }, $setOnInsert: { ownerId, chitId } },
        { upsert: true, session },
      );
    },
    async dropChit(ownerId: string, chitId: string, session: ClientSession) {
      await totals.deleteMany({ ownerId, chitId }, { session });
      await receiptTotals.deleteMany({ ownerId, chitId }, { session });
    },
  };
}

/**
 * Fills the totals from the payments stored before they were kept, once per database: each owner's rows are worked
 * out and written in one transaction (a payment recorded meanwhile conflicts with it and it is done again), so several
 * instances starting together only repeat each other's work. Payments recorded by an instance still running an older
 * version during a rolling update would be missed: upgrade to this version with the old instances stopped.
 */
export async function fillPaymentTotals(client: MongoClient, db: Db): Promise<void> {
  const marks = db.collection<{ _id: string; at: Date }>("ledger_migrations");
  if (await marks.findOne({ _id: FILLED })) return;
  const { totals, receiptTotals } = paymentTotals(db);
  const payments = db.collection<PaymentFlow & { _id: string }>("payments");
  for (const ownerId of await payments.distinct("ownerId")) {
    await inTransaction(client, async (session) => {
      const rows = await payments
        .aggregate<{ _id: Omit<PaymentFlow, "ownerId" | "amount">; amount: number; payments: number }>(
          [
            { $match: { ownerId } },
            {
              $group: {
                _id: { chitId: "$chitId", paidOn: "$paidOn", instalment: "$instalment" },
                amount: { $sum: "$amount" },
                payments: { $sum: 1 },
              },
            },
          ],
          { session },
        )
        .toArray();
      const receipts = await db
        .collection<{ paymentId: string; ownerId: string }>("receipts")
        .aggregate<{ _id: string; receipts: number }>(
          [
            { $match: { ownerId } },
            { $lookup: { from: "payments", localField: "paymentId", foreignField: "_id", as: "p" } },
            { $unwind: "$p" },
            { $group: { _id: "$p.chitId", receipts: { $sum: 1 } } },
          ],
          { session },
        )
        .toArray();
      await totals.deleteMany({ ownerId }, { session });
      await receiptTotals.deleteMany({ ownerId }, { session });
      if (rows.length)
        await totals.insertMany(
          rows.map((r) => ({
            _id: totalId({ ownerId, ...r._id }),
            ownerId,
            ...r._id,
            amount: r.amount,
            payments: r.payments,
          })),
          { session },
        );
      if (receipts.length)
        await receiptTotals.insertMany(
          receipts.map((r) => ({ _id: receiptTotalId(ownerId, r._id), ownerId, chitId: r._id, receipts: r.receipts })),
          { session },
        );
    });
  }
  await marks.updateOne({ _id: FILLED }, { $setOnInsert: { at: new Date() } }, { upsert: true });
}
