// Tests for the member's schedule: DOMAIN.md's worked example, estimates, statuses, and the whole-group identity.
import { describe, expect, it } from "vitest";
import {
  auctionFor,
  type ChitTerms,
  defaultTerms,
  discountCeiling,
  discountFloor,
  dividendSharers,
  type InstalmentRecord,
} from "./chit.ts";
import { groupCashflows, type InstalmentPayment, instalmentLines, scheduleFor } from "./schedule.ts";

const rupees = (n: number) => n * 100;

/** DOMAIN.md's worked example: C 1,00,000, N 20, F 5%, foreman takes 1, dividend to the next instalment. */
const workedTerms: ChitTerms = {
  ...defaultTerms,
  chitValue: rupees(100_000),
  members: 20,
  instalments: 20,
  startDate: "2024-01-10",
  dueDay: 10,
};

/** The table's rows 2-5 and 19-20, with a straight line (to the rupee) between 25,000 at 5 and 6,000 at 19. */
function workedDiscounts(): number[] {
  const path = [0, 30_000, 28_000, 26_500, 25_000];
  for (let k = 6; k <= 18; k++) path.push(Math.round(25_000 - ((k - 5) * 19_000) / 14));
  path.push(6_000, 5_000);
  return path.map(rupees);
}

const workedRecords = (): InstalmentRecord[] => workedDiscounts().map((discount, i) => ({ number: i + 1, discount }));

describe("DOMAIN.md's worked example", () => {
  const rows = scheduleFor(workedTerms, workedRecords(), [], "2024-01-01").instalments;
  const table: [number, number, number, number, number][] = [
    // instalment, discount, dividend, payable this instalment, winner gets
    [1, 0, 0, 5_000, 100_000],
    [2, 30_000, 1_250, 5_000, 70_000],
    [3, 28_000, 1_150, 3_750, 72_000],
    [4, 26_500, 1_075, 3_850, 73_500],
    [5, 25_000, 1_000, 3_925, 75_000],
    [20, 5_000, 0, 4_950, 95_000],
  ];

  for (const [k, discount, dividend, payable, prize] of table) {
    it(`row ${k}: discount ${discount}, dividend ${dividend}, payable ${payable}, winner gets ${prize}`, () => {
      expect(rows[k - 1]).toMatchObject({
        number: k,
        discount: rupees(discount),
        dividend: rupees(dividend),
        payable: rupees(payable),
        prize: rupees(prize),
        estimated: false,
      });
    });
  }

  it("row 19: discount 6,000, dividend 50, winner gets 94,000", () => {
    expect(rows[18]).toMatchObject({ discount: rupees(6_000), dividend: rupees(50), prize: rupees(94_000) });
  });

  it("falls due on the 10th of each month from January 2024", () => {
    expect(rows.map((row) => row.dueDate).slice(0, 3)).toEqual(["2024-01-10", "2024-02-10", "2024-03-10"]);
    expect(rows[19]?.dueDate).toBe("2025-08-10");
  });
});

describe("payables that depend on auctions not yet recorded", () => {
  it("a next-instalment chit uses the previous auction's dividend, else assumes none and says so", () => {
    const lines = instalmentLines(workedTerms, [{ number: 2, discount: rupees(30_000) }]);
    expect(lines[2]).toMatchObject({ discount: null, dividend: null, payable: rupees(3_750), estimated: false });
    expect(lines[3]).toMatchObject({ dividendApplied: null, payable: rupees(5_000), estimated: true });
  });

  it("a same-instalment chit assumes no dividend until that instalment's auction is recorded", () => {
    const lines = instalmentLines({ ...workedTerms, dividendApplies: "same" }, [
      { number: 2, discount: rupees(30_000) },
    ]);
    expect(lines[0]).toMatchObject({ payable: rupees(5_000), estimated: false });
    expect(lines[1]).toMatchObject({ payable: rupees(3_750), estimated: false });
    expect(lines[2]).toMatchObject({ payable: rupees(5_000), estimated: true });
  });

  it("a payable override is never an estimate", () => {
    const lines = instalmentLines(workedTerms, [{ number: 4, payableOverride: rupees(3_900) }]);
    expect(lines[3]).toMatchObject({ payable: rupees(3_900), estimated: false });
  });
});

