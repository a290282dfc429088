// The storage contract on the embedded SQLite default (always runs).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../../src/adapters/sqlite/database.ts";
import { migrations } from "../../src/adapters/sqlite/migrations.ts";
import { sqlitePaymentRepository } from "../../src/adapters/sqlite/payment-repository.ts";
import { openSqliteStorage } from "../../src/adapters/sqlite/storage.ts";
import { storageContract } from "./storage-contract.ts";

const dirs = new Map<object, string>();
storageContract(
  "SQLite",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitfunds-contract-"));
    const storage = openSqliteStorage(dir);
    dirs.set(storage, dir);
    return storage;
  },
  async (storage) => {
    await storage.close();
    rmSync(dirs.get(storage)!, { recursive: true, force: true });
  },
);

describe("SQLite: a file from before the kept totals", () => {
  it(
    "gets its sums per chit, day and instalment, and its receipt counts, from the " + "payments already there",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "chitfunds-migrate-"));
      try {
        const db = openDatabase(dir);
        const before = migrations.length - 1; // the file as the previous version left it
        for (const sql of migrations.slice(0, before)) db.exec(sql);
        db.exec(`PRAGMA user_version = ${before}`);
        db.exec(`INSERT INTO chits (id, owner_id, doc, created_at) VALUES
          ('c1', 'o1', '{}', '2026-01-01'), ('c2', 'o1', '{}', '2026-01-01');
        INSERT INTO payments
          (id, owner_id, chit_id, instalment, amount, paid_on, method, created_at, updated_at) VALUES
          ('p1', 'o1', 'c1', 1, 100, '2026-01-05', 'upi', 'x', 'x'),
          ('p2', 'o1', 'c1', 1, 50, '2026-01-05', 'upi', 'x', 'x'),
          ('p3', 'o1', 'c1', 2, 70, '2026-02-05', 'upi', 'x', 'x'),
          ('p4', 'o1', 'c2', 1, 9, '2026-01-06', 'cash', 'x', 'x');
        INSERT INTO receipts
          (id, owner_id, payment_id, content_type, size, sha256, key, thumbnail_key, created_at) VALUES
          ('r1', 'o1', 'p1', 'image/jpeg', 1, 's', 'k', 't', 'x'),
          ('r2', 'o1', 'p3', 'image/jpeg', 1, 's', 'k', 't', 'x');`);
        migrate(db);
        const payments = sqlitePaymentRepository(db);
        expect(await payments.paidByInstalment("o1", ["c1"])).toEqual([
          { chitId: "c1", instalment: 1, amount: 150, payments: 2, lastPaidOn: "2026-01-05" },
          { chitId: "c1", instalment: 2, amount: 70, payments: 1, lastPaidOn: "2026-02-05" },
        ]);
        expect(await payments.receiptCount("o1", "c1")).toBe(2);
        expect(await payments.receiptCount("o1", "c2")).toBe(0);
        expect((await payments.search("o1", { limit: 1, offset: 0 })).total).toBe(4);
        db.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
