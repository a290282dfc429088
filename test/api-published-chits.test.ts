// Worked examples published by foremen, regulators' papers, courts and the press, none of them used elsewhere in the
// tests: each case names its source and checks, through the JSON API, the figures the source quotes, to the rupee.
// Figures a source does not quote are not asserted (they would only test our own arithmetic against itself).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChit, expectError, expectStatus, recordInstalment, scheduleOf } from "./support/api.ts";
import type { Client } from "./support/app.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";

// 15 Mar 2026, 10:00 in India
const clock = { now: () => new Date("2026-03-15T04:30:00Z") };
let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp({ clock });
  member = await signedInMember(t, "published@example.com");
});
afterAll(async () => {
  await t.close();
});

const row = async (chitId: string, n: number) => (await scheduleOf(member, chitId)).instalments[n - 1]!;

describe("model A (commission out of the discount, dividend on the next instalment)", () => {
  it(
    "Muthoot Chits (muthootchits.com/how-chit-funds-works): 5 lakh over 50 at 30%: prize " +
      "3,50,000, commission 25,000, dividend 2,500, next pays 7,500",
    async () => {
      const chit = await createChit(member, {
        name: "Muthoot",
        chitValue: 500000,
        members: 50,
        maxDiscountPercent: 40,
      });
      expect(await recordInstalment(member, chit.id, 2, { discount: 150000 })).toMatchObject({
        prize: 350000,
        commission: 25000,
        dividend: 2500,
      });
      expect((await row(chit.id, 3)).payable).toBe(7500);
    },
  );

  it(
    "Shriram Raghavendra Chits FAQ (shriramraghavendrachits.com/FAQs; the same figures on " +
      "kapso.in): 1 lakh over 50, 45% ceiling: prize 55,000, dividend 800, pays 1,200; at " +
      "40%: 700 and 1,300",
    async () => {
      const chit = await createChit(member, {
        name: "Shriram Raghavendra",
        chitValue: 100000,
        members: 50,
        maxDiscountPercent: 45,
      });
      expect(await recordInstalment(member, chit.id, 2, { discount: 45000 })).toMatchObject({
        prize: 55000,
        dividend: 800,
      });
      expect(await recordInstalment(member, chit.id, 10, { discount: 40000 })).toMatchObject({ dividend: 700 });
      const { instalments } = await scheduleOf(member, chit.id);
      expect(instalments[2]!.payable).toBe(1200);
      expect(instalments[10]!.payable).toBe(1300);
    },
  );

  it(
    "Neeladri FAQ (neeladrichitfund.com/?p=415), the 10th month at 30%: dividend 6,250, " + "each pays 18,750",
    async () => {
      const chit = await createChit(member, {
        name: "Neeladri 10th month",
        chitValue: 1000000,
        members: 40,
        maxDiscountPercent: 35,
      });
      expect(await recordInstalment(member, chit.id, 10, { discount: 300000 })).toMatchObject({
        dividend: 6250,
        prize: 700000,
      });
      expect((await row(chit.id, 11)).payable).toBe(18750);
    },
  );

  it(
    "a 100-month KSFE-style chitty of 5 lakh (channeltoday.net/2867/16): at the 30% " +
      "ceiling the prize is 3.50 lakh, the share 1,250, the instalment 3,750",
    async () => {
      const chit = await createChit(member, {
        name: "100 month chitty",
        chitValue: 500000,
        members: 100,
        maxDiscountPercent: 30,
      });
      expect(await recordInstalment(member, chit.id, 2, { discount: 150000 })).toMatchObject({
        prize: 350000,
        dividend: 1250,
      });
      expect((await row(chit.id, 3)).payable).toBe(3750);
    },
  );

  it(
    "a Kerala kuri explained (fsrcayden.pixnet.net/blog/post/283130705): sala 1,50,000 of " +
      "30 x 5,000, prize 1,05,000, discount 45,000, commission 7,500, dividend pool 37,500",
    async () => {
      const chit = await createChit(member, {
        name: "Kuri",
        chitValue: 150000,
        members: 30,
        maxDiscountPercent: 30,
        rounding: "rupee",
      });
      const auction = await recordInstalment(member, chit.id, 2, { prizeAmount: 105000 });
      expect(auction).toMatchObject({ discount: 45000, prize: 105000, commission: 7500 });
      expect(auction.dividend! * 30).toBe(37500);
    },
  );

  it(
    "Gokulam Chits (gokulamchits.com): 5,000 x 20 = 1,00,000 settled at 75,000: a " +
      "discount of 25,000 and 1,000 to every subscriber",
    async () => {
      const chit = await createChit(member, { name: "Gokulam", chitValue: 100000, members: 20 });
      // the auction is on the amount taken ("1,00,000 >> 90,000 >> 75,000"): entered as the prize
      expect(await recordInstalment(member, chit.id, 2, { prizeAmount: 75000 })).toMatchObject({
        discount: 25000,
        dividend: 1000,
      });
    },
  );

  it(
    "Prathithi Chits (prathithichits.com/cms/hdcw.aspx, chits-process.aspx): 1 lakh over " +
      "25 pays 4,000 in full for the first two instalments; the 2nd month's dividend lowers " +
      "the 3rd",
    async () => {
      const chit = await createChit(member, {
        name: "Prathithi",
        chitValue: 100000,
        members: 25,
        maxDiscountPercent: 30,
      });
      await recordInstalment(member, chit.id, 2, { discount: 30000 });
      const { instalments } = await scheduleOf(member, chit.id);
      expect(instalments.slice(0, 3).map((r) => r.payable)).toEqual([4000, 4000, 4000 - 1000]);
    },
  );
});

