// Tests for a chit's rules: DOMAIN.md's reference cases, each variant by hand, and validation.
import { describe, expect, it } from "vitest";
import {
  auctionFor,
  type ChitTerms,
  commissionOf,
  completeTerms,
  defaultTerms,
  discountFloor,
  gstOnCommissionPercentOn,
  subscriptionOf,
  validateDiscount,
  validateTerms,
} from "./chit.ts";
import { instalmentLines } from "./schedule.ts";

const lakh = (n: number) => n * 100_000 * 100; // rupees in lakhs -> paise
const rupees = (n: number) => n * 100;

function chit(overrides: Partial<ChitTerms>): ChitTerms {
  return completeTerms({
    ...defaultTerms,
    chitValue: lakh(1),
    members: 20,
    startDate: "2024-01-10",
    dueDay: 10,
    ...overrides,
  });
}

/** DOMAIN.md: "Payable" is S minus that auction's dividend, whichever instalment the chit applies it to. */
function payableAfter(terms: ChitTerms, discount: number) {
  const next = instalmentLines(terms, [{ number: 2, discount }])[2];
  const same = instalmentLines({ ...terms, dividendApplies: "same" }, [{ number: 2, discount }])[1];
  expect(next?.payable).toBe(same?.payable);
  return next?.payable;
}

describe("DOMAIN.md reference cases (model A: discount includes the commission)", () => {
  it("Margadarsi FAQ, 40% discount: prize 60,000, dividend 700, payable 1,300", () => {
    const terms = chit({ chitValue: lakh(1), members: 50 });
    expect(subscriptionOf(terms)).toBe(rupees(2_000));
    expect(commissionOf(terms)).toBe(rupees(5_000));
    const auction = auctionFor(terms, 2, rupees(40_000));
    expect(auction.prize).toBe(rupees(60_000));
    expect(auction.dividend).toBe(rupees(700));
    expect(payableAfter(terms, rupees(40_000))).toBe(rupees(1_300));
  });

  it("Margadarsi FAQ, 35% discount: dividend 600, payable 1,400", () => {
    const terms = chit({ chitValue: lakh(1), members: 50 });
    expect(auctionFor(terms, 2, rupees(35_000)).dividend).toBe(rupees(600));
    expect(payableAfter(terms, rupees(35_000))).toBe(rupees(1_400));
  });

  it("Kapil Chits, 5,00,000 over 50 at 35% with F 25,000: dividend 3,000, payable 7,000", () => {
    const terms = chit({ chitValue: lakh(5), members: 50 });
    expect(subscriptionOf(terms)).toBe(rupees(10_000));
    expect(commissionOf(terms)).toBe(rupees(25_000));
    expect(auctionFor(terms, 2, rupees(175_000)).dividend).toBe(rupees(3_000));
    expect(payableAfter(terms, rupees(175_000))).toBe(rupees(7_000));
  });

  it("Neeladri, 10,00,000 over 40 at 35%: prize 6,50,000, dividend 7,500, payable 17,500", () => {
    const terms = chit({ chitValue: lakh(10), members: 40 });
    expect(subscriptionOf(terms)).toBe(rupees(25_000));
    const auction = auctionFor(terms, 2, rupees(350_000));
    expect(auction.prize).toBe(rupees(650_000));
    expect(auction.dividend).toBe(rupees(7_500));
    expect(payableAfter(terms, rupees(350_000))).toBe(rupees(17_500));
  });

  it("Pulincha, 10,00,000 over 50 at 30% with F 50,000: dividend 5,000, payable 15,000", () => {
    const terms = chit({ chitValue: lakh(10), members: 50 });
    expect(subscriptionOf(terms)).toBe(rupees(20_000));
    expect(commissionOf(terms)).toBe(rupees(50_000));
    expect(auctionFor(terms, 2, rupees(300_000)).dividend).toBe(rupees(5_000));
    expect(payableAfter(terms, rupees(300_000))).toBe(rupees(15_000));
  });
});

