// Through the JSON API, chits reproduce the published reference cases and the worked example of DOMAIN.md to the rupee,
// and each variant setting gives its hand-computed dividend, payable and prize.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChit, expectError, pay, recordInstalment, scheduleOf } from "./support/api.ts";
import type { Client } from "./support/app.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp();
  member = await signedInMember(t, "ravi@example.com");
});
afterAll(async () => {
  await t.close();
});

const row = async (chitId: string, n: number) => (await scheduleOf(member, chitId)).instalments[n - 1]!;

describe("published reference cases (model A: commission inside the discount, dividend on the next instalment)", () => {
  const cases = [
    {
      source: "Margadarsi FAQ, 40%",
      chitValue: 100000,
      members: 50,
      discount: 40000,
      commission: 5000,
      prize: 60000,
      dividend: 700,
      payable: 1300,
    },
    {
      source: "Margadarsi FAQ, 35%",
      chitValue: 100000,
      members: 50,
      discount: 35000,
      commission: 5000,
      prize: 65000,
      dividend: 600,
      payable: 1400,
    },
    {
      source: "Kapil Chits",
      chitValue: 500000,
      members: 50,
      discount: 175000,
      commission: 25000,
      prize: 325000,
      dividend: 3000,
      payable: 7000,
    },
    {
      source: "Neeladri",
      chitValue: 1000000,
      members: 40,
      discount: 350000,
      commission: 50000,
      prize: 650000,
      dividend: 7500,
      payable: 17500,
    },
    {
      source: "Pulincha",
      chitValue: 1000000,
      members: 50,
      discount: 300000,
      commission: 50000,
      prize: 700000,
      dividend: 5000,
      payable: 15000,
    },
  ];

  it.each(cases)("$source: prize $prize, dividend $dividend, payable $payable", async (c) => {
    const chit = await createChit(member, {
      name: c.source,
      chitValue: c.chitValue,
      members: c.members,
      commissionPercent: 5,
      maxDiscountPercent: 40,
    });
    expect(chit.chitValue).toBe(c.chitValue);

    const auction = await recordInstalment(member, chit.id, 2, { discount: c.discount });
    expect(auction).toMatchObject({
      chitId: chit.id,
      number: 2,
      discount: c.discount,
      dividend: c.dividend,
      prize: c.prize,
      commission: c.commission,
    });
    expect(auction.payable).toBe(c.chitValue / c.members); // lowered only by auction 1, the foreman's

    const next = await row(chit.id, 3);
    expect(next).toMatchObject({ dividendApplied: c.dividend, payable: c.payable, estimated: false });
  });

  it("accepts amounts typed with Indian grouping (Neeladri: 10,00,000 and a 3,50,000 bid)", async () => {
    const chit = await createChit(member, {
      name: "Neeladri typed",
      chitValue: "10,00,000",
      members: 40,
      commissionPercent: "5",
    });
    expect(chit.chitValue).toBe(1000000);
    const auction = await recordInstalment(member, chit.id, 2, { discount: "₹3,50,000" });
    expect(auction).toMatchObject({ discount: 350000, prize: 650000, dividend: 7500 });
    expect((await row(chit.id, 3)).payable).toBe(17500);
  });
});

