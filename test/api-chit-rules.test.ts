// Issue 15 through the JSON API: published foreman figures to the rupee (whole-rupee rounding, tax by date, on-top
// commission from the first instalment, several prizes), weekly due dates in the schedule and the ICS feed, late
// payment, settings kept by PATCH, and bid advice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChitBody,
  createChit,
  expectError,
  expectStatus,
  pay,
  recordInstalment,
  scheduleOf,
} from "./support/api.ts";
import type { Client } from "./support/app.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";

// 15 Mar 2026, 10:00 in India
const clock = { now: () => new Date("2026-03-15T04:30:00Z") };
let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp({ clock });
  member = await signedInMember(t, "meena@example.com");
});
afterAll(async () => {
  await t.close();
});

type Advice = {
  rate: number | null;
  reasonCode: string | null;
  waitRate: number | null;
  breakEvenDiscount: number | null;
  assumption: string;
  meaning: string | null;
  floor: number;
  ceiling: number;
  curve: { discount: number; rate: number | null }[];
};
const advice = (chitId: string, query: string) =>
  expectStatus<Advice>(member.fetch(`/api/v1/chits/${chitId}/bid-advice?${query}`), 200);

describe("published foreman examples, to the rupee", () => {
  it(
    "Surabhi: the published prize 1,03,912 (tax 1,087.50 rounded to 1,088) is accepted " +
      "and gives back the 45,000 bid",
    async () => {
      const chit = await createChit(member, {
        name: "Surabhi",
        chitValue: 150000,
        members: 30,
        maxDiscountPercent: 30,
        taxMode: "deducted-from-prize",
        taxOnCommissionPercent: 14.5,
        rounding: "rupee",
      });
      expect(chit).toMatchObject({ rounding: "rupee", taxMode: "deducted-from-prize", taxOnCommissionPercent: 14.5 });
      const row = await recordInstalment(member, chit.id, 5, { prizeAmount: 103912 });
      expect(row).toMatchObject({ discount: 45000, prize: 103912, taxOnCommission: 1088 });
      // kept to the paisa, the same prize implies a bid over the ceiling and is refused, next to the field
      const paise = await createChit(member, {
        name: "Surabhi to the paisa",
        chitValue: 150000,
        members: 30,
        maxDiscountPercent: 30,
        taxMode: "deducted-from-prize",
        taxOnCommissionPercent: 14.5,
      });
      const refused = await expectError(
        member.json(`/api/v1/chits/${paise.id}/instalments/5`, { prizeAmount: 103912 }, "PUT"),
        400,
      );
      expect(refused.fields?.prizeAmount).toMatch(/cannot exceed 30%/);
      expect((await recordInstalment(member, paise.id, 5, { discount: 45000 })).prize).toBe(103912.5);
    },
  );

  it("Nagashiva: 5,300 every month including the first (6% on top), then 5,300 - 1,500 = 3,800", async () => {
    const chit = await createChit(member, {
      name: "Nagashiva",
      commissionPercent: 6,
      commissionMode: "on-top",
      bidIncludesCommission: false,
      onTopOnForemanInstalment: true,
      maxDiscountPercent: 30,
    });
    await recordInstalment(member, chit.id, 2, { discount: 30000 });
    const { instalments } = await scheduleOf(member, chit.id);
    expect(instalments.slice(0, 3).map((r) => r.payable)).toEqual([5300, 5300, 3800]);
    expect(instalments[1]).toMatchObject({ dividend: 1500, prize: 70000, commissionShare: 300 });
  });

  it(
    "GST charged to members at the rate on the auction date: 12% until 17 Jul 2022, 18% " + "from 18 Jul 2022",
    async () => {
      const chit = await createChit(member, {
        name: "GST to members",
        startDate: "2022-05-18",
        dueDay: 18,
        taxMode: "charged-to-members",
      });
      expect(chit.taxOnCommissionPercent).toBeNull();
      await recordInstalment(member, chit.id, 2, { discount: 30000 });
      await recordInstalment(member, chit.id, 3, { discount: 30000 });
      const { instalments } = await scheduleOf(member, chit.id);
      expect(instalments[1]).toMatchObject({
        dueDate: "2022-06-18",
        taxOnCommission: 600,
        taxCharged: 30,
        payable: 5030,
        prize: 70000,
      });
      expect(instalments[2]).toMatchObject({
        dueDate: "2022-07-18",
        taxOnCommission: 900,
        taxCharged: 45,
        payable: 5045 - 1250,
      });
    },
  );

  it("two prizes an auction: 40 members, 20 instalments, one bid per prize, the dividend from both", async () => {
    const chit = await createChit(member, { name: "Two a month", members: 40, prizesPerAuction: 2 });
    expect(chit).toMatchObject({ members: 40, instalments: 20, prizesPerAuction: 2 });
    const row = await recordInstalment(member, chit.id, 2, { discounts: [30000, 25000] });
    expect(row).toMatchObject({ discount: 30000, discounts: [30000, 25000], prizes: [70000, 75000], dividend: 1125 });
    const { instalments } = await scheduleOf(member, chit.id);
    expect(instalments).toHaveLength(20);
    expect(instalments[0]!.payable).toBe(5000);
    expect(instalments[2]!.payable).toBe(3875);
    await expectError(
      member.json(`/api/v1/chits/${chit.id}/instalments/3`, { discounts: [30000, 25000, 20000] }, "PUT"),
      400,
    );
    await expectError(member.json(`/api/v1/chits/${chit.id}/instalments/21`, { discount: 30000 }, "PUT"), 400);
    const bad = await expectError(
      member.json("/api/v1/chits", {
        name: "Uneven",
        chitValue: 100000,
        members: 41,
        prizesPerAuction: 2,
        startDate: "2026-01-05",
        dueDay: 5,
      }),
      400,
    );
    expect(bad.fields?.instalments).toMatch(/instalments x prizes per auction/);
  });
});

