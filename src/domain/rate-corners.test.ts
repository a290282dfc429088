// Rate corners from issue 15: roots beyond 1,000% a year and near -100%, close and touching roots, same-day netting
// for MIRR, and the solver's cost growing with dates, not payments.
import { describe, expect, it } from "vitest";
import { completeTerms, type InstalmentRecord } from "./chit.ts";
import {
  allRates,
  type Flow,
  MAX_RATE,
  MIN_RATE,
  memberFlows,
  mirr,
  netByDate,
  npv,
  PLAUSIBLE_MAX_RATE,
  type RateResult,
  spreadsheetRoot,
  xirr,
} from "./rates.ts";
import { instalmentLines, scheduleFor } from "./schedule.ts";

const rates = (result: RateResult) => allRates(result);

/** Flows a year of 365 days apart whose NPV in x = 1 / (1 + r) is (x - x1)(x - x2): roots exactly r1 and r2. */
function twoRootFlows(r1: number, r2: number): Flow[] {
  const x1 = 1 / (1 + r1);
  const x2 = 1 / (1 + r2);
  return [
    { date: "2023-01-01", amount: 1e6 * x1 * x2 },
    { date: "2024-01-01", amount: -1e6 * (x1 + x2) },
    { date: "2024-12-31", amount: 1e6 },
  ];
}

describe("the bracket is wide enough for real chits", () => {
  it("finds a rate above 1,000% a year (an early winner a month after taking the prize)", () => {
    const result = xirr([
      { date: "2024-01-01", amount: -10_000 },
      { date: "2024-02-01", amount: 15_000 },
    ]);
    expect(result.kind).toBe("rate");
    expect(rates(result)[0]).toBeCloseTo(1.5 ** (365 / 31) - 1, 6); // about 11,700% a year
    expect(MAX_RATE).toBe(10_000); // 10^6 %
  });

  it("finds a rate near -100%", () => {
    const result = xirr([
      { date: "2023-01-01", amount: -10_000 },
      { date: "2024-01-01", amount: 10 },
    ]);
    expect(rates(result)[0]).toBeCloseTo(0.001 - 1, 9);
    expect(MIN_RATE).toBeLessThan(-0.9999);
  });
});

describe("close and touching roots", () => {
  it("finds two rates 0.1 points apart that a sign-only scan misses", () => {
    const found = rates(xirr(twoRootFlows(0.1, 0.101)));
    expect(found).toHaveLength(2);
    expect(found[0]).toBeCloseTo(0.1, 9);
    expect(found[1]).toBeCloseTo(0.101, 9);
  });

  it("finds two rates 0.01 points apart", () => {
    const found = rates(xirr(twoRootFlows(0.25, 0.2501)));
    expect(found).toHaveLength(2);
    expect(found[0]).toBeCloseTo(0.25, 8);
    expect(found[1]).toBeCloseTo(0.2501, 8);
  });

  it("reports a touching root (NPV reaches zero and turns back) as the one rate", () => {
    const result = xirr(twoRootFlows(0.1, 0.1));
    expect(result.kind).toBe("rate");
    expect(rates(result)[0]).toBeCloseTo(0.1, 6);
  });

  it("still says no rate where NPV turns back before reaching zero", () => {
    const flows = twoRootFlows(0.1, 0.101).map((f, i) => (i === 2 ? { ...f, amount: f.amount * 1.001 } : f));
    expect(xirr(flows)).toEqual({ kind: "no-rate", reason: "npv positive at every rate" });
  });

  it("agrees with NPV: every reported rate makes NPV zero", () => {
    for (const [a, b] of [
      [0.05, 0.3],
      [-0.5, 2],
      [0.999, 1.002],
    ] as const) {
      const flows = twoRootFlows(a, b);
      const found = rates(xirr(flows));
      expect(found).toHaveLength(2);
      for (const r of found) expect(Math.abs(npv(flows, r))).toBeLessThan(1e-6);
    }
  });
});

describe("an ordinary rate beside extreme ones", () => {
  it("is the rate, with the extreme roots listed: a winner of instalment 4 who paid three instalments first", () => {
    const flows: Flow[] = [
      { date: "2026-01-10", amount: -5_000 },
      { date: "2026-02-10", amount: -5_000 },
      { date: "2026-03-10", amount: -3_750 },
      { date: "2026-04-10", amount: 80_000 - 5_000 },
      ...Array.from({ length: 16 }, (_, i) => ({
        date: `${2026 + Math.floor((i + 4) / 12)}-${String(((i + 4) % 12) + 1).padStart(2, "0")}-10`,
        amount: -5_000,
      })),
    ];
    const result = xirr(flows);
    expect(result.kind).toBe("rate");
    if (result.kind !== "rate") return;
    expect(result.rate).toBeGreaterThan(0);
    expect(result.rate).toBeLessThan(1);
    expect(result.extremeRates?.length).toBe(1);
    expect(result.extremeRates?.[0]).toBeGreaterThan(PLAUSIBLE_MAX_RATE);
    for (const r of allRates(result)) expect(Math.abs(npv(flows, r))).toBeLessThan(1e-6);
  });
});

describe("where two ordinary rates fit", () => {
  it("both are reported, and the one a spreadsheet's XIRR gives (Newton from 10%) is named for advice", () => {
    for (const [a, b, spreadsheet] of [
      [0.1523, 6.537, 0.1523],
      [-0.9386, -0.1046, -0.1046],
    ] as const) {
      const flows = twoRootFlows(a, b);
      const result = xirr(flows);
      expect(result.kind).toBe("multiple-rates");
      expect(spreadsheetRoot(flows, allRates(result))).toBeCloseTo(spreadsheet, 9);
    }
  });
});

