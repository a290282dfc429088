// Payments and their receipt records in SQLite; a payment and its receipts are written in one transaction.
import type {
  InstalmentPaid,
  PaidInMonth,
  PaidOnDay,
  Payment,
  PaymentMethod,
  PaymentRepository,
  Receipt,
} from "../../ports/ledger.ts";
import { inTransaction, type SqliteDatabase } from "./database.ts";

type PaymentRow = {
  id: string;
  owner_id: string;
  chit_id: string;
  instalment: number;
  amount: number;
  paid_on: string;
  method: string;
  reference: string;
  notes: string;
  created_at: string;
  updated_at: string;
};

export type ReceiptRow = {
  id: string;
  owner_id: string;
  payment_id: string;
  content_type: string;
  size: number;
  sha256: string;
  key: string;
  thumbnail_key: string;
  width: number | null;
  height: number | null;
  original_name: string;
  created_at: string;
};

export function receiptFromRow(r: ReceiptRow): Receipt {
  return {
    id: r.id,
    ownerId: r.owner_id,
    paymentId: r.payment_id,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    key: r.key,
    thumbnailKey: r.thumbnail_key,
    width: r.width,
    height: r.height,
    originalName: r.original_name,
    createdAt: new Date(r.created_at),
  };
}

function paymentFromRow(r: PaymentRow, receipts: Receipt[]): Payment {
  return {
    id: r.id,
    ownerId: r.owner_id,
    chitId: r.chit_id,
    instalment: r.instalment,
    amount: r.amount,
    paidOn: r.paid_on,
    method: r.method as PaymentMethod,
    reference: r.reference,
    notes: r.notes,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    receipts,
  };
}

/**
 * Inserts a payment row and its receipt rows; the caller holds the transaction. Shared with the CSV import's commit.
 */