describe("tax on the commission", () => {
  it(
    "Aviratha Chits (avirathachits.in/cms/how-chit-work.aspx): 40 x 5,000, bid 80,000, " +
      "service tax 15% on the 10,000 commission: prize 1,18,500, dividend 1,750, pays 3,250",
    async () => {
      // 15% was the rate in force from 1 Jun 2016 to 30 Jun 2017; the chit names no rate, so the auction date decides
      const chit = await createChit(member, {
        name: "Aviratha",
        chitValue: 200000,
        members: 40,
        startDate: "2016-08-05",
        dueDay: 5,
        taxMode: "deducted-from-prize",
        taxOnCommissionPercent: null,
      });
      expect(await recordInstalment(member, chit.id, 2, { discount: 80000 })).toMatchObject({
        prize: 118500,
        taxOnCommission: 1500,
        commission: 10000,
        dividend: 1750,
      });
      expect((await row(chit.id, 3)).payable).toBe(3250);
      // entering the published prize gives back the bid
      expect(await recordInstalment(member, chit.id, 2, { prizeAmount: 118500 })).toMatchObject({ discount: 80000 });
    },
  );

  it(
    "SBV Chits in the Deccan Herald (deccanherald.com, 2022): on a 1 lakh chit the tax " +
      "was 600 and is 900 from 18 Jul 2022",
    async () => {
      const chit = await createChit(member, {
        name: "SBV",
        startDate: "2022-05-18",
        dueDay: 18,
        taxMode: "deducted-from-prize",
      });
      await recordInstalment(member, chit.id, 2, { discount: 30000 });
      await recordInstalment(member, chit.id, 3, { discount: 30000 });
      const { instalments } = await scheduleOf(member, chit.id);
      expect(instalments[1]).toMatchObject({ dueDate: "2022-06-18", taxOnCommission: 600, prize: 70000 - 600 });
      expect(instalments[2]).toMatchObject({ dueDate: "2022-07-18", taxOnCommission: 900, prize: 70000 - 900 });
    },
  );

  // kopuramchits.com/blogs/gst-on-chit-funds-explained-how-much-you-really-pay
  it("Kopuram Chits: 7% of 1 lakh = 7,000, GST 18% = 1,260", async () => {
    const chit = await createChit(member, {
      name: "Kopuram",
      chitValue: 100000,
      members: 25,
      commissionPercent: 7,
      startDate: "2025-01-05",
      taxMode: "deducted-from-prize",
    });
    expect(await recordInstalment(member, chit.id, 2, { discount: 30000 })).toMatchObject({
      commission: 7000,
      taxOnCommission: 1260,
    });
  });
});

