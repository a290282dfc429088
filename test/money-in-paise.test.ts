// Money stays in paise from the domain to the edge: the rate's NPV and net gain come out of the use case in paise, and
// only the JSON presenter (rupees) and the formatters (₹ text) convert them.
import { describe, expect, it } from "vitest";
import { rateView } from "../src/app/chit-rate.ts";
import { rateJson } from "../src/web/api/json/schedule-json.ts";
import { formatMoney } from "../src/web/format.ts";

// DOMAIN.md's XIRR check: ₹1,000 paid on 1 Jan, 1 Feb, 1 Mar and 1 Apr 2024, then ₹4,400 received on 1 May 2024.
const flows = [
  { date: "2024-01-01", amount: -100_000 },
  { date: "2024-02-01", amount: -100_000 },
  { date: "2024-03-01", amount: -100_000 },
  { date: "2024-04-01", amount: -100_000 },
  { date: "2024-05-01", amount: 440_000 },
];

describe("the real rate's money", () => {
  it("is whole paise out of the use case, rupees in the API and ₹ text on pages", () => {
    const view = rateView(flows, 0.07);
    expect(view.netGain).toBe(40_000);
    expect(Number.isInteger(view.npv)).toBe(true);
    expect(view.npv).toBeGreaterThan(30_000);
    expect(view.npv).toBeLessThan(40_000);
    const projected = { ...view, assumption: "no-more-dividends" as const, notes: [] };
    const json = rateJson({ ...view, basis: "actual", projected });
    expect(json.netGain).toBe(400);
    expect(json.npv).toBe(view.npv! / 100);
    expect(formatMoney(view.netGain)).toBe("₹400");
  });
});
