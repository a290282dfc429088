import { describe, expect, it } from "vitest";
import {
  matchColumns,
  parseImportAmount,
  parseImportDate,
  parseImportInstalment,
  parseImportMethod,
} from "./payment-import.ts";

describe("matching columns", () => {
  it("finds columns by header name, whatever the case, spacing or common synonym", () => {
    const { columns, problems } = matchColumns([
      "Paid On",
      "AMOUNT (Rs)",
      "Chit Name",
      "UTR No.",
      "Mode",
      "Remarks",
      "Inst No",
    ]);
    expect(problems).toEqual([]);
    expect(columns).toEqual({ date: 0, amount: 1, chit: 2, reference: 3, method: 4, notes: 5, instalment: 6 });
  });

  it("follows the member's mapping first and names the file's columns when one is missing", () => {
    expect(matchColumns(["When", "Rs", "Group"], { date: "when", amount: "Rs" }).columns).toEqual({
      date: 0,
      amount: 1,
      chit: 2,
    });
    const { problems } = matchColumns(["When", "How much"], { date: "Date paid" });
    expect(problems.map((p) => p.field)).toEqual(["date", "amount", "chit"]);
    expect(problems[0]!.message).toMatch(/no column "Date paid".*"When", "How much"/);
    expect(problems[1]!.message).toMatch(/No amount column/);
  });
});

describe("reading values", () => {
  it("reads DD/MM/YYYY (the Indian default), DD-MM-YYYY and YYYY-MM-DD", () => {
    expect(parseImportDate("05/01/2026")).toEqual({ date: "2026-01-05" });
    expect(parseImportDate("5-1-2026")).toEqual({ date: "2026-01-05" });
    expect(parseImportDate("2026-01-05")).toEqual({ date: "2026-01-05" });
    expect(parseImportDate("05.01.2026 00:00")).toEqual({ date: "2026-01-05" });
    expect(parseImportDate("31/02/2026")).toMatchObject({ error: expect.stringMatching(/not a real day/) });
    expect(parseImportDate("05/01/26")).toMatchObject({ error: expect.stringMatching(/two-digit year/) });
    expect(parseImportDate("Jan 5")).toMatchObject({ error: expect.stringMatching(/not a date/) });
  });

  it("reads amounts with Indian grouping and the rupee sign", () => {
    expect(parseImportAmount("1,00,000.00")).toEqual({ amount: 10_000_000 });
    expect(parseImportAmount("₹5,000")).toEqual({ amount: 500_000 });
    expect(parseImportAmount("Rs. 250.5")).toEqual({ amount: 25_050 });
    expect(parseImportAmount("1.000,50")).toMatchObject({ error: expect.any(String) });
    expect(parseImportAmount("0")).toMatchObject({ error: expect.stringMatching(/more than zero/) });
  });

  it("reads methods people write and instalment numbers within the chit", () => {
    expect(parseImportMethod("GPay")).toEqual({ method: "upi" });
    expect(parseImportMethod("NEFT")).toEqual({ method: "bank" });
    expect(parseImportMethod("")).toEqual({ method: "other" });
    expect(parseImportMethod("barter")).toMatchObject({ error: expect.any(String) });
    expect(parseImportInstalment("3", 20)).toEqual({ instalment: 3 });
    expect(parseImportInstalment("", 20)).toEqual({ instalment: null });
    expect(parseImportInstalment("21", 20)).toMatchObject({ error: expect.stringMatching(/past the chit's last/) });
  });
});
