// Issue 15's rules: whole-rupee rounding, tax by auction date (deducted or charged), on-top commission on the foreman's
// instalment, several prizes per auction, day-based frequencies, late payment; published foreman figures to the rupee.
import { describe, expect, it } from "vitest";
import {
  auctionFor,
  type ChitTerms,
  completeTerms,
  discountCeiling,
  discountFloor,
  discountForPrize,
  dividendSharers,
  taxOnCommissionPercentOn,
  validateTerms,
} from "./chit.ts";
import { dueDateFor } from "./dates.ts";
import { divideToUnit, roundToUnit } from "./money.ts";
import { groupCashflows, type InstalmentPayment, instalmentLines, scheduleFor } from "./schedule.ts";

const rupees = (n: number) => Math.round(n * 100);
const chit = (overrides: Partial<ChitTerms>): ChitTerms =>
  completeTerms({ chitValue: rupees(100_000), members: 20, startDate: "2024-01-10", dueDay: 10, ...overrides });

describe("rounding to a unit", () => {
  it("rounds to the rupee nearest, down or up, and to the paisa", () => {
    expect(roundToUnit(108_750, 100)).toBe(108_800); // 1,087.50 -> 1,088
    expect(roundToUnit(108_749, 100)).toBe(108_700);
    expect(divideToUnit(2_255_000, 40, 100, "nearest")).toBe(56_400); // 563.75 -> 564
    expect(divideToUnit(2_255_000, 40, 100, "down")).toBe(56_300);
    expect(divideToUnit(2_250_100, 40, 100, "up")).toBe(56_300); // 562.5025 -> 563
    expect(divideToUnit(2_255_000, 40, 1, "nearest")).toBe(56_375);
  });
});

describe("published foreman examples, to the rupee", () => {
  it(
    "Surabhi Chits: C 1,50,000, F 5%, bid 30%, service tax 14.5% on 7,500 = 1,087.50 " +
      "rounded to 1,088: prize 1,03,912",
    () => {
      const terms = chit({
        chitValue: rupees(150_000),
        members: 30,
        commissionPercent: 5,
        maxDiscountPercent: 30,
        taxMode: "deducted-from-prize",
        taxOnCommissionPercent: 14.5,
        rounding: "rupee",
      });
      const auction = auctionFor(terms, 5, rupees(45_000));
      expect(auction.taxOnCommission).toBe(rupees(1_088));
      expect(auction.prize).toBe(rupees(103_912));
      // entering the published prize gives back the bid, which is within the 30% ceiling
      expect(discountForPrize(terms, 5, rupees(103_912))).toBe(rupees(45_000));
      // kept to the paisa, the same chit says 1,03,912.50 and the published prize implies a bid over the ceiling
      const paise = { ...terms, rounding: "paise" as const };
      expect(auctionFor(paise, 5, rupees(45_000)).prize).toBe(rupees(103_912.5));
      expect(discountForPrize(paise, 5, rupees(103_912))).toBeGreaterThan(discountCeiling(paise));
    },
  );

  it("Surabhi's rate comes from the auction date when the chit sets none (14.5% from 15 Nov 2015)", () => {
    const terms = chit({
      chitValue: rupees(150_000),
      members: 30,
      maxDiscountPercent: 30,
      taxMode: "deducted-from-prize",
      rounding: "rupee",
      startDate: "2015-09-20",
      dueDay: 20,
    });
    const lines = instalmentLines(terms, [{ number: 3, discount: rupees(45_000) }]);
    expect(lines[2]?.dueDate).toBe("2015-11-20");
    expect(lines[2]?.prize).toBe(rupees(103_912));
  });

  it("Nagashiva: 20 x 5,000 with 6% on top = 5,300 every month including the first; 5,300 - 1,500 = 3,800", () => {
    const terms = chit({
      commissionPercent: 6,
      commissionMode: "on-top",
      bidIncludesCommission: false,
      onTopOnForemanInstalment: true,
      maxDiscountPercent: 30,
    });
    const lines = instalmentLines(terms, [{ number: 2, discount: rupees(30_000) }]);
    expect(lines[0]?.payable).toBe(rupees(5_300));
    expect(lines[1]?.payable).toBe(rupees(5_300));
    expect(lines[1]?.dividend).toBe(rupees(1_500)); // 30,000 / 20
    expect(lines[2]?.payable).toBe(rupees(3_800));
    expect(lines[1]?.prize).toBe(rupees(70_000));
    // without the setting the foreman's instalment carries no commission
    expect(instalmentLines({ ...terms, onTopOnForemanInstalment: false }, [])[0]?.payable).toBe(rupees(5_000));
  });

  it("KSFE (Attingal): 40 x 2,500, bid 30,000, commission 5,000: dividend 625, next pays 1,875", () => {
    const terms = chit({ members: 40, firstInstalment: "auction", rounding: "rupee" });
    const lines = instalmentLines(terms, [{ number: 1, discount: rupees(30_000) }]);
    expect(lines[0]?.prize).toBe(rupees(70_000));
    expect(lines[0]?.dividend).toBe(rupees(625));
    expect(lines[1]?.payable).toBe(rupees(1_875));
  });

  it("a service-tax-era chit (50 x 1,000, bid 14,000, F 2,500): dividend 230", () => {
    const terms = chit({ chitValue: rupees(50_000), members: 50, rounding: "rupee" });
    expect(auctionFor(terms, 2, rupees(14_000)).dividend).toBe(rupees(230));
  });

  it(
    "whole-rupee dividends: 22,550 over 40 is 564 to the nearest rupee or 563 rounded " +
      "down, the rest kept or carried",
    () => {
      const terms = chit({ members: 40, rounding: "rupee" });
      const nearest = auctionFor(terms, 2, rupees(27_550));
      expect(nearest.dividend).toBe(rupees(564));
      expect(nearest.remainder).toBe(rupees(22_550 - 564 * 40)); // -10: the foreman pays out 10 more
      const down = auctionFor({ ...terms, dividendRounding: "down" }, 2, rupees(27_550));
      expect(down.dividend).toBe(rupees(563));
      expect(down.remainder).toBe(rupees(30));
      const carried = instalmentLines({ ...terms, dividendRounding: "down", roundingRemainder: "next-auction" }, [
        { number: 2, discount: rupees(27_550) },
        { number: 3, discount: rupees(25_000) },
      ]);
      expect(carried[2]?.dividend).toBe(rupees(500)); // (20,000 + 30) / 40 = 500.75 -> 500
    },
  );
});

