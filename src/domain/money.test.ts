// Tests for integer-paise money: conversion, Indian formatting and parsing, rounding.
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import {
  assertPaise,
  divideRounded,
  formatINR,
  paiseToRupees,
  parseINR,
  percentOf,
  plainRupees,
  rupeesToPaise,
  sumPaise,
} from "./money.ts";

describe("rupees from the API become integer paise", () => {
  it("converts whole and 2-decimal rupee amounts exactly", () => {
    expect(rupeesToPaise(100000)).toBe(10_000_000);
    expect(rupeesToPaise(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(rupeesToPaise(1300.5)).toBe(130_050);
    expect(rupeesToPaise(-5.5)).toBe(-550);
    expect(Object.is(rupeesToPaise(-0), 0)).toBe(true);
  });

  it("refuses NaN, infinities, more than 2 decimals and amounts too large for exact paise", () => {
    expect(rupeesToPaise(Number.NaN)).toBeNull();
    expect(rupeesToPaise(Number.POSITIVE_INFINITY)).toBeNull();
    expect(rupeesToPaise(1.005)).toBeNull();
    expect(rupeesToPaise(0.001)).toBeNull();
    expect(rupeesToPaise(1e20)).toBeNull();
  });

  it("turns paise back into rupees for the JSON API", () => {
    expect(paiseToRupees(10_000_050)).toBe(100000.5);
    expect(paiseToRupees(29)).toBe(0.29);
  });

  it("treats a fractional paise amount as a programmer error", () => {
    expect(() => paiseToRupees(1.5)).toThrow(DomainError);
    expect(() => assertPaise(0.1)).toThrow(expect.objectContaining({ code: "not-integer-paise" }));
  });
});

describe("amounts display in Indian grouping with the rupee sign", () => {
  it("groups lakhs and crores", () => {
    expect(formatINR(10_000_000)).toBe("₹1,00,000");
    expect(formatINR(1_000_000_000)).toBe("₹1,00,00,000");
    expect(formatINR(123_456_789)).toBe("₹12,34,567.89");
  });

  it("shows paise only when the amount is not whole rupees", () => {
    expect(formatINR(10_000_050)).toBe("₹1,00,000.50");
    expect(formatINR(5)).toBe("₹0.05");
    expect(formatINR(0)).toBe("₹0");
  });

  it("can leave out the symbol and shows negatives with a leading minus", () => {
    expect(formatINR(10_000_000, { withSymbol: false })).toBe("1,00,000");
    expect(formatINR(-150)).toBe("-₹1.50");
  });
});

describe("amounts typed by a member are parsed into paise", () => {
  it("accepts plain digits, Indian grouping, the rupee sign and Rs.", () => {
    expect(parseINR("100000")).toBe(10_000_000);
    expect(parseINR("1,00,000.00")).toBe(10_000_000);
    expect(parseINR("₹ 1,00,000")).toBe(10_000_000);
    expect(parseINR(" ₹1,00,000.5 ")).toBe(10_000_050);
    expect(parseINR("Rs. 1,300")).toBe(130_000);
    expect(parseINR("12,34,567.89")).toBe(123_456_789);
  });

  it("accepts international grouping that people paste", () => {
    expect(parseINR("100,000")).toBe(10_000_000);
  });

  it("refuses misplaced commas, extra decimals, negatives and words", () => {
    for (const text of ["1,00", "1,0000", "10.005", "-500", "", "₹", "abc", "1.2.3", ".50", "1e5"]) {
      expect(parseINR(text), text).toBeNull();
    }
  });
});

describe("division rounds half away from zero", () => {
  it("rounds halves away from zero on both sides", () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(5, -2)).toBe(-3);
    expect(divideRounded(7, 3)).toBe(2);
    expect(divideRounded(8, 3)).toBe(3);
    expect(divideRounded(2_000_000, 19)).toBe(105_263);
  });

  it("stays exact for large amounts where floating division would not", () => {
    const big = Number.MAX_SAFE_INTEGER; // 9007199254740991 = 3 * 3002399751580330 + 1
    expect(divideRounded(big, 3)).toBe(3_002_399_751_580_330);
    expect(divideRounded(big - 1, 2)).toBe(4_503_599_627_370_495);
  });

  it("refuses division by zero", () => {
    expect(() => divideRounded(1, 0)).toThrow(expect.objectContaining({ code: "division-by-zero" }));
  });

  it("takes percentages to the paisa", () => {
    expect(percentOf(10_000_000, 5)).toBe(500_000);
    expect(percentOf(500_000, 12.36)).toBe(61_800);
    expect(percentOf(333, 18)).toBe(60); // 59.94 paise
    expect(percentOf(250, 18)).toBe(45);
  });

  it("sums paise", () => {
    expect(sumPaise([100, 250, -50])).toBe(300);
  });
});

describe("plain rupees for spreadsheets", () => {
  it("writes amounts as plain rupees with two decimals", () => {
    expect(plainRupees(10_000_000)).toBe("100000.00");
    expect(plainRupees(50)).toBe("0.50");
    expect(plainRupees(-150)).toBe("-1.50");
  });
});
