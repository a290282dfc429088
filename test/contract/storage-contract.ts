// One contract every storage adapter must keep; run against SQLite always and MongoDB when MONGODB_TEST_URI is set.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Storage } from "../../src/adapters/storage.ts";
import { defaultTerms } from "../../src/domain/chit.ts";
import type { Chit, Payment, Receipt } from "../../src/ports/ledger.ts";

export function storageContract(name: string, open: () => Promise<Storage>, cleanup: (s: Storage) => Promise<void>) {
  describe(`storage contract: ${name}`, () => {
    let s: Storage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await cleanup(s);
    });

    const owner = () => `owner-${randomUUID()}`;
    const at = new Date("2026-01-10T10:00:00Z");
    const chit = (ownerId: string, extra: Partial<Chit> = {}): Chit => ({
      id: randomUUID(),
      ownerId,
      name: "Group A",
      organizer: "Shriram",
      ticketNo: "12",
      upiIds: ["shriramchits@icici"],
      terms: {
        ...defaultTerms,
        chitValue: 10_000_000,
        members: 20,
        instalments: 20,
        startDate: "2026-01-05",
        dueDay: 5,
      },
      status: "active",
      notes: "",
      instalments: [{ number: 2, discount: 3_000_000 }],
      createdAt: at,
      updatedAt: at,
      ...extra,
    });
    const receipt = (ownerId: string, paymentId: string, sha256 = "a".repeat(64)): Receipt => ({
      id: randomUUID(),
      ownerId,
      paymentId,
      contentType: "image/jpeg",
      size: 1234,
      sha256,
      key: `receipts/${ownerId}/${randomUUID()}.jpg`,
      thumbnailKey: `receipts/${ownerId}/${randomUUID()}-thumb.jpg`,
      width: 800,
      height: 600,
      originalName: "upi.jpg",
      createdAt: at,
    });
    const payment = (ownerId: string, chitId: string, extra: Partial<Payment> = {}): Payment => {
      const id = randomUUID();
      return {
        id,
        ownerId,
        chitId,
        instalment: 1,
        amount: 500_000,
        paidOn: "2026-01-05",
        method: "upi",
        reference: "UTR123",
        notes: "first",
        createdAt: at,
        updatedAt: at,
        receipts: [receipt(ownerId, id)],
        ...extra,
      };
    };

    it("stores a chit document and gives it back unchanged, only to its owner", async () => {
      const o = owner();
      const c = chit(o);
      await s.chits.create(c);
      expect(await s.chits.get(o, c.id)).toEqual(c);
      expect(await s.chits.get(owner(), c.id)).toBeNull();
      expect(await s.chits.list(o)).toEqual([c]);
      const changed = {
        ...c,
        name: "Renamed",
        status: "closed" as const,
        instalments: [{ number: 3, discount: 2_800_000, wonByMe: true }],
      };
      await s.chits.update(changed);
      expect(await s.chits.get(o, c.id)).toEqual(changed);
    });

    it(
      "keeps every chit setting, and reads a chit stored before a setting existed with that " + "setting's default",
      async () => {
        const o = owner();
        const c = chit(o);
        const full: Chit = {
          ...c,
          terms: {
            ...c.terms,
            members: 40,
            instalments: 20,
            prizesPerAuction: 2,
            frequency: "fortnightly",
            onTopOnForemanInstalment: true,
            taxMode: "charged-to-members",
            taxOnCommissionPercent: null,
            rounding: "rupee",
            dividendRounding: "down",
            roundingRemainder: "next-auction",
            lateRule: "interest",
            latePenaltyPercent: 24,
            lateFee: 0,
            lateForfeitsDividend: true,
          },
        };
        await s.chits.create(full);
        expect(await s.chits.get(o, full.id)).toEqual(full);
        // a document written by an older version: no new settings, the older tax flag
        const { instalments: _i, prizesPerAuction: _p, taxMode: _t, rounding: _r, lateRule: _l, ...older } = c.terms;
        const legacy = {
          ...c,
          id: randomUUID(),
          terms: { ...older, taxOnCommissionPercent: 18, taxDeductedFromPrize: true } as unknown as Chit["terms"],
        };
        await s.chits.create(legacy);
        const read = await s.chits.get(o, legacy.id);
        expect(read?.terms).toMatchObject({
          instalments: 20,
          prizesPerAuction: 1,
          taxMode: "deducted-from-prize",
          taxOnCommissionPercent: 18,
          rounding: "paise",
          lateRule: "none",
        });
        expect(read?.terms).not.toHaveProperty("taxDeductedFromPrize");
      },
    );

    it("changes the ledger revision on every write", async () => {
      const o = owner();
      const r0 = await s.chits.revision(o);
      const c = chit(o);
      await s.chits.create(c);
      const r1 = await s.chits.revision(o);
      expect(r1).not.toBe(r0);
      const p = payment(o, c.id);
      await s.payments.create(p);
      const r2 = await s.chits.revision(o);
      expect(r2).not.toBe(r1);
      await s.payments.removeReceipt(o, p.receipts[0]!.id);
      expect(await s.chits.revision(o)).not.toBe(r2);
    });

    it("keeps a payment with its receipts and finds it by filters and search", async () => {
      const o = owner();
      const c = chit(o);
      await s.chits.create(c);
      const p1 = payment(o, c.id);
      const p2 = payment(o, c.id, {
        instalment: 2,
        paidOn: "2026-02-05",
        method: "cash",
        reference: "",
        notes: "paid at the office",
        receipts: [],
      });
      await s.payments.create(p1);
      await s.payments.create(p2);
      expect(await s.payments.get(o, p1.id)).toEqual(p1);
      expect(await s.payments.get(owner(), p1.id)).toBeNull();
      expect((await s.payments.listForChit(o, c.id)).map((p) => p.id)).toEqual([p1.id, p2.id]);
      expect((await s.payments.listForOwner(o)).length).toBe(2);
      const search = (f: object) => s.payments.search(o, { limit: 10, offset: 0, ...f });
      expect((await search({ method: "cash" })).payments.map((p) => p.id)).toEqual([p2.id]);
      expect((await search({ q: "office" })).payments.map((p) => p.id)).toEqual([p2.id]);
      expect((await search({ q: "utr1" })).payments.map((p) => p.id)).toEqual([p1.id]);
      expect((await search({ from: "2026-02-01", to: "2026-02-28" })).total).toBe(1);
      expect((await search({ limit: 1, offset: 0 })).payments.map((p) => p.id)).toEqual([p2.id]); // newest first
      expect((await search({ q: "%" })).total).toBe(0); // search text is literal, not a pattern
      expect((await s.payments.receiptsWithSha(o, "a".repeat(64))).map((r) => r.paymentId)).toEqual([p1.id]);
      expect((await s.payments.paymentsWithReference(o, "utr123")).map((p) => p.id)).toEqual([p1.id]);
      expect(await s.payments.getReceipt(owner(), p1.receipts[0]!.id)).toBeNull();
    });

    it("sums payments per instalment, per day and per month in the store, only the owner's", async () => {
      const o = owner();
      const a = chit(o);
      const b = chit(o, { name: "Group B" });
      await s.chits.create(a);
      await s.chits.create(b);
      const pay = (chitId: string, instalment: number, amount: number, paidOn: string, receipts = 0) => {
        const p = payment(o, chitId, { instalment, amount, paidOn, receipts: [] });
        return s.payments.create({
          ...p,
          receipts: Array.from({ length: receipts }, (_, i) => receipt(o, p.id, String(i).repeat(64))),
        });
      };
      await pay(a.id, 1, 300_000, "2026-01-05", 1);
      await pay(a.id, 1, 200_000, "2026-01-05", 2);
      await pay(a.id, 1, 100_000, "2026-01-09");
      await pay(a.id, 2, 500_000, "2026-02-05", 1);
      await pay(b.id, 1, 700_000, "2025-12-31");
      await s.payments.create(payment(owner(), a.id, { amount: 999_999 })); // someone else's: never counted

      expect(await s.payments.paidByInstalment(o)).toEqual(
        [
          { chitId: a.id, instalment: 1, amount: 600_000, payments: 3, lastPaidOn: "2026-01-09" },
          { chitId: a.id, instalment: 2, amount: 500_000, payments: 1, lastPaidOn: "2026-02-05" },
          { chitId: b.id, instalment: 1, amount: 700_000, payments: 1, lastPaidOn: "2025-12-31" },
        ].sort((x, y) => (x.chitId < y.chitId ? -1 : x.chitId > y.chitId ? 1 : x.instalment - y.instalment)),
      );
      expect(await s.payments.paidByInstalment(o, [b.id])).toEqual([
        { chitId: b.id, instalment: 1, amount: 700_000, payments: 1, lastPaidOn: "2025-12-31" },
      ]);
      expect(await s.payments.paidByInstalment(o, [])).toEqual([]);
      expect(await s.payments.paidByDay(o, [])).toEqual([]);
      expect(await s.payments.paidByDay(o, [a.id])).toEqual([
        { chitId: a.id, instalment: 1, paidOn: "2026-01-05", amount: 500_000 },
        { chitId: a.id, instalment: 1, paidOn: "2026-01-09", amount: 100_000 },
        { chitId: a.id, instalment: 2, paidOn: "2026-02-05", amount: 500_000 },
      ]);
      const months = await s.payments.paidByMonth(o, "2026-01-01");
      expect(months.sort((x, y) => (x.month < y.month ? -1 : 1))).toEqual([
        { chitId: a.id, month: "2026-01", amount: 600_000 },
        { chitId: a.id, month: "2026-02", amount: 500_000 },
      ]);
      expect(await s.payments.receiptCount(o, a.id)).toBe(4);
      expect(await s.payments.receiptCount(o, b.id)).toBe(0);
      expect(await s.payments.receiptCount(o)).toBe(4);
    });

    it(
      "keeps its sums and counts right through edits, removed receipts, deletions, an " +
        "import and an emptied ledger",
      async () => {
        const o = owner();
        const a = chit(o);
        const b = chit(o, { name: "Group B" });
        await s.chits.create(a);
        await s.chits.create(b);
        /** What the sums must be, worked out from every payment the store gives back. */
        const expected = async () => {
          const all = await s.payments.listForOwner(o);
          const days = new Map<string, number>();
          for (const p of all)
            days.set(
              `${p.chitId}|${p.paidOn}|${p.instalment}`,
              (days.get(`${p.chitId}|${p.paidOn}|${p.instalment}`) ?? 0) + p.amount,
            );
          return {
            days: [...days].map(([k, amount]) => ({ key: k, amount })).sort((x, y) => (x.key < y.key ? -1 : 1)),
            receipts: Object.fromEntries(
              [a.id, b.id].map((id) => [
                id,
                all.filter((p) => p.chitId === id).reduce((n, p) => n + p.receipts.length, 0),
              ]),
            ),
            count: Object.fromEntries([a.id, b.id].map((id) => [id, all.filter((p) => p.chitId === id).length])),
            inJanuary: all.filter((p) => p.chitId === a.id && p.paidOn >= "2026-01-01" && p.paidOn <= "2026-01-31")
              .length,
          };
        };
        const kept = async () => {
          const days = await s.payments.paidByDay(o, [a.id, b.id]);
          return {
            days: days
              .map((d) => ({ key: `${d.chitId}|${d.paidOn}|${d.instalment}`, amount: d.amount }))
              .sort((x, y) => (x.key < y.key ? -1 : 1)),
            receipts: Object.fromEntries(
              await Promise.all([a.id, b.id].map(async (id) => [id, await s.payments.receiptCount(o, id)])),
            ),
            count: Object.fromEntries(
              await Promise.all(
                [a.id, b.id].map(async (id) => [
                  id,
                  (await s.payments.search(o, { chitId: id, limit: 1, offset: 0 })).total,
                ]),
              ),
            ),
            inJanuary: (
              await s.payments.search(o, { chitId: a.id, from: "2026-01-01", to: "2026-01-31", limit: 1, offset: 0 })
            ).total,
          };
        };
        const check = async (when: string) => expect(await kept(), when).toEqual(await expected());

        const p1 = payment(o, a.id, { amount: 100_000 });
        const p2 = payment(o, a.id, { amount: 200_000, receipts: [] });
        const p3 = payment(o, b.id, { amount: 300_000, instalment: 2, paidOn: "2026-02-05" });
        for (const p of [p1, p2, p3]) await s.payments.create(p);
        await check("after three payments, two on the same day and instalment");
        const extra = receipt(o, p1.id, "c".repeat(64));
        await s.payments.update(
          { ...p1, instalment: 2, paidOn: "2026-02-06", amount: 150_000, receipts: [...p1.receipts, extra] },
          [extra],
        );
        await check("after a payment moved to another day and instalment, with a receipt added");
        await s.payments.removeReceipt(o, extra.id);
        await check("after a receipt was removed");
        await s.payments.delete(o, p2.id);
        await check("after a payment was deleted");
        await s.payments.delete(o, p1.id);
        await check("after a payment with a receipt was deleted");
        const preview = {
          id: randomUUID(),
          ownerId: o,
          fileName: "payments.csv",
          createdAt: at,
          expiresAt: new Date("2026-01-11T10:00:00Z"),
          source: { encoding: "utf-8", delimiter: "comma", headers: [], cells: [] },
          mapping: {},
          defaultChitId: null,
          rows: [],
          errors: [],
        };
        await s.imports.save(preview);
        await s.imports.commit(preview, [
          payment(o, a.id, { receipts: [], amount: 42 }),
          payment(o, a.id, { receipts: [], amount: 58 }),
        ]);
        await check("after an import");
        await s.chits.delete(o, b.id);
        await check("after a chit was deleted");
        await s.clearLedger();
        expect(await s.payments.paidByInstalment(o)).toEqual([]);
        expect(await s.payments.receiptCount(o)).toBe(0);
      },
    );

    it("pages payments newest first with the id breaking ties, and filters by instalments", async () => {
      const o = owner();
      const c = chit(o);
      await s.chits.create(c);
      // Same day, same moment recorded: only the id orders them, the same way in every store.
      const same = Array.from({ length: 5 }, (_, i) => payment(o, c.id, { instalment: 1 + (i % 2), receipts: [] }));
      for (const p of same) await s.payments.create(p);
      const byId = [...same].sort((x, y) => (x.id < y.id ? 1 : -1)).map((p) => p.id);
      const page = async (offset: number) =>
        (await s.payments.search(o, { limit: 2, offset })).payments.map((p) => p.id);
      expect([...(await page(0)), ...(await page(2)), ...(await page(4))]).toEqual(byId);
      const only = await s.payments.search(o, {
        limit: 10,
        offset: 0,
        instalments: { keys: [{ chitId: c.id, instalment: 2 }] },
      });
      expect(only.total).toBe(2);
      expect(only.payments.every((p) => p.instalment === 2)).toBe(true);
      const others = await s.payments.search(o, {
        limit: 10,
        offset: 0,
        instalments: { keys: [{ chitId: c.id, instalment: 2 }], exclude: true },
      });
      expect(others.payments.map((p) => p.instalment)).toEqual([1, 1, 1]);
      expect((await s.payments.search(o, { limit: 10, offset: 0, instalments: { keys: [] } })).total).toBe(0);
      expect(
        (await s.payments.search(o, { limit: 10, offset: 0, instalments: { keys: [], exclude: true } })).total,
      ).toBe(5);
    });

    it("updates a payment and adds receipts together; deleting returns its receipts", async () => {
      const o = owner();
      const c = chit(o);
      await s.chits.create(c);
      const p = payment(o, c.id);
      await s.payments.create(p);
      const extra = { ...receipt(o, p.id, "b".repeat(64)), createdAt: new Date("2026-01-11T10:00:00Z") };
      const updated = { ...p, amount: 450_000, notes: "corrected", receipts: [...p.receipts, extra] };
      await s.payments.update(updated, [extra]);
      expect(await s.payments.get(o, p.id)).toEqual(updated);
      expect(await s.payments.delete(owner(), p.id)).toEqual([]);
      const gone = await s.payments.delete(o, p.id);
      expect(gone.map((r) => r.id).sort()).toEqual(updated.receipts.map((r) => r.id).sort());
      expect(await s.payments.get(o, p.id)).toBeNull();
    });

    it("deletes a chit with its payments and receipt records", async () => {
      const o = owner();
      const c = chit(o);
      const other = chit(o, { name: "Other" });
      await s.chits.create(c);
      await s.chits.create(other);
      const p = payment(o, c.id);
      const keep = payment(o, other.id);
      await s.payments.create(p);
      await s.payments.create(keep);
      const gone = await s.chits.delete(o, c.id);
      expect(gone.map((r) => r.id)).toEqual([p.receipts[0]!.id]);
      expect(await s.chits.get(o, c.id)).toBeNull();
      expect(await s.payments.get(o, p.id)).toBeNull();
      expect(await s.payments.getReceipt(o, p.receipts[0]!.id)).toBeNull();
      expect(await s.payments.get(o, keep.id)).toEqual(keep);
    });

    it("adds a notification once per dedupe key and marks them read", async () => {
      const o = owner();
      const n = (dedupeKey: string | null) => ({
        id: randomUUID(),
        ownerId: o,
        kind: "overdue" as const,
        message: "Due",
        link: "/chits/x",
        dedupeKey,
        readAt: null,
        createdAt: at,
      });
      expect(await s.notifications.add(n("overdue:x:1"))).toBe(true);
      expect(await s.notifications.add(n("overdue:x:1"))).toBe(false);
      expect(await s.notifications.add(n(null))).toBe(true);
      expect(await s.notifications.add(n(null))).toBe(true);
      expect(await s.notifications.unreadCount(o)).toBe(3);
      const [first] = await s.notifications.list(o, { limit: 10 });
      expect(await s.notifications.markRead(o, first!.id, at)).toBe(true);
      expect(await s.notifications.markRead(owner(), first!.id, at)).toBe(false);
      expect(await s.notifications.markAllRead(o, at)).toBe(2);
      expect(await s.notifications.list(o, { limit: 10, unreadOnly: true })).toEqual([]);
      expect(await s.notifications.exists(o, first!.id)).toBe(true); // read, and still there
      expect(await s.notifications.exists(owner(), first!.id)).toBe(false);
      expect(await s.notifications.exists(o, randomUUID())).toBe(false);
    });

    it("counts requests per key and window, atomically", async () => {
      const key = `test:${randomUUID()}`;
      const now = 1_800_000_000_000;
      const hits = await Promise.all(Array.from({ length: 5 }, () => s.rateCounter.hit(key, 60_000, now)));
      expect(hits.map((h) => h.count).sort()).toEqual([1, 2, 3, 4, 5]);
      expect((await s.rateCounter.hit(key, 60_000, now + 60_000)).count).toBe(1);
      expect((await s.rateCounter.hit(`${key}:other`, 60_000, now)).count).toBe(1);
    });

    it("keeps the outbox newest first and stores files by key", async () => {
      await s.outbox.add({ to: "a@example.com", subject: "One", text: "1" }, new Date("2026-01-01T00:00:00Z"));
      await s.outbox.add({ to: "b@example.com", subject: "Two", text: "2" }, new Date("2026-01-02T00:00:00Z"));
      const { entries, total } = await s.outbox.list({ limit: 10, offset: 0 });
      expect(total).toBeGreaterThanOrEqual(2);
      expect(entries[0]!.subject).toBe("Two");
      const key = `receipts/${owner()}/${randomUUID()}.jpg`;
      const bytes = new Uint8Array([1, 2, 3, 255]);
      await s.files.put(key, bytes, "image/jpeg");
      expect(await s.files.get(key)).toEqual(bytes);
      await s.files.delete(key);
      expect(await s.files.get(key)).toBeNull();
      await s.ping();
    });

    it("removes the files under a prefix stored before a time, and nothing else", async () => {
      const folder = `shared-test-${randomUUID().slice(0, 8)}/`;
      const old = `${folder}${randomUUID()}`;
      const other = `receipts/${owner()}/${randomUUID()}.jpg`;
      await s.files.put(old, new Uint8Array([1]), "image/png");
      await s.files.put(other, new Uint8Array([2]), "image/jpeg");
      expect(await s.files.deleteOlderThan(folder, new Date(Date.now() - 60_000))).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const fresh = `${folder}${randomUUID()}`;
      const cut = new Date(Date.now() - 5);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await s.files.put(fresh, new Uint8Array([3]), "image/png");
      expect(await s.files.deleteOlderThan(folder, cut)).toBe(1);
      expect(await s.files.get(old)).toBeNull();
      expect(await s.files.get(fresh)).toEqual(new Uint8Array([3]));
      expect(await s.files.get(other)).toEqual(new Uint8Array([2]));
      expect(await s.files.deleteOlderThan(`missing-${randomUUID()}/`, new Date())).toBe(0);
    });

    it("claims a reminder once (member, chit, instalment, kind), atomically, and can give the claim back", async () => {
      const key = { memberId: owner(), chitId: randomUUID(), instalment: 4, kind: "due-in-3" };
      const claims = await Promise.all([
        s.reminderLog.claim(key, at),
        s.reminderLog.claim(key, at),
        s.reminderLog.claim({ ...key }, at),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await s.reminderLog.has(key)).toBe(true);
      expect(await s.reminderLog.claim({ ...key, kind: "due-in-0" }, at)).toBe(true);
      expect(await s.reminderLog.claim({ ...key, instalment: 5 }, at)).toBe(true);
      expect(await s.reminderLog.claim({ ...key, memberId: owner() }, at)).toBe(true);
      await s.reminderLog.release(key);
      expect(await s.reminderLog.has(key)).toBe(false);
      expect(await s.reminderLog.claim(key, at)).toBe(true);
    });

    it("grants a named lease to one owner until it expires or is released", async () => {
      const name = `lease-${randomUUID()}`;
      const t0 = new Date("2026-01-10T10:00:00Z");
      const later = (ms: number) => new Date(t0.getTime() + ms);
      const first = await Promise.all([
        s.leases.acquire(name, "a", t0, later(60_000)),
        s.leases.acquire(name, "b", t0, later(60_000)),
      ]);
      expect(first).toEqual([true, false]);
      expect(await s.leases.acquire(name, "b", later(30_000), later(90_000))).toBe(false);
      expect(await s.leases.acquire(name, "a", later(30_000), later(90_000))).toBe(true); // the holder extends it
      expect(await s.leases.acquire(name, "b", later(60_000), later(120_000))).toBe(false); // extended: not expired yet
      expect(await s.leases.acquire(name, "b", later(90_000), later(150_000))).toBe(true); // expired: b takes it
      await s.leases.release(name, "a"); // not a's any more: changes nothing
      expect(await s.leases.acquire(name, "a", later(100_000), later(160_000))).toBe(false);
      await s.leases.release(name, "b");
      expect(await s.leases.acquire(name, "a", later(100_000), later(160_000))).toBe(true);
    });

    it(
      "keeps API tokens by hash: found by hash, listed newest first to their owner only, " + "touched, revoked",
      async () => {
        const o = owner();
        const token = (name: string, createdAt: Date) => ({
          id: randomUUID(),
          ownerId: o,
          name,
          tokenHash: randomUUID().replaceAll("-", "").repeat(2),
          prefix: "cfl_abcdef",
          createdAt,
          expiresAt: name === "short" ? new Date("2026-02-01T00:00:00Z") : null,
          lastUsedAt: null,
        });
        const first = token("first", at);
        const second = token("short", new Date("2026-01-11T10:00:00Z"));
        await s.apiTokens.create(first);
        await s.apiTokens.create(second);
        expect(await s.apiTokens.findByHash(first.tokenHash)).toEqual(first);
        expect(await s.apiTokens.findByHash("0".repeat(64))).toBeNull();
        expect((await s.apiTokens.listForOwner(o)).map((t) => t.name)).toEqual(["short", "first"]);
        expect(await s.apiTokens.listForOwner(owner())).toEqual([]);
        await expect(s.apiTokens.create({ ...token("clash", at), tokenHash: first.tokenHash })).rejects.toThrow();
        const used = new Date("2026-01-12T08:00:00Z");
        await s.apiTokens.touch(first.id, used);
        expect((await s.apiTokens.findByHash(first.tokenHash))?.lastUsedAt).toEqual(used);
        expect(await s.apiTokens.delete(owner(), first.id)).toBe(false);
        expect(await s.apiTokens.delete(o, first.id)).toBe(true);
        expect(await s.apiTokens.findByHash(first.tokenHash)).toBeNull();
        expect((await s.apiTokens.listAll()).some((t) => t.id === second.id)).toBe(true);
      },
    );

    it("keeps import previews until they expire, and commits one with its payments all together, once", async () => {
      const o = owner();
      const c = chit(o);
      await s.chits.create(c);
      const preview = {
        id: randomUUID(),
        ownerId: o,
        fileName: "payments.csv",
        createdAt: at,
        expiresAt: new Date("2026-01-11T10:00:00Z"),
        source: {
          encoding: "utf-8",
          delimiter: "comma",
          headers: ["date", "amount", "chit"],
          cells: [["05/01/2026", "5000", "Group A"]],
        },
        mapping: {},
        defaultChitId: null,
        rows: [
          {
            row: 2,
            chitId: c.id,
            chitName: "Group A",
            instalment: 1,
            amount: 500_000,
            paidOn: "2026-01-05",
            method: "upi" as const,
            reference: "",
            notes: "",
          },
        ],
        errors: [],
      };
      await s.imports.save(preview);
      expect(await s.imports.get(o, preview.id, at)).toEqual(preview);
      expect(await s.imports.get(owner(), preview.id, at)).toBeNull();
      expect(await s.imports.get(o, preview.id, new Date("2026-01-11T10:00:01Z"))).toBeNull(); // expired
      const changed = { ...preview, errors: [{ row: 2, field: "amount", message: "Bad" }] };
      await s.imports.save(changed);
      expect((await s.imports.get(o, preview.id, at))?.errors).toEqual(changed.errors);

      const r0 = await s.chits.revision(o);
      const payments = [
        payment(o, c.id, { receipts: [], reference: "IMP1" }),
        payment(o, c.id, { instalment: 2, receipts: [], reference: "IMP2" }),
      ];
      expect(await s.imports.commit(preview, payments)).toBe(true);
      expect(await s.chits.revision(o)).not.toBe(r0);
      expect((await s.payments.listForChit(o, c.id)).map((p) => p.reference).sort()).toEqual(["IMP1", "IMP2"]);
      expect(await s.imports.get(o, preview.id, at)).toBeNull();
      expect(await s.imports.commit(preview, [payment(o, c.id, { receipts: [] })])).toBe(false); // already committed
      expect((await s.payments.listForChit(o, c.id)).length).toBe(2);

      // a payment that cannot be stored (its id is taken) leaves the preview and every other payment as they were
      const again = { ...preview, id: randomUUID() };
      await s.imports.save(again);
      await expect(
        s.imports.commit(again, [payment(o, c.id, { receipts: [] }), { ...payments[0]!, reference: "CLASH" }]),
      ).rejects.toThrow();
      expect((await s.payments.listForChit(o, c.id)).length).toBe(2);
      expect(await s.imports.get(o, again.id, at)).not.toBeNull();
      expect(await s.imports.deleteExpired(new Date("2026-01-12T00:00:00Z"))).toBeGreaterThanOrEqual(1);
      expect(await s.imports.get(o, again.id, at)).toBeNull();
    });

    // Store equality (issue 9): the same answers from SQLite and MongoDB, whatever each store's own habits.
    /**
     * Ids that sort in another order than they are inserted: a store keeping equal keys in insertion order shows it.
     */
    const idsOutOfOrder = (n: number) => {
      const ids = Array.from({ length: n }, (_, i) => `${String((i * 7) % n).padStart(2, "0")}-${randomUUID()}`);
      return { inserted: ids, sorted: [...ids].sort() };
    };

    it(
      "breaks ties by id: 30 payments with one date and time list in id order and page " + "without repeats or gaps",
      async () => {
        const o = owner();
        const c = chit(o);
        await s.chits.create(c);
        const { inserted, sorted } = idsOutOfOrder(30);
        for (const id of inserted) await s.payments.create({ ...payment(o, c.id, { receipts: [] }), id });
        expect((await s.payments.listForChit(o, c.id)).map((p) => p.id)).toEqual(sorted);
        expect((await s.payments.listForOwner(o)).map((p) => p.id)).toEqual(sorted);
        const seen: string[] = [];
        for (let offset = 0; offset < 30; offset += 7) {
          const page = await s.payments.search(o, { limit: 7, offset });
          expect(page.total).toBe(30);
          seen.push(...page.payments.map((p) => p.id));
        }
        expect(seen).toEqual([...sorted].reverse()); // newest first; equal times: the highest id first
      },
    );

    it("breaks ties by id for notifications and the outbox, and keeps the audit log newest first", async () => {
      const o = owner();
      const { inserted, sorted } = idsOutOfOrder(8);
      for (const id of inserted)
        await s.notifications.add({
          id,
          ownerId: o,
          kind: "reminder",
          message: "Due",
          link: null,
          dedupeKey: null,
          readAt: null,
          createdAt: at,
        });
      expect((await s.notifications.list(o, { limit: 10 })).map((n) => n.id)).toEqual([...sorted].reverse());
      expect((await s.notifications.list(o, { limit: 10, unreadOnly: true })).map((n) => n.id)).toEqual(
        [...sorted].reverse(),
      );

      const mails = [];
      for (let i = 0; i < 8; i++)
        mails.push((await s.outbox.add({ to: `m${i}@example.com`, subject: `Mail ${i}`, text: "x" }, at)).id);
      const listed = (await s.outbox.list({ limit: 20, offset: 0 })).entries.map((e) => e.id);
      expect(listed).toEqual([...mails].sort().reverse());

      for (let i = 0; i < 5; i++) await s.audit.record({ actorId: null, action: `test.${i}`, targetId: o, at });
      expect((await s.audit.list({ limit: 5 })).map((e) => e.action)).toEqual([
        "test.4",
        "test.3",
        "test.2",
        "test.1",
        "test.0",
      ]);
    });

    it("keeps absent fields absent (never null), on create and on update", async () => {
      const o = owner();
      const c = chit(o, { instalments: [{ number: 2, discount: 3_000_000, wonByMe: undefined }] });
      await s.chits.create(c);
      const stored = await s.chits.get(o, c.id);
      expect(Object.hasOwn(stored!.instalments[0]!, "wonByMe")).toBe(false);
      await s.chits.update({
        ...c,
        name: "Renamed",
        instalments: [{ number: 3, discount: 100, payableOverride: undefined }],
      });
      const updated = await s.chits.get(o, c.id);
      expect(updated!.name).toBe("Renamed");
      expect(updated!.instalments).toStrictEqual([{ number: 3, discount: 100 }]);

      await s.audit.record({ actorId: null, action: "absent.detail", targetId: null, detail: undefined, at });
      const [entry] = await s.audit.list({ limit: 1 });
      expect(entry).toStrictEqual({ actorId: null, action: "absent.detail", targetId: null, at });
      const mail = await s.outbox.add(
        { to: "x@example.com", subject: "No html", text: "t", html: undefined },
        new Date("2030-01-01T00:00:00Z"),
      );
      const [first] = (await s.outbox.list({ limit: 1, offset: 0 })).entries;
      expect(first).toStrictEqual({
        id: mail.id,
        to: "x@example.com",
        subject: "No html",
        text: "t",
        createdAt: new Date("2030-01-01T00:00:00Z"),
      });
    });

    it(
      "searches reference and notes without regard to case in any script: école, ÉCOLE and " +
        "Écôle are different words, ÉCOLE finds école",
      async () => {
        const o = owner();
        const c = chit(o);
        await s.chits.create(c);
        const p = payment(o, c.id, { receipts: [], reference: "ÄRZTE-7", notes: "Fees paid at the école office" });
        await s.payments.create(p);
        const search = async (q: string) =>
          (await s.payments.search(o, { limit: 10, offset: 0, q })).payments.map((x) => x.id);
        expect(await search("école")).toEqual([p.id]);
        expect(await search("ÉCOLE")).toEqual([p.id]);
        expect(await search("ärzte")).toEqual([p.id]);
        expect(await search("ecole")).toEqual([]); // accents count
        expect((await s.payments.paymentsWithReference(o, "ärzte-7")).map((x) => x.id)).toEqual([p.id]);
      },
    );
  });
}