describe("tax on the commission", () => {
  it("uses the rate in force on the auction date: 12% GST until 17 Jul 2022, 18% from 18 Jul 2022", () => {
    expect(taxOnCommissionPercentOn("2022-07-17")).toBe(12);
    expect(taxOnCommissionPercentOn("2022-07-18")).toBe(18);
    expect(taxOnCommissionPercentOn("2017-06-30")).toBe(15);
    const terms = chit({ taxMode: "deducted-from-prize", startDate: "2022-05-18", dueDay: 18 });
    const lines = instalmentLines(terms, [
      { number: 2, discount: rupees(30_000) },
      { number: 3, discount: rupees(30_000) },
    ]);
    expect([lines[1]?.dueDate, lines[2]?.dueDate]).toEqual(["2022-06-18", "2022-07-18"]);
    expect(lines[1]?.taxOnCommission).toBe(rupees(600)); // 12% of 5,000
    expect(lines[1]?.prize).toBe(rupees(69_400));
    expect(lines[2]?.taxOnCommission).toBe(rupees(900)); // 18% of 5,000
    expect(lines[2]?.prize).toBe(rupees(69_100));
    // the chit's own rate wins over the date
    expect(
      instalmentLines({ ...terms, taxOnCommissionPercent: 12 }, [{ number: 3, discount: rupees(30_000) }])[2]
        ?.taxOnCommission,
    ).toBe(rupees(600));
  });

  it("charged to members: each ticket pays tax / members with the instalment, and the prize is untouched", () => {
    const terms = chit({ taxMode: "charged-to-members", taxOnCommissionPercent: 18 });
    const lines = instalmentLines(terms, [{ number: 2, discount: rupees(30_000) }]);
    expect(lines[1]?.taxCharged).toBe(rupees(45)); // 900 / 20
    expect(lines[1]?.payable).toBe(rupees(5_045));
    expect(lines[1]?.prize).toBe(rupees(70_000));
    expect(lines[0]?.taxCharged).toBe(0); // the foreman's instalment carries no commission
  });
});