export function paymentInserter(db: SqliteDatabase): (p: Payment) => void {
  const insertPayment = db.prepare(
    "INSERT INTO payments (id, owner_id, chit_id, instalment, amount, paid_on, method, " +
      "reference, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const addReceipt = receiptInserter(db);
  return (p) => {
    insertPayment.run(
      p.id,
      p.ownerId,
      p.chitId,
      p.instalment,
      p.amount,
      p.paidOn,
      p.method,
      p.reference,
      p.notes,
      p.createdAt.toISOString(),
      p.updatedAt.toISOString(),
    );
    for (const r of p.receipts) addReceipt(r);
  };
}

function receiptInserter(db: SqliteDatabase): (r: Receipt) => void {
  const insertReceipt = db.prepare(
    "INSERT INTO receipts (id, owner_id, payment_id, content_type, size, sha256, key, " +
      "thumbnail_key, width, height, original_name, created_at) VALUES (?, ?, ?, ?, ?, ?, " +
      "?, ?, ?, ?, ?, ?)",
  );
  return (r) => {
    insertReceipt.run(
      r.id,
      r.ownerId,
      r.paymentId,
      r.contentType,
      r.size,
      r.sha256,
      r.key,
      r.thumbnailKey,
      r.width,
      r.height,
      r.originalName,
      r.createdAt.toISOString(),
    );
  };
}

export function sqlitePaymentRepository(db: SqliteDatabase): PaymentRepository {
  const insertPayment = paymentInserter(db);
  const addReceipt = receiptInserter(db);
  const updatePayment = db.prepare(
    "UPDATE payments SET instalment = ?, amount = ?, paid_on = ?, method = ?, reference = " +
      "?, notes = ?, updated_at = ? WHERE owner_id = ? AND id = ?",
  );
  const onePayment = db.prepare("SELECT * FROM payments WHERE owner_id = ? AND id = ?");
  const receiptsOfPayment = db.prepare("SELECT * FROM receipts WHERE payment_id = ? ORDER BY created_at, id");
  const receiptsOfOwner = db.prepare("SELECT * FROM receipts WHERE owner_id = ? ORDER BY created_at, id");
  const receiptsOfChit = db.prepare(
    "SELECT r.* FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE p.owner_id = " +
      "? AND p.chit_id = ? ORDER BY r.created_at, r.id",
  );
  const paymentsOfOwner = db.prepare("SELECT * FROM payments WHERE owner_id = ? ORDER BY paid_on, created_at, id");
  const paymentsOfChit = db.prepare(
    "SELECT * FROM payments WHERE owner_id = ? AND chit_id = ? ORDER BY paid_on, created_at, id",
  );
  const deletePayment = db.prepare("DELETE FROM payments WHERE owner_id = ? AND id = ?");
  const oneReceipt = db.prepare("SELECT * FROM receipts WHERE owner_id = ? AND id = ?");
  const deleteReceipt = db.prepare("DELETE FROM receipts WHERE owner_id = ? AND id = ?");
  const bySha = db.prepare("SELECT * FROM receipts WHERE owner_id = ? AND sha256 = ?");
  // Sums come from payment_totals (one row per chit, day and instalment, kept by triggers: migrations.ts), so they
  // cost the days paid on, not the payments made.
  const sumsByInstalment = db.prepare(
    "SELECT chit_id AS chitId, instalment, SUM(amount) AS amount, SUM(payments) AS " +
      "payments, MAX(paid_on) AS lastPaidOn FROM payment_totals WHERE owner_id = ? GROUP BY " +
      "chit_id, instalment ORDER BY chit_id, instalment",
  );
  const sumsByInstalmentOf = db.prepare(
    "SELECT chit_id AS chitId, instalment, SUM(amount) AS amount, SUM(payments) AS " +
      "payments, MAX(paid_on) AS lastPaidOn FROM payment_totals WHERE owner_id = ? AND " +
      "chit_id IN (SELECT value FROM json_each(?)) GROUP BY chit_id, instalment ORDER BY " +
      "chit_id, instalment",
  );
  const sumsByDay = db.prepare(
    "SELECT chit_id AS chitId, instalment, paid_on AS paidOn, amount FROM payment_totals " +
      "WHERE owner_id = ? AND chit_id IN (SELECT value FROM json_each(?)) ORDER BY chit_id, " +
      "paid_on, instalment",
  );
  const sumsByMonth = db.prepare(
    "SELECT chit_id AS chitId, substr(paid_on, 1, 7) AS month, SUM(amount) AS amount FROM " +
      "payment_totals WHERE owner_id = ? AND paid_on >= ? GROUP BY chit_id, month ORDER BY " +
      "chit_id, month",
  );
  const receiptsOfPayments = db.prepare(
    "SELECT * FROM receipts WHERE payment_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id",
  );
  // The search's statements differ only by which filters are set: each shape is prepared once.
  const prepared = new Map<string, ReturnType<SqliteDatabase["prepare"]>>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) {
      found = db.prepare(sql);
      prepared.set(sql, found);
    }
    return found;
  };
  const receiptsOfOwnerCount = db.prepare(
    "SELECT COALESCE(SUM(receipts), 0) AS n FROM receipt_totals WHERE owner_id = ?",
  );
  const receiptsOfChitCount = db.prepare(
    "SELECT COALESCE(SUM(receipts), 0) AS n FROM receipt_totals WHERE owner_id = ? AND chit_id = ?",
  );
  // casefold (database.ts) compares without regard to case in every script, as MongoDB's case-insensitive match does.
  const byReference = db.prepare("SELECT * FROM payments WHERE owner_id = ? AND casefold(reference) = casefold(?)");

  const withReceipts = (rows: PaymentRow[], receipts: Receipt[]) => {
    const byPayment = new Map<string, Receipt[]>();
    for (const r of receipts) byPayment.set(r.paymentId, [...(byPayment.get(r.paymentId) ?? []), r]);
    return rows.map((row) => paymentFromRow(row, byPayment.get(row.id) ?? []));
  };

  return {
    async create(p) {
      inTransaction(db, () => {
        insertPayment(p);
      });
    },
    async get(ownerId, id) {
      const row = onePayment.get(ownerId, id) as PaymentRow | undefined;
      if (!row) return null;
      return paymentFromRow(row, (receiptsOfPayment.all(id) as ReceiptRow[]).map(receiptFromRow));
    },
    async update(p, added) {
      inTransaction(db, () => {
        updatePayment.run(
          p.instalment,
          p.amount,
          p.paidOn,
          p.method,
          p.reference,
          p.notes,
          p.updatedAt.toISOString(),
          p.ownerId,
          p.id,
        );
        for (const r of added) addReceipt(r);
      });
    },
    async delete(ownerId, id) {
      return inTransaction(db, () => {
        const receipts = (receiptsOfPayment.all(id) as ReceiptRow[])
          .filter((r) => r.owner_id === ownerId)
          .map(receiptFromRow);
        const { changes } = deletePayment.run(ownerId, id);
        return changes ? receipts : [];
      });
    },
    async removeReceipt(ownerId, receiptId) {
      const row = oneReceipt.get(ownerId, receiptId) as ReceiptRow | undefined;
      if (!row) return null;
      deleteReceipt.run(ownerId, receiptId);
      return receiptFromRow(row);
    },
    async listForOwner(ownerId) {
      return withReceipts(
        paymentsOfOwner.all(ownerId) as PaymentRow[],
        (receiptsOfOwner.all(ownerId) as ReceiptRow[]).map(receiptFromRow),
      );
    },
    async listForChit(ownerId, chitId) {
      return withReceipts(
        paymentsOfChit.all(ownerId, chitId) as PaymentRow[],
        (receiptsOfChit.all(ownerId, chitId) as ReceiptRow[]).map(receiptFromRow),
      );
    },
    async search(ownerId, f) {
      const where = ["owner_id = ?"];
      const params: (string | number)[] = [ownerId];
      const add = (clause: string, value: string) => {
        where.push(clause);
        params.push(value);
      };
      if (f.chitId) add("chit_id = ?", f.chitId);
      if (f.from) add("paid_on >= ?", f.from);
      if (f.to) add("paid_on <= ?", f.to);
      if (f.method) add("method = ?", f.method);
      if (f.q) {
        where.push("(instr(casefold(reference), casefold(?)) > 0 OR instr(casefold(notes), casefold(?)) > 0)");
        params.push(f.q, f.q);
      }
      if (f.instalments) {
        // One parameter however many instalments: a JSON array of "chitId:number" keys.
        where.push(
          `chit_id || ':' || instalment ${f.instalments.exclude ? "NOT IN" : "IN"} (SELECT value FROM json_each(?))`,
        );
        params.push(JSON.stringify(f.instalments.keys.map((k) => `${k.chitId}:${k.instalment}`)));
      }
      const clause = where.join(" AND ");
      // Filtered by chit and dates only, the count is a sum over the days paid on (payment_totals has both columns).
      const fromTotals = !f.method && !f.q && !f.instalments;
      const count = fromTotals
        ? `SELECT COALESCE(SUM(payments), 0) AS n FROM payment_totals WHERE ${clause}`
        : `SELECT COUNT(*) AS n FROM payments WHERE ${clause}`;
      const { n } = statement(count).get(...params) as { n: number };
      const direction = f.order === "oldest" ? "ASC" : "DESC";
      const rows = statement(
        `SELECT * FROM payments WHERE ${clause} ORDER BY paid_on ${direction}, created_at ` +
          `${direction}, id ${direction} LIMIT ? OFFSET ?`,
      ).all(...params, f.limit, f.offset) as PaymentRow[];
      const receipts = rows.length
        ? (receiptsOfPayments.all(JSON.stringify(rows.map((r) => r.id))) as ReceiptRow[]).map(receiptFromRow)
        : [];
      return { payments: withReceipts(rows, receipts), total: n };
    },
    async paidByInstalment(ownerId, chitIds) {
      const rows = chitIds ? sumsByInstalmentOf.all(ownerId, JSON.stringify(chitIds)) : sumsByInstalment.all(ownerId);
      return rows as InstalmentPaid[];
    },
    async paidByDay(ownerId, chitIds) {
      return sumsByDay.all(ownerId, JSON.stringify(chitIds)) as PaidOnDay[];
    },
    async paidByMonth(ownerId, from) {
      return sumsByMonth.all(ownerId, from) as PaidInMonth[];
    },
    async receiptCount(ownerId, chitId) {
      return (
        (chitId === undefined ? receiptsOfOwnerCount.get(ownerId) : receiptsOfChitCount.get(ownerId, chitId)) as {
          n: number;
        }
      ).n;
    },
    async getReceipt(ownerId, receiptId) {
      const row = oneReceipt.get(ownerId, receiptId) as ReceiptRow | undefined;
      return row ? receiptFromRow(row) : null;
    },
    async receiptsWithSha(ownerId, sha256) {
      return (bySha.all(ownerId, sha256) as ReceiptRow[]).map(receiptFromRow);
    },
    async paymentsWithReference(ownerId, reference) {
      return (byReference.all(ownerId, reference) as PaymentRow[]).map((r) => paymentFromRow(r, []));
    },
    async knownFileKeys(keys) {
      const known = new Set<string>();
      for (let i = 0; i < keys.length; i += 400) {
        const batch = keys.slice(i, i + 400);
        const marks = batch.map(() => "?").join(",");
        const found = db
          .prepare(
            `SELECT key AS k FROM receipts WHERE key IN (${marks}) UNION SELECT thumbnail_key AS k ` +
              `FROM receipts WHERE thumbnail_key IN (${marks})`,
          )
          .all(...batch, ...batch) as { k: string }[];
        for (const row of found) known.add(row.k);
      }
      return known;
    },
  };
}