// Hand-computed on C = 1,00,000, N = 20, S = 5,000, F = 5% = 5,000 unless a test says otherwise.
describe("chit variants (DOMAIN.md's list)", () => {
  it("1. commission on top: each ticket pays S + F/N = 5,250 and the whole discount is shared", () => {
    const terms = chit({ commissionMode: "on-top", bidIncludesCommission: false });
    const auction = auctionFor(terms, 3, rupees(25_000));
    expect(auction.prize).toBe(rupees(75_000));
    expect(auction.dividend).toBe(rupees(1_250)); // 25,000 / 20
    expect(auction.commission).toBe(rupees(5_000)); // 20 x 250
    const lines = instalmentLines(terms, [{ number: 3, discount: rupees(25_000) }]);
    expect(lines[2]?.payable).toBe(rupees(5_250));
    expect(lines[3]?.payable).toBe(rupees(4_000)); // 5,000 + 250 - 1,250
    expect(lines[0]?.payable).toBe(rupees(5_000)); // the foreman's own chit carries no commission
    expect(discountFloor(terms)).toBe(0);
  });

  it("2. bid quoted excluding commission: winner gets C - D - F, dividend D / N, same as model A with D + F", () => {
    const excluding = auctionFor(chit({ bidIncludesCommission: false }), 3, rupees(20_000));
    expect(excluding.prize).toBe(rupees(75_000)); // 1,00,000 - 20,000 - 5,000
    expect(excluding.dividend).toBe(rupees(1_000)); // 20,000 / 20
    const modelA = auctionFor(chit({}), 3, rupees(25_000));
    expect({ ...excluding, discount: 0, prizes: [] }).toEqual({ ...modelA, discount: 0, prizes: [] });
  });

  it("3. dividend only among the N - 1 others: the winner's ticket gets none of it", () => {
    const terms = chit({ dividendSplit: "others" });
    expect(auctionFor(terms, 3, rupees(25_000)).dividend).toBe(105_263); // 20,000 / 19 = 1,052.63
    const mine = instalmentLines(terms, [{ number: 3, discount: rupees(25_000), wonByMe: true }]);
    const theirs = instalmentLines(terms, [{ number: 3, discount: rupees(25_000) }]);
    expect(mine[3]?.payable).toBe(rupees(5_000));
    expect(mine[3]?.dividendApplied).toBe(0);
    expect(theirs[3]?.payable).toBe(rupees(5_000) - 105_263); // 3,947.37
  });

  it("4. dividend applied to the same instalment lowers that one, not the next", () => {
    const lines = instalmentLines(chit({ dividendApplies: "same" }), [
      { number: 3, discount: rupees(25_000) },
      { number: 4, discount: rupees(5_000) },
    ]);
    expect(lines[2]?.payable).toBe(rupees(4_000)); // 5,000 - (25,000 - 5,000) / 20
    expect(lines[3]?.payable).toBe(rupees(5_000)); // floor bid, no dividend
  });

  it("5. the foreman takes instalment 1 whole, or it is auctioned like the rest", () => {
    const foreman = instalmentLines(chit({}), [{ number: 1, discount: rupees(30_000) }]);
    expect(foreman[0]).toMatchObject({
      discount: 0,
      dividend: 0,
      prize: lakh(1),
      payable: rupees(5_000),
      commission: 0,
    });
    expect(foreman[1]?.payable).toBe(rupees(5_000));
    expect(foreman[1]?.estimated).toBe(false);

    const auctioned = instalmentLines(chit({ firstInstalment: "auction" }), [{ number: 1, discount: rupees(30_000) }]);
    expect(auctioned[0]).toMatchObject({ discount: rupees(30_000), dividend: rupees(1_250), prize: rupees(70_000) });
    expect(auctioned[0]?.payable).toBe(rupees(5_000));
    expect(auctioned[1]?.payable).toBe(rupees(3_750));
  });

  it("6. tax on the commission comes out of the prize at the chit's rate", () => {
    const terms = chit({ taxOnCommissionPercent: 18, taxMode: "deducted-from-prize" });
    const auction = auctionFor(terms, 3, rupees(25_000));
    expect(auction.taxOnCommission).toBe(rupees(900)); // 18% of 5,000
    expect(auction.prize).toBe(rupees(74_100));
    expect(auction.dividend).toBe(rupees(1_000)); // the dividend is untouched
    expect(auctionFor({ ...terms, taxMode: "none" }, 3, rupees(25_000)).prize).toBe(rupees(75_000));
  });

  it("6. suggests the GST rate in force on the auction date", () => {
    expect(gstOnCommissionPercentOn("2022-07-17")).toBe(12);
    expect(gstOnCommissionPercentOn("2022-07-18")).toBe(18);
    expect(gstOnCommissionPercentOn("2017-07-01")).toBe(12);
    expect(gstOnCommissionPercentOn("2016-01-01")).toBeNull();
  });

  it("7. an informal chit by lot with no foreman and no commission shares the whole discount", () => {
    const terms = chit({ commissionPercent: 0, firstInstalment: "auction" });
    const auction = auctionFor(terms, 1, rupees(10_000));
    expect(auction).toMatchObject({ prize: rupees(90_000), dividend: rupees(500), commission: 0 });
    expect(validateDiscount(terms, 1, 0)).toEqual([]);
  });

  it("the figure on the foreman's notice overrides any computed payable", () => {
    const lines = instalmentLines(chit({}), [
      { number: 2, discount: rupees(30_000) },
      { number: 3, payableOverride: rupees(3_800) },
    ]);
    expect(lines[2]).toMatchObject({ payable: rupees(3_800), dividendApplied: rupees(1_250), estimated: false });
  });

  it("rounds a subscription that is not whole paise to the nearest paisa", () => {
    expect(subscriptionOf(chit({ chitValue: lakh(1), members: 30 }))).toBe(333_333); // 3,333.33
    expect(subscriptionOf(chit({ chitValue: 200, members: 3 }))).toBe(67); // 66.67 paise
  });
});