describe("several prizes per auction, members != instalments", () => {
  // Two prizes a month: 40 tickets, 20 instalments, C 1,00,000 per prize; each ticket pays 5,000.
  const terms = chit({ members: 40, instalments: 20, prizesPerAuction: 2 });

  it("collects C x prizes / members from each ticket and shares every prize's pool among all tickets", () => {
    expect(validateTerms(terms)).toEqual([]);
    const lines = instalmentLines(terms, [
      { number: 2, discount: rupees(30_000), otherDiscounts: [rupees(25_000)] },
      { number: 3, discount: rupees(20_000) },
    ]);
    expect(lines[0]?.payable).toBe(rupees(5_000));
    expect(lines[1]?.prizes).toEqual([rupees(70_000), rupees(75_000)]);
    expect(lines[1]?.dividend).toBe(rupees(1_125)); // (25,000 + 20,000) / 40
    expect(lines[2]?.payable).toBe(rupees(3_875));
    // a missing second bid is the same as the first
    expect(lines[2]?.discounts).toEqual([rupees(20_000), rupees(20_000)]);
    expect(lines).toHaveLength(20);
  });

  it("refuses members that are not instalments x prizes per auction", () => {
    expect(validateTerms({ ...terms, members: 41 }).map((p) => p.field)).toEqual(["instalments"]);
  });
});

describe("day-based frequencies never drift", () => {
  it("weekly, fortnightly and daily due dates are 7, 14 and 1 days apart from the start date", () => {
    expect([1, 2, 3, 53].map((k) => dueDateFor("2024-02-26", 31, k, "weekly"))).toEqual([
      "2024-02-26",
      "2024-03-04",
      "2024-03-11",
      "2025-02-24",
    ]);
    expect([1, 2, 27].map((k) => dueDateFor("2024-12-20", 1, k, "fortnightly"))).toEqual([
      "2024-12-20",
      "2025-01-03",
      "2025-12-19",
    ]);
    expect([1, 2, 11].map((k) => dueDateFor("2024-02-25", 1, k, "daily"))).toEqual([
      "2024-02-25",
      "2024-02-26",
      "2024-03-06",
    ]);
    const weekly = instalmentLines(chit({ frequency: "weekly", startDate: "2024-01-03" }), []);
    expect(weekly.map((l) => l.dueDate).slice(0, 3)).toEqual(["2024-01-03", "2024-01-10", "2024-01-17"]);
  });
});