describe("the worked example: 1,00,000 over 20 tickets, 5% commission, foreman takes instalment 1", () => {
  it("gives the published discount, dividend, payable and prize on every row shown", async () => {
    const chit = await createChit(member, { name: "Worked example" });
    const bids: Record<number, number> = { 2: 30000, 3: 28000, 4: 26500, 5: 25000, 19: 6000, 20: 5000 };
    for (const [n, discount] of Object.entries(bids)) await recordInstalment(member, chit.id, Number(n), { discount });
    const { instalments } = await scheduleOf(member, chit.id);
    const shown = (n: number) => {
      const r = instalments[n - 1]!;
      return { discount: r.discount, dividend: r.dividend, payable: r.payable, prize: r.prize };
    };
    expect(shown(1)).toEqual({ discount: 0, dividend: 0, payable: 5000, prize: 100000 });
    expect(shown(2)).toEqual({ discount: 30000, dividend: 1250, payable: 5000, prize: 70000 });
    expect(shown(3)).toEqual({ discount: 28000, dividend: 1150, payable: 3750, prize: 72000 });
    expect(shown(4)).toEqual({ discount: 26500, dividend: 1075, payable: 3850, prize: 73500 });
    expect(shown(5)).toEqual({ discount: 25000, dividend: 1000, payable: 3925, prize: 75000 });
    expect(shown(19)).toMatchObject({ discount: 6000, dividend: 50, prize: 94000 });
    expect(shown(20)).toEqual({ discount: 5000, dividend: 0, payable: 4950, prize: 95000 });
    // instalment 18 was never recorded, so 19's payable assumes no dividend and says so
    expect(instalments[18]).toMatchObject({ payable: 5000, estimated: true });
  });

  it("derives the discount from a recorded prize amount", async () => {
    const chit = await createChit(member, { name: "Prize recorded" });
    const third = await recordInstalment(member, chit.id, 3, { prizeAmount: 72000 });
    expect(third).toMatchObject({ discount: 28000, dividend: 1150, prize: 72000 });
    expect((await scheduleOf(member, chit.id)).instalments[3]!.payable).toBe(3850);
  });

  it("lets the payable on the foreman's notice win over the computed one, until cleared", async () => {
    const chit = await createChit(member, { name: "Notice says otherwise" });
    await recordInstalment(member, chit.id, 3, { discount: 28000 });
    expect((await recordInstalment(member, chit.id, 4, { payableOverride: 3800 })).payable).toBe(3800);
    // an override also settles an instalment whose dividend is not known yet
    expect(await recordInstalment(member, chit.id, 6, { payableOverride: 3999.5 })).toMatchObject({
      payable: 3999.5,
      estimated: false,
    });
    expect((await recordInstalment(member, chit.id, 4, { payableOverride: null })).payable).toBe(3850);
    const chitNow = await (await member.fetch(`/api/v1/chits/${chit.id}`)).json();
    expect(chitNow.instalments).toBe(20);
    expect(chitNow.records).toEqual([
      {
        number: 3,
        discount: 28000,
        discounts: [28000],
        payableOverride: null,
        wonByMe: false,
        prizeReceived: null,
        prizeReceivedOn: null,
      },
      {
        number: 6,
        discount: null,
        discounts: null,
        payableOverride: 3999.5,
        wonByMe: false,
        prizeReceived: null,
        prizeReceivedOn: null,
      },
    ]);
  });
});

describe("variant settings, with hand-computed figures on 1,00,000 over 20 tickets at 5% (F = 5,000)", () => {
  it("commission on top: each ticket pays 5,000 + 250 and the whole discount is shared", async () => {
    const chit = await createChit(member, { name: "On top", commissionMode: "on-top" });
    // the floor is 0 on top, so a bid below the commission is accepted
    expect(await recordInstalment(member, chit.id, 2, { discount: 20000 })).toMatchObject({
      dividend: 1000,
      prize: 80000,
      commission: 5000,
      payable: 5250,
    });
    const { instalments } = await scheduleOf(member, chit.id);
    expect(instalments[0]!.payable).toBe(5000); // the foreman's instalment carries no commission share
    expect(instalments[2]!.payable).toBe(4250); // 5,000 + 250 - 1,000
    expect((await recordInstalment(member, chit.id, 3, { discount: 2000 })).dividend).toBe(100);
  });

  it("bid quoted excluding commission: 25,000 bid = model A's 30,000 (prize 70,000, dividend 1,250)", async () => {
    const chit = await createChit(member, { name: "Bid excl. commission", bidIncludesCommission: false });
    expect(await recordInstalment(member, chit.id, 2, { discount: 25000 })).toMatchObject({
      discount: 25000,
      dividend: 1250,
      prize: 70000,
    });
    expect((await row(chit.id, 3)).payable).toBe(3750);
    // the prize falls rupee for rupee from C - F = 95,000
    expect(await recordInstalment(member, chit.id, 4, { prizeAmount: 72000 })).toMatchObject({
      discount: 23000,
      dividend: 1150,
    });
  });

  it("dividend shared only among the 19 others: the winner's own ticket gets none", async () => {
    const chit = await createChit(member, { name: "Others only", dividendSplit: "others" });
    // (30,000 - 5,000) / 19 = 1,315.789... -> 1,315.79
    expect(await recordInstalment(member, chit.id, 2, { discount: 30000, wonByMe: true })).toMatchObject({
      dividend: 1315.79,
      wonByMe: true,
      prize: 70000,
    });
    await recordInstalment(member, chit.id, 3, { discount: 28000 });
    const { instalments } = await scheduleOf(member, chit.id);
    expect(instalments[2]).toMatchObject({ dividendApplied: 0, payable: 5000 }); // I won auction 2
    expect(instalments[3]).toMatchObject({ dividendApplied: 1210.53, payable: 3789.47 }); // 23,000 / 19 = 1,210.526...
  });

  it("dividend applied to the same instalment", async () => {
    const chit = await createChit(member, { name: "Same instalment", dividendApplies: "same" });
    expect(await recordInstalment(member, chit.id, 2, { discount: 30000 })).toMatchObject({
      dividend: 1250,
      dividendApplied: 1250,
      payable: 3750,
    });
    expect(await row(chit.id, 3)).toMatchObject({ payable: 5000, estimated: true });
  });

  it("first instalment auctioned instead of going to the foreman", async () => {
    const chit = await createChit(member, { name: "Auction from 1", firstInstalment: "auction" });
    expect(await recordInstalment(member, chit.id, 1, { discount: 30000 })).toMatchObject({
      prize: 70000,
      dividend: 1250,
      payable: 5000,
    });
    expect((await row(chit.id, 2)).payable).toBe(3750);
  });

  it("18% tax on the commission taken from the prize", async () => {
    const chit = await createChit(member, {
      name: "Tax from prize",
      taxOnCommissionPercent: 18,
      taxDeductedFromPrize: true,
    });
    expect(await recordInstalment(member, chit.id, 2, { discount: 30000 })).toMatchObject({
      prize: 69100,
      dividend: 1250,
    });
  });
});