describe("instalment status and totals", () => {
  const records = workedRecords().slice(0, 5);
  const pay = (instalment: number, amount: number, paidOn: string): InstalmentPayment => ({
    instalment,
    amount: rupees(amount),
    paidOn,
  });

  it("marks paid, overdue, part-paid, due and upcoming instalments", () => {
    const payments = [
      pay(1, 5_000, "2024-01-09"),
      pay(2, 5_000, "2024-02-10"),
      pay(3, 2_000, "2024-03-12"),
      pay(5, 1_000, "2024-04-14"),
    ];
    const rows = scheduleFor(workedTerms, records, payments, "2024-04-15").instalments;
    expect(rows.slice(0, 7).map((row) => row.status)).toEqual([
      "paid",
      "paid",
      "overdue",
      "overdue",
      "part-paid",
      "upcoming",
      "upcoming",
    ]);
    expect(rows[2]).toMatchObject({ paid: rupees(2_000), balance: rupees(1_750) });
    expect(rows[4]).toMatchObject({ paid: rupees(1_000), balance: rupees(2_925) });
  });

  it("the earliest unpaid instalment not yet overdue is due, and due on its due date is not overdue", () => {
    const payments = [pay(1, 5_000, "2024-01-09"), pay(2, 5_000, "2024-02-10"), pay(3, 3_750, "2024-03-10")];
    const rows = scheduleFor(workedTerms, records, payments, "2024-04-10").instalments;
    expect(rows.slice(0, 6).map((row) => row.status)).toEqual(["paid", "paid", "paid", "due", "upcoming", "upcoming"]);
  });

  it("an overpayment leaves a zero balance, never a negative one", () => {
    const rows = scheduleFor(workedTerms, records, [pay(3, 4_000, "2024-03-01")], "2024-01-01").instalments;
    expect(rows[2]).toMatchObject({ paid: rupees(4_000), balance: 0, status: "paid" });
  });

  it("totals payables, payments, balances, dividends, overdue amounts and the member's prize", () => {
    const mine = records.map((record) =>
      record.number === 3 ? { ...record, wonByMe: true, prizeReceived: rupees(71_500) } : record,
    );
    const payments = [
      pay(1, 5_000, "2024-01-10"),
      pay(2, 5_000, "2024-02-10"),
      pay(3, 3_750, "2024-03-10"),
      pay(99, 100, "2024-03-10"),
    ];
    const { totals } = scheduleFor(workedTerms, mine, payments, "2024-04-15");
    // payables: rows 1-5, then 5,000 - 1,000 (row 5's dividend), then 14 x 5,000 (estimated: no dividend known)
    expect(totals.payable).toBe(rupees(5_000 + 5_000 + 3_750 + 3_850 + 3_925 + 4_000 + 14 * 5_000));
    expect(totals.paid).toBe(rupees(13_750));
    expect(totals.balance).toBe(totals.payable - totals.paid);
    expect(totals.dividends).toBe(rupees(1_250 + 1_150 + 1_075 + 1_000));
    expect(totals.overdue).toBe(rupees(3_850));
    expect(totals.prizes).toBe(rupees(71_500));
    expect(totals.unallocated).toBe(rupees(100));
    expect(totals.estimated).toBe(true);
  });
});

/** mulberry32: a tiny seeded PRNG so the random paths are the same on every run. */
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

describe("the whole group: collections = prizes + commissions (+ tax taken from prizes)", () => {
  /**
   * The identity is exact only when nothing is rounded, so the random chits keep C a multiple of
   * 100 N paise (S and, on top, F / N are whole paise) and every dividend pool a multiple of the
   * tickets sharing it. With dividends applied to the NEXT instalment the last auction's dividend
   * has no instalment left to lower, so those paths end at the floor bid (DOMAIN.md's row 20: the
   * last ticket has nobody to bid against). With "same" any last bid balances.
   */
  function randomChit(random: () => number, applies: ChitTerms["dividendApplies"]) {
    const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)] as T;
    const members = 2 + Math.floor(random() * 59);
    const terms: ChitTerms = {
      ...defaultTerms,
      chitValue: 100 * members * (1 + Math.floor(random() * 5_000)),
      members,
      instalments: members,
      startDate: "2024-01-05",
      dueDay: 5,
      commissionPercent: pick([0, 5, 7]),
      commissionMode: pick(["from-discount", "on-top"] as const),
      bidIncludesCommission: pick([true, false]),
      dividendSplit: pick(["all", "others"] as const),
      dividendApplies: applies,
      firstInstalment: pick(["foreman", "auction"] as const),
      maxDiscountPercent: pick([30, 40, 45]),
      taxOnCommissionPercent: pick([0, 12, 18]),
      taxMode: pick(["none", "deducted-from-prize"] as const),
    };
    const floor = discountFloor(terms);
    const sharers = dividendSharers(terms);
    const steps = Math.floor((discountCeiling(terms) - floor) / sharers);
    const discounts = Array.from({ length: members }, (_, i) => {
      if (i === 0 && terms.firstInstalment === "foreman") return 0;
      if (i === members - 1 && applies === "next") return floor;
      return floor + sharers * Math.floor(random() * (steps + 1));
    });
    return { terms, discounts };
  }

  for (const applies of ["next", "same"] as const) {
    it(`balances on 200 random discount paths with the dividend applied to the ${applies} instalment`, () => {
      const random = seededRandom(applies === "next" ? 20_240_101 : 19_820_823);
      for (let path = 0; path < 200; path++) {
        const { terms, discounts } = randomChit(random, applies);
        const group = groupCashflows(terms, discounts);
        expect(group.unsharedDividend, JSON.stringify(terms)).toBe(0);
        expect(group.collections, JSON.stringify({ terms, discounts })).toBe(
          group.prizes + group.commissions + group.taxOnCommission,
        );
      }
    });
  }

  it("balances on the worked example, whose last bid is the floor", () => {
    const group = groupCashflows(workedTerms, workedDiscounts());
    expect(group.collections).toBe(group.prizes + group.commissions);
    expect(group.commissions).toBe(19 * rupees(5_000));
  });

  it("with next-instalment dividends, a last bid above the floor leaves that dividend unshared", () => {
    const discounts = workedDiscounts();
    discounts[19] = rupees(9_000);
    const group = groupCashflows(workedTerms, discounts);
    expect(group.unsharedDividend).toBe(auctionFor(workedTerms, 20, rupees(9_000)).pool);
    expect(group.collections - (group.prizes + group.commissions)).toBe(rupees(4_000));
  });
});