describe("late payment", () => {
  const paid = (instalment: number, amount: number, paidOn: string): InstalmentPayment => ({
    instalment,
    amount: rupees(amount),
    paidOn,
  });
  const records = [
    { number: 1, discount: 0 },
    { number: 2, discount: rupees(30_000) },
  ];

  it("charges simple interest a year on what is overdue, day by day, and shows it per instalment", () => {
    const terms = chit({ lateRule: "interest", latePenaltyPercent: 18, rounding: "rupee" });
    // instalment 3 (payable 3,750, due 10 Mar 2024) paid 2,000 on 9 Apr and the rest on 9 May
    const schedule = scheduleFor(
      terms,
      records,
      [paid(3, 2_000, "2024-04-09"), paid(3, 1_750, "2024-05-09")],
      "2024-06-01",
    );
    const row = schedule.instalments[2];
    // 3,750 x 30 days + 1,750 x 30 days at 18% a year = 55.48 + 25.89 = 81.37 -> 81
    expect(row?.penalty).toBe(rupees(81));
    expect(row?.balance).toBe(rupees(81));
    expect(row?.status).toBe("overdue");
    // instalments 4 and 5, unpaid, accrue too; the total is what lateness has cost so far
    // 5,000 (auction 3 unrecorded) x 52 days at 18% = 128.22
    expect(schedule.instalments[3]?.penalty).toBe(rupees(128));
    expect(schedule.totals.latenessCost).toBe(schedule.instalments.reduce((total, r) => total + r.penalty, 0));
  });

  it("keeps accruing on an unpaid instalment until today, and a fixed fee is charged once", () => {
    const interest = scheduleFor(chit({ lateRule: "interest", latePenaltyPercent: 36.5 }), records, [], "2024-03-20");
    expect(interest.instalments[2]?.penalty).toBe(rupees(37.5)); // 3,750 x 10 days x 0.1%
    expect(interest.instalments[3]?.penalty).toBe(0); // not due yet
    const fee = scheduleFor(
      chit({ lateRule: "fixed-fee", lateFee: rupees(100) }),
      records,
      [paid(3, 3_750, "2024-03-11")],
      "2024-06-01",
    );
    expect(fee.instalments[2]?.penalty).toBe(rupees(100));
    expect(fee.instalments[2]?.balance).toBe(rupees(100));
  });

  it("forfeits the dividend when the chit says so: the late instalment owes S again", () => {
    const terms = chit({ lateForfeitsDividend: true });
    const onTime = scheduleFor(terms, records, [paid(3, 3_750, "2024-03-10")], "2024-06-01");
    expect(onTime.instalments[2]?.balance).toBe(0);
    const late = scheduleFor(terms, records, [paid(3, 3_750, "2024-03-15")], "2024-06-01");
    expect(late.instalments[2]?.dividendForfeited).toBe(rupees(1_250));
    expect(late.instalments[2]?.payable).toBe(rupees(5_000));
    expect(late.instalments[2]?.balance).toBe(rupees(1_250));
    expect(late.totals.latenessCost).toBe(rupees(1_250));
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("the whole group balances on random paths in every rounding mode, with several prizes and taxes", () => {
  it("collections = prizes + commissions + tax + unshared dividend + what rounding leaves, on 400 random chits", () => {
    const random = seededRandom(15_072_022);
    const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)] as T;
    for (let path = 0; path < 400; path++) {
      const prizes = pick([1, 1, 2, 3]);
      const instalments = 2 + Math.floor(random() * 40);
      const rounding = pick(["paise", "rupee"] as const);
      const terms = chit({
        chitValue: (rounding === "rupee" ? 100 : 1) * (10_000 + Math.floor(random() * 10_000_000)),
        members: instalments * prizes,
        instalments,
        prizesPerAuction: prizes,
        startDate: pick(["2021-11-05", "2022-06-30", "2024-01-05"]),
        dueDay: 5,
        frequency: pick(["monthly", "weekly", "daily"] as const),
        commissionPercent: pick([0, 5, 6, 7]),
        commissionMode: pick(["from-discount", "on-top"] as const),
        bidIncludesCommission: pick([true, false]),
        onTopOnForemanInstalment: pick([true, false]),
        dividendSplit: pick(["all", "others"] as const),
        dividendApplies: pick(["next", "same"] as const),
        firstInstalment: pick(["foreman", "auction"] as const),
        maxDiscountPercent: pick([30, 40, 45]),
        taxMode: pick(["none", "deducted-from-prize", "charged-to-members"] as const),
        taxOnCommissionPercent: pick([null, 12, 18, 14.5]),
        rounding,
        dividendRounding: pick(["nearest", "down", "up"] as const),
        roundingRemainder: pick(["foreman", "next-auction"] as const),
      });
      if (dividendSharers(terms) <= 0) continue;
      const floor = discountFloor(terms);
      const span = discountCeiling(terms) - floor;
      const bid = () => roundToUnit(floor + Math.floor(random() * span), rounding === "rupee" ? 100 : 1, "down");
      const bids = Array.from({ length: instalments }, () =>
        Array.from({ length: prizes }, () => Math.max(floor, bid())),
      );
      const g = groupCashflows(terms, bids);
      const context = JSON.stringify({ terms, bids });
      expect(g.collections, context).toBe(
        g.prizes +
          g.commissions +
          g.taxOnCommission +
          g.unsharedDividend +
          g.roundingKept +
          g.subscriptionRounding +
          g.chargeRounding,
      );
      // what rounding leaves is small: under one unit per ticket per instalment
      const unit = rounding === "rupee" ? 100 : 1;
      expect(Math.abs(g.roundingKept + g.subscriptionRounding + g.chargeRounding), context).toBeLessThanOrEqual(
        3 * unit * terms.members * instalments,
      );
    }
  });
});
