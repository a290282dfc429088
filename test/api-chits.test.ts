// Chits through the JSON API: add with sensible defaults, list with progress, edit, close, delete with everything in
// it; instalment records and bad input answered with the field named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseChit,
  type ChitBody,
  type ChitListBody,
  createChit,
  expectError,
  expectStatus,
  pay,
  recordInstalment,
} from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { multipart, pngScreenshot } from "./support/receipt-fixtures.ts";

let t: TestApp;
let member: Client;
beforeAll(async () => {
  // 20 March 2025 in India
  t = await startTestApp({ clock: { now: () => new Date("2025-03-20T06:30:00Z") } });
  member = await signedInMember(t, "deepa@example.com");
});
afterAll(async () => {
  await t.close();
});

describe("adding a chit", () => {
  it("answers 201 with every DESIGN.md field, money in rupees, and the common defaults", async () => {
    const res = await member.json("/api/v1/chits", {
      name: "Shriram 1L",
      chitValue: 100000,
      members: 20,
      startDate: "2025-01-05",
      dueDay: 5,
    });
    const chit = await expectStatus<ChitBody>(res, 201);
    expect(res.headers.get("location")).toBe(`/api/v1/chits/${chit.id}`);
    expect(chit).toMatchObject({
      name: "Shriram 1L",
      organizer: "",
      ticketNo: "",
      chitValue: 100000,
      members: 20,
      instalments: 20,
      prizesPerAuction: 1,
      startDate: "2025-01-05",
      dueDay: 5,
      frequency: "monthly",
      commissionPercent: 5,
      commissionMode: "from-discount",
      bidIncludesCommission: true,
      dividendSplit: "all",
      dividendApplies: "next",
      firstInstalment: "foreman",
      maxDiscountPercent: 40,
      taxMode: "none",
      taxOnCommissionPercent: null,
      taxDeductedFromPrize: false,
      rounding: "paise",
      dividendRounding: "nearest",
      roundingRemainder: "foreman",
      lateRule: "none",
      latePenaltyPercent: 0,
      lateFee: 0,
      lateForfeitsDividend: false,
      onTopOnForemanInstalment: false,
      notes: "",
      status: "active",
      prized: false,
      records: [],
    });
    expect(chit).not.toHaveProperty("ownerId");
    expect(await expectStatus<ChitBody>(member.fetch(`/api/v1/chits/${chit.id}`), 200)).toEqual(chit);
  });

  it("refuses bad input with 400 naming each field, and stores nothing", async () => {
    const error = await expectError(
      member.json("/api/v1/chits", {
        name: "",
        chitValue: "1,00",
        members: 1,
        startDate: "2025-02-30",
        dueDay: 32,
        commissionPercent: 9,
        dividendSplit: "some",
      }),
      400,
    );
    expect(error.code).toBe("invalid-input");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      "chitValue",
      "commissionPercent",
      "dividendSplit",
      "dueDay",
      "members",
      "name",
      "startDate",
    ]);
    expect(error.fields!.chitValue).toMatch(/rupees/);
    // rules that only make sense together: a ceiling below the commission floor
    expect(
      (
        await expectError(
          member.json("/api/v1/chits", { ...baseChit, commissionPercent: 5, maxDiscountPercent: 4 }),
          400,
        )
      ).fields,
    ).toHaveProperty("maxDiscountPercent");
    expect((await expectError(member.json("/api/v1/chits", [1, 2]), 400)).code).toBe("invalid-body");
    expect(
      (
        await expectError(
          member.fetch("/api/v1/chits", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
          400,
        )
      ).code,
    ).toBe("invalid-json");
    const list = await expectStatus<ChitListBody>(member.fetch("/api/v1/chits"), 200);
    expect(list.chits.every((c) => c.name !== "")).toBe(true);
  });
});

describe("the chit list", () => {
  it("carries paid, total payable, balance and the next due instalment for each chit", async () => {
    const chit = await createChit(member, { name: "Progress check" });
    await recordInstalment(member, chit.id, 2, { discount: 30000 });
    await pay(member, chit.id, { instalment: 1, paidOn: "2025-01-05" });
    await pay(member, chit.id, { instalment: 2, amount: 2000, paidOn: "2025-02-05" });
    const list = await expectStatus<ChitListBody>(member.fetch("/api/v1/chits"), 200);
    expect(list.today).toBe("2025-03-20");
    const mine = list.chits.find((c) => c.id === chit.id)!;
    // 20 x 5,000 less auction 2's dividend of 1,250 on instalment 3
    expect(mine.summary).toMatchObject({
      paid: 7000,
      totalPayable: 98750,
      balance: 91750,
      overdue: 6750,
      paidInstalments: 1,
    });
    expect(mine.summary.next).toMatchObject({ number: 2, dueDate: "2025-02-05", balance: 3000, status: "overdue" });
  });
});