describe("due dates and the real rate", () => {
  it(
    "puts a due day of 31 on the last day of shorter months, across February of a leap " + "year, without drift",
    async () => {
      const chit = await createChit(member, { name: "Month ends", startDate: "2024-01-15", dueDay: 31, members: 14 });
      const dates = (await scheduleOf(member, chit.id)).instalments.map((r) => r.dueDate);
      expect(dates.slice(0, 5)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"]);
      expect(dates.slice(12)).toEqual(["2025-01-31", "2025-02-28"]);
    },
  );

  it(
    "gives the XIRR of actual flows (the DOMAIN.md check: 57.85% a year) and words " +
      "instead of a number when there is none",
    async () => {
      const chit = await createChit(member, {
        name: "Rate check",
        chitValue: 5000,
        members: 5,
        startDate: "2024-01-01",
        dueDay: 1,
        commissionPercent: 0,
      });
      const before = await scheduleOf(member, chit.id);
      expect(before.rate.xirr).toBeNull();
      expect(before.rate.reason).toMatch(/rate/i);
      for (const [n, paidOn] of [
        [1, "2024-01-01"],
        [2, "2024-02-01"],
        [3, "2024-03-01"],
        [4, "2024-04-01"],
      ] as const) {
        await pay(member, chit.id, { instalment: n, amount: 1000, paidOn });
      }
      const onlyPaid = await scheduleOf(member, chit.id);
      expect(onlyPaid.rate).toMatchObject({ xirr: null, netGain: -4000 });
      expect(onlyPaid.rate.reason).toMatch(/only paid in/);
      await recordInstalment(member, chit.id, 5, { wonByMe: true, prizeReceived: 4400, prizeReceivedOn: "2024-05-01" });
      const { rate } = await scheduleOf(member, chit.id, "?benchmark=10&assumption=average-discount");
      expect(rate.xirr).toBeCloseTo(0.5785, 4);
      expect(rate).toMatchObject({ reason: null, netGain: 400, benchmarkRate: 0.1 });
      expect(rate.projected.assumption).toBe("average-discount");
    },
  );

  it("refuses a benchmark or assumption it cannot use, naming the parameter", async () => {
    const chit = await createChit(member, { name: "Bad query" });
    expect(
      (await expectError(member.fetch(`/api/v1/chits/${chit.id}/schedule?benchmark=lots`), 400)).fields,
    ).toHaveProperty("benchmark");
    expect(
      (await expectError(member.fetch(`/api/v1/chits/${chit.id}/schedule?assumption=hope`), 400)).fields,
    ).toHaveProperty("assumption");
  });
});