describe("weekly chits", () => {
  it("fall due every 7 days from the start date, in the schedule and in the ICS feed", async () => {
    const chit = await createChit(member, {
      name: "Weekly traders",
      chitValue: 52000,
      members: 52,
      startDate: "2026-03-02",
      dueDay: 31,
      frequency: "weekly",
    });
    const { instalments } = await scheduleOf(member, chit.id);
    const dates = instalments.map((r) => r.dueDate);
    expect(dates.slice(0, 4)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    for (let i = 1; i < dates.length; i++)
      expect((Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / 86_400_000).toBe(7);
    expect(dates[51]).toBe("2027-02-22");
    const { url } = (await (await member.fetch("/api/v1/calendar/feed")).json()) as { url: string };
    const ics = (await (await t.app.request(url)).text()).replace(/\r\n[ \t]/g, "");
    const starts = ics
      .split("BEGIN:VEVENT")
      .filter((event) => event.includes(`UID:${chit.id}-`))
      .map((event) => /DTSTART;VALUE=DATE:(\d{8})/.exec(event)?.[1]);
    expect(starts.slice(0, 3)).toEqual(["20260302", "20260309", "20260316"]);
    expect(starts).toHaveLength(52);
  });
});

describe("late payment", () => {
  it("adds penalty interest per instalment, counts it in what lateness cost, and forfeits the dividend", async () => {
    const chit = await createChit(member, {
      name: "Strict foreman",
      startDate: "2026-01-10",
      dueDay: 10,
      lateRule: "interest",
      latePenaltyPercent: 18,
      lateForfeitsDividend: true,
      rounding: "rupee",
    });
    await recordInstalment(member, chit.id, 2, { discount: 30000 });
    await pay(member, chit.id, { instalment: 1, amount: 5000, paidOn: "2026-01-10", method: "upi" });
    await pay(member, chit.id, { instalment: 2, amount: 5000, paidOn: "2026-02-10", method: "upi" });
    await pay(member, chit.id, { instalment: 3, amount: 3750, paidOn: "2026-03-14", method: "upi" });
    const schedule = await scheduleOf(member, chit.id);
    const third = schedule.instalments[2]!;
    // paid 4 days late: the 1,250 dividend is lost (payable back to 5,000) and 18% a year runs on 5,000 for 4 days
    // and on the 1,250 still owed from 14 to 15 Mar: 9.86 + 0.62 = 10.48 -> 10
    expect(third).toMatchObject({
      dividendForfeited: 1250,
      payable: 5000,
      penalty: 10,
      balance: 1260,
      status: "overdue",
    });
    expect(schedule.instalments[0]!.penalty).toBe(0);
    expect(schedule.totals).toMatchObject({ penalties: 10, dividendsForfeited: 1250, latenessCost: 1260 });
    const page = await (await member.fetch(`/chits/${chit.id}`)).text();
    expect(page).toContain("What lateness has cost so far");
  });
});

describe("settings persist", () => {
  it("PATCH changes a setting and keeps the rest; GET returns every setting", async () => {
    const chit = await createChit(member, {
      name: "Patch me",
      frequency: "fortnightly",
      lateRule: "fixed-fee",
      lateFee: 100,
    });
    const patched = await expectStatus<ChitBody>(
      member.json(`/api/v1/chits/${chit.id}`, { rounding: "rupee", dividendRounding: "down" }, "PATCH"),
      200,
    );
    expect(patched).toMatchObject({
      frequency: "fortnightly",
      lateRule: "fixed-fee",
      lateFee: 100,
      rounding: "rupee",
      dividendRounding: "down",
    });
    expect(await expectStatus<ChitBody>(member.fetch(`/api/v1/chits/${chit.id}`), 200)).toEqual(patched);
  });
});

describe("bid advice", () => {
  it(
    "answers the rate of winning at a discount, the rate of waiting, and a break-even " +
      "between the commission and the ceiling",
    async () => {
      const chit = await createChit(member, { name: "Bid question", startDate: "2026-01-10", dueDay: 10 });
      await recordInstalment(member, chit.id, 2, { discount: 30000 });
      await pay(member, chit.id, { instalment: 1, amount: 5000, paidOn: "2026-01-10", method: "upi" });
      await pay(member, chit.id, { instalment: 2, amount: 5000, paidOn: "2026-02-10", method: "upi" });
      // the other auctions at the average of those recorded (30,000), as an ordinary chit goes
      const low = await advice(chit.id, "instalment=4&discount=10000&assumption=average-discount");
      const mid = await advice(chit.id, "instalment=4&discount=20000&assumption=average-discount");
      const high = await advice(chit.id, "instalment=4&discount=35000&assumption=average-discount");
      expect(low.rate).not.toBeNull();
      expect(mid.rate!).toBeGreaterThan(low.rate!);
      expect(high.rate!).toBeGreaterThan(mid.rate!);
      expect(high.meaning).toBe("cost");
      expect(low.waitRate).not.toBeNull();
      expect(low.breakEvenDiscount).not.toBeNull();
      expect(low.breakEvenDiscount!).toBeGreaterThan(5000);
      expect(low.breakEvenDiscount!).toBeLessThan(40000);
      expect(low.assumption).toContain("You win instalment 4");
      for (let i = 1; i < low.curve.length; i++) expect(low.curve[i]!.rate!).toBeGreaterThan(low.curve[i - 1]!.rate!);
      // at the break-even discount the rate is the benchmark (7% a year), give or take a rupee of discount
      const atBreakEven = await advice(
        chit.id,
        `instalment=4&discount=${low.breakEvenDiscount}&assumption=average-discount`,
      );
      expect(atBreakEven.rate!).toBeCloseTo(0.07, 3);
      // default discount: the assumption's (the average, 30,000)
      expect((await advice(chit.id, "instalment=4&assumption=average-discount")).rate).toBeCloseTo(
        (await advice(chit.id, "instalment=4&discount=30000&assumption=average-discount")).rate!,
        12,
      );
      // without an assumption named, the advice projects the average discount so far
      expect((await advice(chit.id, "instalment=4&discount=10000")).rate).toBeCloseTo(low.rate!, 12);
      // the cautious assumption (no more dividends): even the lowest bid costs more than 7%, said with a code
      const cautious = await advice(chit.id, "instalment=4&discount=10000&assumption=no-more-dividends");
      expect(cautious.rate!).toBeGreaterThan(0.07);
      expect(cautious).toMatchObject({ breakEvenDiscount: null, breakEvenCode: "costs-more-even-at-lowest-bid" });
    },
  );

  it(
    "refuses a bad instalment or discount next to the field, another member's chit, and a " + "ticket that already won",
    async () => {
      const chit = await createChit(member, { name: "Bid errors" });
      expect(
        (await expectError(member.fetch(`/api/v1/chits/${chit.id}/bid-advice?instalment=1`), 400)).fields?.instalment,
      ).toBeTruthy();
      expect(
        (await expectError(member.fetch(`/api/v1/chits/${chit.id}/bid-advice?instalment=3&discount=50000`), 400)).fields
          ?.discount,
      ).toMatch(/cannot exceed/);
      const other = await signedInMember(t, "someone-else@example.com");
      await expectError(other.fetch(`/api/v1/chits/${chit.id}/bid-advice?instalment=3`), 404);
      await recordInstalment(member, chit.id, 3, { discount: 30000, wonByMe: true });
      expect((await expectError(member.fetch(`/api/v1/chits/${chit.id}/bid-advice?instalment=4`), 409)).code).toBe(
        "already-won",
      );
    },
  );

  it("shows the section on the chit page with a chart drawn by a same-origin script", async () => {
    const chit = await createChit(member, { name: "Bid page", startDate: "2026-01-10", dueDay: 10 });
    const html = await (await member.fetch(`/chits/${chit.id}?bidInstalment=5&bidDiscount=25000#bid`)).text();
    expect(html).toContain("Thinking of bidding this month?");
    expect(html).toMatch(/src="\/assets\/bid-chart\.[0-9a-f]{10}\.js"/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).toMatch(/Winning instalment 5 at a discount of ₹25,000 costs you \d+\.\d\d% a year/);
    expect((await member.fetch("/assets/bid-chart.js")).status).toBe(200);
  });
});