describe("editing, closing and deleting a chit", () => {
  it("changes details and rules, re-checks recorded bids, and closes to new payments", async () => {
    const chit = await createChit(member, { name: "To edit" });
    await recordInstalment(member, chit.id, 2, { discount: 30000 });
    const edited = await expectStatus<ChitBody>(
      member.json(`/api/v1/chits/${chit.id}`, { name: "Edited", ticketNo: "A-12", dividendApplies: "same" }, "PATCH"),
      200,
    );
    expect(edited).toMatchObject({ name: "Edited", ticketNo: "A-12", dividendApplies: "same", chitValue: 100000 });
    // a ceiling below a bid already recorded is refused, pointing at that instalment's discount
    expect(
      (await expectError(member.json(`/api/v1/chits/${chit.id}`, { maxDiscountPercent: 25 }, "PATCH"), 400)).fields!
        .discount,
    ).toMatch(/Instalment 2/);
    expect((await expectStatus<ChitBody>(member.fetch(`/api/v1/chits/${chit.id}`), 200)).maxDiscountPercent).toBe(40);
    expect(
      (await expectError(member.json(`/api/v1/chits/${chit.id}`, { status: "paused" }, "PATCH"), 400)).fields,
    ).toHaveProperty("status");

    expect(
      (await expectStatus<ChitBody>(member.json(`/api/v1/chits/${chit.id}`, { status: "closed" }, "PATCH"), 200))
        .status,
    ).toBe("closed");
    expect((await expectError(member.json(`/api/v1/chits/${chit.id}/payments`, {}), 409)).code).toBe("chit-closed");
    expect(
      (await expectStatus<ChitBody>(member.json(`/api/v1/chits/${chit.id}`, { status: "active" }, "PATCH"), 200))
        .status,
    ).toBe("active");
  });

  it("deletes a chit with its payments and receipt files (204), after which it is not found", async () => {
    const chit = await createChit(member, { name: "To delete" });
    const filesBefore = (await t.db.storedFiles()).length;
    const paid = await member.fetch(`/api/v1/chits/${chit.id}/payments`, {
      method: "POST",
      body: multipart({}, [{ name: "r.png", bytes: await pngScreenshot("delete me") }]),
    });
    const { payment } = await expectStatus<{ payment: { id: string; receipts: { id: string }[] } }>(paid, 201);
    expect(await t.db.storedFiles()).toHaveLength(filesBefore + 2);

    await expectStatus(member.fetch(`/api/v1/chits/${chit.id}`, { method: "DELETE" }), 204);
    await expectError(member.fetch(`/api/v1/chits/${chit.id}`), 404);
    await expectError(member.fetch(`/api/v1/payments/${payment.id}`), 404);
    await expectError(member.fetch(`/api/v1/receipts/${payment.receipts[0]!.id}`), 404);
    expect(await t.db.storedFiles()).toHaveLength(filesBefore);
    await expectError(member.fetch(`/api/v1/chits/${chit.id}`, { method: "DELETE" }), 404);
  });
});

describe("instalment records", () => {
  it("record winning and the prize received, and refuse what cannot be", async () => {
    const chit = await createChit(member, { name: "Won it" });
    const won = await recordInstalment(member, chit.id, 3, {
      discount: 28000,
      wonByMe: true,
      prizeReceived: "72,000",
      prizeReceivedOn: "2025-03-06",
    });
    expect(won).toMatchObject({
      chitId: chit.id,
      number: 3,
      wonByMe: true,
      prizeReceived: 72000,
      prizeReceivedOn: "2025-03-06",
      prize: 72000,
    });
    expect((await expectStatus<ChitBody>(member.fetch(`/api/v1/chits/${chit.id}`), 200)).prized).toBe(true);

    const refuse = async (n: number | string, body: Record<string, unknown>, status = 400) =>
      expectError(member.json(`/api/v1/chits/${chit.id}/instalments/${n}`, body, "PUT"), status);
    expect((await refuse(21, { discount: 30000 })).fields).toHaveProperty("number");
    expect((await refuse(0, { discount: 30000 })).fields).toHaveProperty("number");
    expect((await refuse("two", { discount: 30000 })).fields).toHaveProperty("number");
    expect((await refuse(4, { discount: 4000 })).fields!.discount).toMatch(/commission/); // below the 5,000 floor
    expect((await refuse(4, { discount: 45000 })).fields!.discount).toMatch(/40%/);
    expect((await refuse(4, { discount: 30000, prizeAmount: 70000 })).fields).toHaveProperty("prizeAmount");
    expect((await refuse(4, { discount: "lots" })).fields).toHaveProperty("discount");
    expect((await refuse(4, { prizeReceivedOn: "2025-04-31" })).fields).toHaveProperty("prizeReceivedOn");
    expect((await refuse(1, { wonByMe: true })).fields).toHaveProperty("wonByMe");
    expect((await refuse(5, { wonByMe: true }, 409)).code).toBe("already-won");

    // null clears: un-winning removes the prize received too
    expect(await recordInstalment(member, chit.id, 3, { wonByMe: false })).toMatchObject({
      wonByMe: false,
      prizeReceived: null,
      discount: 28000,
    });
    expect(await recordInstalment(member, chit.id, 3, { discount: null })).toMatchObject({
      discount: null,
      prize: null,
    });
  });
});