describe("bid quoted without the commission", () => {
  it(
    "Chetana Chits (chetanachits.com/services-detail.html): 5 lakh over 50, first month's " +
      "bid 1,00,000: prize 3,75,000, dividend 2,000, next month 8,000",
    async () => {
      const chit = await createChit(member, {
        name: "Chetana",
        chitValue: 500000,
        members: 50,
        firstInstalment: "auction",
        bidIncludesCommission: false,
      });
      expect(await recordInstalment(member, chit.id, 1, { discount: 100000 })).toMatchObject({
        prize: 375000,
        dividend: 2000,
      });
      expect((await row(chit.id, 2)).payable).toBe(8000);
    },
  );
});

describe("two prizes an instalment, members twice the instalments", () => {
  it(
    "KSFE's kuri in KSFE v. Jacob Alexander (Supreme Court, 1 Mar 1996): 200 tickets of " +
      "50,000, 100 instalments of 500, a prize by lot at a fixed 5,000 discount pays " +
      "45,000, of which 2,500 is commission and 2,500 shared",
    async () => {
      const chit = await createChit(member, {
        name: "KSFE kuri",
        chitValue: 50000,
        members: 200,
        instalments: 100,
        prizesPerAuction: 2,
        firstInstalment: "auction",
        maxDiscountPercent: 40,
      });
      expect(chit).toMatchObject({ members: 200, instalments: 100, prizesPerAuction: 2 });
      // the lot prize at the fixed 5,000; the auctioned one at 45,000 less its auction deduction (here 10,000)
      const first = await recordInstalment(member, chit.id, 1, { discounts: [5000, 15000] });
      expect(first).toMatchObject({ prizes: [45000, 35000], commission: 5000 });
      // the lot prize's 2,500 and the auction's 12,500 shared over 200 tickets
      expect(first.dividend).toBe((2500 + 12500) / 200);
      const { instalments } = await scheduleOf(member, chit.id);
      expect(instalments).toHaveLength(100);
      expect(instalments[0]!.payable).toBe(500);
    },
  );

  it(
    "a KSFE multi-division chitty (channeltoday.net/2713/13, /3752/20): 12 lakh, 10,000 a " +
      "month for 120 months, 4 divisions (480 members), each month one prize by lot less " +
      "the 5% commission and three auctions up to 40%",
    async () => {
      const chit = await createChit(member, {
        name: "Multi-division",
        chitValue: 1200000,
        members: 480,
        instalments: 120,
        prizesPerAuction: 4,
        maxDiscountPercent: 40,
        firstInstalment: "auction", // "the full amount in the very first month" (channeltoday.net/25502/21)
      });
      const first = await recordInstalment(member, chit.id, 1, { discounts: [60000, 480000, 480000, 480000] });
      expect(first.prizes).toEqual([1200000 - 60000, 720000, 720000, 720000]);
      expect((await scheduleOf(member, chit.id)).instalments[0]!.payable).toBe(10000);
    },
  );
});

describe("the bidding range", () => {
  it(
    "a regular KSFE chitty (channeltoday.net/6986/29): 25,000 a month for 40 months; " +
      "bidding starts at the 50,000 commission and goes to 30%, 3,00,000",
    async () => {
      const chit = await createChit(member, {
        name: "Regular chitty",
        chitValue: 1000000,
        members: 40,
        maxDiscountPercent: 30,
      });
      const advice = await expectStatus<{ floor: number; ceiling: number }>(
        member.fetch(`/api/v1/chits/${chit.id}/bid-advice?instalment=2`),
        200,
      );
      expect(advice).toMatchObject({ floor: 50000, ceiling: 300000 });
      await expectError(member.json(`/api/v1/chits/${chit.id}/instalments/2`, { discount: 49999 }, "PUT"), 400);
      await expectError(member.json(`/api/v1/chits/${chit.id}/instalments/2`, { discount: 300001 }, "PUT"), 400);
      expect(await recordInstalment(member, chit.id, 2, { discount: 300000 })).toMatchObject({
        prize: 700000,
        dividend: 6250,
      });
    },
  );
});
