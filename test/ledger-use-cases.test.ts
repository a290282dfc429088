// Ledger use cases against the real embedded store: nothing half-saved, files follow their records, summary totals.
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { summaryOn } from "../src/app/build-summary.ts";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit } from "../src/app/create-chit.ts";
import { deleteChit } from "../src/app/delete-chit.ts";
import type { LedgerDeps } from "../src/app/ledger-deps.ts";
import { recordInstalment } from "../src/app/record-instalment.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import type { Member } from "../src/ports/member-repository.ts";
import { startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
let member: Member;
beforeEach(async () => {
  t = await startTestApp({ smtp: false, clock: { now: () => new Date("2026-03-15T06:00:00Z") } });
  member = await createAdmin(t.services, { email: "lakshmi@example.com", password: "a long pass phrase" });
});
afterEach(async () => {
  await t.close();
});

const photo = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: "#3366cc" } })
    .jpeg()
    .toBuffer();

const workedExample = { name: "Worked example", chitValue: 100000, members: 20, startDate: "2026-01-05", dueDay: 5 };

describe("recording a payment", () => {
  it("stores nothing when the receipt cannot be stored, and leaves no file behind", async () => {
    const chit = await createChit(t.services.ledger, member.id, workedExample);
    let puts = 0;
    const failing: LedgerDeps = {
      ...t.services.ledger,
      files: {
        ...t.services.ledger.files,
        async put(key, bytes, type) {
          puts += 1;
          if (puts === 3) throw new Error("disk full");
          return t.services.ledger.files.put(key, bytes, type);
        },
      },
    };
    const receipt = { name: "upi.jpg", bytes: new Uint8Array(await photo()) };
    await expect(recordPayment(failing, member, chit.id, {}, [receipt, receipt])).rejects.toThrow("disk full");
    expect(await t.services.ledger.payments.listForChit(member.id, chit.id)).toEqual([]);
    expect(await t.db.storedFiles()).toEqual([]);
  });

  it("removes the stored files when the database refuses the payment", async () => {
    const chit = await createChit(t.services.ledger, member.id, workedExample);
    const failing: LedgerDeps = {
      ...t.services.ledger,
      payments: {
        ...t.services.ledger.payments,
        create: async () => {
          throw new Error("database is locked");
        },
      },
    };
    await expect(
      recordPayment(failing, member, chit.id, {}, [{ name: "upi.jpg", bytes: new Uint8Array(await photo()) }]),
    ).rejects.toThrow("locked");
    expect(await t.db.storedFiles()).toEqual([]);
  });

  it("defaults to the oldest unpaid instalment, its payable and today's date in the member's time zone", async () => {
    const chit = await createChit(t.services.ledger, member.id, workedExample);
    await recordInstalment(t.services.ledger, member.id, chit.id, 2, { discount: 30000 });
    await recordPayment(t.services.ledger, member, chit.id, { amount: 5000, paidOn: "2026-01-05" });
    const { payment } = await recordPayment(t.services.ledger, member, chit.id, {});
    expect(payment).toMatchObject({ instalment: 2, amount: 500_000, paidOn: "2026-03-15", method: "upi" });
    const third = await recordPayment(t.services.ledger, member, chit.id, {});
    // 5,000 less the 1,250 dividend of auction 2
    expect(third.payment).toMatchObject({ instalment: 3, amount: 375_000 });
  });
});

describe("deleting a chit", () => {
  it("removes its payments and their receipt files", async () => {
    const chit = await createChit(t.services.ledger, member.id, workedExample);
    await recordPayment(t.services.ledger, member, chit.id, {}, [
      { name: "a.jpg", bytes: new Uint8Array(await photo()) },
    ]);
    expect(await t.db.storedFiles()).toHaveLength(2);
    await deleteChit(t.services.ledger, member.id, chit.id);
    expect(await t.services.ledger.payments.listForOwner(member.id)).toEqual([]);
    expect(await t.db.storedFiles()).toEqual([]);
  });
});

describe("the summary", () => {
  it(
    "adds up paid, overdue, due this month and dividends across chits, using the schedule " + "not the chit value",
    async () => {
      const a = await createChit(t.services.ledger, member.id, workedExample);
      await recordInstalment(t.services.ledger, member.id, a.id, 2, { discount: 30000 });
      await recordPayment(t.services.ledger, member, a.id, { amount: 5000, paidOn: "2026-01-05" });
      const { summary: s } = await summaryOn(t.services.ledger, member.id, "2026-03-15");
      // instalment 2 (5,000, due 5 Feb) is overdue; instalment 3 (3,750 after the dividend, due 5 Mar) is overdue too
      expect(s.totals.paid).toBe(500_000);
      expect(s.totals.overdue).toBe(500_000 + 375_000);
      expect(s.overdue.map((o) => o.number)).toEqual([2, 3]);
      expect(s.upcoming.map((o) => o.number)).toEqual([4]); // due 5 Apr, within 30 days of 15 Mar
      expect(s.totals.dueThisMonth).toBe(0);
      expect(s.chits[0]!.totalPayable).toBeLessThan(100_000 * 100); // dividends lower what is payable
      expect(s.totals.dividends).toBe(125_000);
    },
  );
});