describe("same-day flows", () => {
  it("are netted: a payment and a prize on one day count as their net, for XIRR and MIRR", () => {
    const separate: Flow[] = [
      { date: "2024-01-10", amount: -5_000 },
      { date: "2024-02-10", amount: -5_000 },
      { date: "2024-02-10", amount: 95_000 },
      { date: "2025-02-10", amount: -100_000 },
    ];
    expect(netByDate(separate)).toEqual([
      { date: "2024-01-10", amount: -5_000 },
      { date: "2024-02-10", amount: 90_000 },
      { date: "2025-02-10", amount: -100_000 },
    ]);
    expect(mirr(separate, 0.07, 0.07)).toEqual(mirr(netByDate(separate), 0.07, 0.07));
    expect(xirr(separate)).toEqual(xirr(netByDate(separate)));
  });
});

/** A finished chit's actual flows for the member who wins `win`: every payable paid on its due date, the prize then. */
function winnerOf(overrides: Parameters<typeof completeTerms>[0], bids: (k: number) => number, win: number): Flow[] {
  const terms = completeTerms(overrides);
  const records: InstalmentRecord[] = [];
  for (let k = 2; k <= terms.instalments; k++) records.push({ number: k, discount: bids(k), wonByMe: k === win });
  const lines = instalmentLines(terms, records);
  const payments = lines.map((l) => ({ instalment: l.number, amount: l.payable, paidOn: l.dueDate }));
  const prize = lines[win - 1]!;
  return memberFlows(scheduleFor(terms, records, payments, "2030-01-01"), payments, {
    amount: prize.prize!,
    on: prize.dueDate,
  });
}

// Reference figures from LibreOffice Calc 7.4's XIRR on the same flows in rupees (Debian's libreoffice-calc-nogui).
describe("daily and weekly chits, checked against LibreOffice's XIRR", () => {
  it("finds a rate far beyond 10^6 % a year: one day's wait for a prize, 10 x 100 a day won on day 2", () => {
    const flows = winnerOf(
      {
        chitValue: 1_000_00,
        members: 10,
        startDate: "2025-03-01",
        dueDay: 1,
        frequency: "daily",
        maxDiscountPercent: 30,
      },
      (k) => Math.max(50_00, 300_00 - (k - 2) * 25_00),
      2,
    );
    const result = xirr(flows);
    expect(result.kind).toBe("rate");
    if (result.kind !== "rate") return;
    expect(result.rate / 73_810_139_305.3367).toBeCloseTo(1, 9); // Calc: 73810139305.3367 (7.4 x 10^12 %)
    expect(result.rate).toBeGreaterThan(MAX_RATE);
    expect(Math.abs(npv(flows, result.rate))).toBeLessThan(1e-6);
    // and the simplest case: 1.1 for 1 a day later is 1.1^365 - 1 a year
    const simple = xirr([
      { date: "2024-01-01", amount: -1_000 },
      { date: "2024-01-02", amount: 1_100 },
    ]);
    expect(simple.kind === "rate" && simple.rate / (1.1 ** 365 - 1)).toBeCloseTo(1, 9);
  });

  it(
    "names no rate of its own where a spreadsheet names another: a weekly winner at the " +
      "floor earns 11,988% a year, not -92.8%",
    () => {
      // 20 x 1,000 a week, bids falling from 6,000 by 250 a week; the member takes instalment 10 at the floor (1,000)
      const flows = winnerOf(
        {
          chitValue: 20_000_00,
          members: 20,
          startDate: "2025-01-06",
          dueDay: 6,
          frequency: "weekly",
          maxDiscountPercent: 30,
        },
        (k) => (k === 10 ? 1_000_00 : Math.max(1_000_00, 6_000_00 - (k - 2) * 250_00)),
        10,
      );
      const result = xirr(flows);
      expect(result.kind).toBe("multiple-rates");
      const found = allRates(result);
      expect(found[0]).toBeCloseTo(-0.9282555933, 8);
      expect(spreadsheetRoot(flows, found)).toBeCloseTo(119.883909313548, 7); // Calc: 119.883909313548
    },
  );

  it(
    "lists a root beyond 10^6 % beside the ordinary one a spreadsheet names: the same " + "chit won at instalment 8",
    () => {
      const flows = winnerOf(
        {
          chitValue: 20_000_00,
          members: 20,
          startDate: "2025-01-06",
          dueDay: 6,
          frequency: "weekly",
          maxDiscountPercent: 30,
        },
        (k) => (k === 8 ? 1_000_00 : Math.max(1_000_00, 6_000_00 - (k - 2) * 250_00)),
        8,
      );
      const result = xirr(flows);
      expect(result.kind).toBe("rate");
      if (result.kind !== "rate") return;
      expect(result.rate).toBeCloseTo(-0.726452710218199, 9); // Calc: -0.726452710218199
      expect(result.extremeRates?.[0]).toBeGreaterThan(MAX_RATE);
    },
  );
});

describe("cost", () => {
  it("grows with dates, not payments: 20,000 payments on 50 dates solve like 50 flows", () => {
    const many: Flow[] = [];
    for (let month = 0; month < 50; month++) {
      const date = `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-10`;
      for (let i = 0; i < 400; i++) many.push({ date, amount: month === 10 && i === 0 ? 1_000_000 : -1 });
    }
    expect(xirr(many)).toEqual(xirr(netByDate(many)));
  });
});