describe("chit terms are validated field by field", () => {
  it("accepts the default terms", () => {
    expect(validateTerms(chit({}))).toEqual([]);
  });

  it("names each bad field", () => {
    const fields = (overrides: Partial<ChitTerms>) => validateTerms(chit(overrides)).map((p) => p.field);
    expect(fields({ members: 1 })).toEqual(["members"]);
    expect(fields({ members: 1001 })).toEqual(["members"]);
    expect(fields({ members: 20.5 })).toEqual(["members"]);
    expect(fields({ chitValue: 0 })).toEqual(["chitValue"]);
    expect(fields({ chitValue: 100.5 })).toEqual(["chitValue"]);
    expect(fields({ startDate: "2023-02-29" })).toEqual(["startDate"]);
    expect(fields({ dueDay: 32 })).toEqual(["dueDay"]);
    expect(fields({ commissionPercent: 8 })).toEqual(["commissionPercent"]);
    expect(fields({ maxDiscountPercent: 100 })).toEqual(["maxDiscountPercent"]);
    expect(fields({ commissionPercent: 7, maxDiscountPercent: 6 })).toEqual(["maxDiscountPercent"]);
    expect(fields({ taxOnCommissionPercent: -1 })).toEqual(["taxOnCommissionPercent"]);
    expect(fields({ frequency: "hourly" as never })).toEqual(["frequency"]);
  });

  it("gives each problem a message a member can read", () => {
    expect(validateTerms(chit({ members: 1 }))[0]?.message).toMatch(/from 2 to 1000/);
  });
});

describe("a recorded discount is checked against the chit's floor and ceiling", () => {
  const terms = chit({});

  it("accepts bids from the commission up to 40% of the chit value", () => {
    expect(validateDiscount(terms, 2, rupees(5_000))).toEqual([]);
    expect(validateDiscount(terms, 2, rupees(40_000))).toEqual([]);
  });

  it("refuses a bid below the commission or above the ceiling", () => {
    expect(validateDiscount(terms, 2, rupees(4_999))[0]?.message).toMatch(/below the foreman's commission \(₹5,000\)/);
    expect(validateDiscount(terms, 2, rupees(40_001))[0]?.message).toMatch(/40% of the chit value \(₹40,000\)/);
  });

  it("has no commission floor when the bid excludes the commission", () => {
    expect(validateDiscount(chit({ bidIncludesCommission: false }), 2, 0)).toEqual([]);
  });

  it("insists the foreman's instalment 1 has no discount", () => {
    expect(validateDiscount(terms, 1, 0)).toEqual([]);
    expect(validateDiscount(terms, 1, rupees(5_000))[0]?.field).toBe("discount");
  });

  it("refuses instalments the chit does not have and fractional paise", () => {
    expect(validateDiscount(terms, 21, rupees(5_000))[0]?.field).toBe("number");
    expect(validateDiscount(terms, 2, 500_000.5)[0]?.field).toBe("discount");
  });
});
