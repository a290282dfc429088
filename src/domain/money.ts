// Money as integer paise: conversion from rupees, Indian-grouped formatting and parsing, exact rounding.
import { DomainError } from "./errors.ts";

/**
 * An amount of money in paise (1 rupee = 100 paise). Always a safe integer, possibly negative
 * (a cash flow out of the member's pocket). Plain `number` so it travels through JSON and storage
 * untouched; every function here that receives one checks it is an integer.
 */
export type Paise = number;

export const PAISE_PER_RUPEE = 100;

/** Throws when `value` is not a safe integer: fractional paise mean a float leaked into money. */
export function assertPaise(value: number, what = "amount"): Paise {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError("not-integer-paise", `${what} must be a whole number of paise, got ${value}`);
  }
  return value;
}

/**
 * Rupees (as a JSON number with at most 2 decimals) to paise, or null for NaN, infinities, values
 * with more than 2 decimals (1.005) and values too large for exact integer paise.
 * Like every parser here it answers null rather than throwing: the input may come from a person.
 */
export function rupeesToPaise(rupees: number): Paise | null {
  if (!Number.isFinite(rupees)) return null;
  const paise = Math.round(rupees * PAISE_PER_RUPEE);
  if (!Number.isSafeInteger(paise)) return null;
  // paise / 100 is the double nearest to the 2-decimal value, so it equals `rupees` exactly
  // when (and only when) `rupees` was written with at most 2 decimals.
  if (paise / PAISE_PER_RUPEE !== rupees) return null;
  return paise === 0 ? 0 : paise; // no -0
}

/** Paise to rupees as a number, for the JSON API only (never compute with the result). */
export function paiseToRupees(paise: Paise): number {
  return assertPaise(paise) / PAISE_PER_RUPEE;
}

/**
 * Integer division rounded half away from zero (7/2 -> 4, -7/2 -> -4).
 * Why this rule: it is the "round to nearest, 0.5 up" a member does with a calculator and the one
 * foremen's notices follow, and it is symmetric, so a refund rounds like a payment. Banker's
 * rounding (half to even) would make a dividend of 12.5 paise come out as 12 and surprise people.
 * Uses BigInt so it stays exact for any safe-integer operands.
 */
export function divideRounded(numerator: number, denominator: number): number {
  assertPaise(numerator, "numerator");
  assertPaise(denominator, "denominator");
  if (denominator === 0) throw new DomainError("division-by-zero", "cannot divide by zero");
  const result = divideRoundedBig(BigInt(numerator), BigInt(denominator));
  return Number(result);
}

function divideRoundedBig(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return negative ? -q : q;
}

/** How an amount is brought to whole paise or whole rupees: to the nearest (half away from zero), down or up. */
export type RoundingMode = "nearest" | "down" | "up";

/**
 * numerator / denominator rounded to a multiple of `unit` paise (1: the paisa, 100: the rupee) by `mode`
 * ("down" and "up" toward and away from zero for positive results). Exact, in BigInt.
 */
export function divideToUnit(numerator: number, denominator: number, unit: number, mode: RoundingMode): number {
  assertPaise(numerator, "numerator");
  assertPaise(denominator, "denominator");
  if (denominator === 0) throw new DomainError("division-by-zero", "cannot divide by zero");
  const d = BigInt(denominator) * BigInt(unit);
  const n = BigInt(numerator);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  const r = an % ad;
  if (r !== 0n) {
    const awayFromZero = mode === "nearest" ? r * 2n >= ad : mode === "up" ? !negative : negative;
    if (awayFromZero) q += 1n;
  }
  const units = negative ? -q : q;
  const result = Number(units * BigInt(unit));
  return result === 0 ? 0 : result;
}

/** An amount in paise brought to a multiple of `unit` paise: roundToUnit(108750, 100, "nearest") = 108800. */
export function roundToUnit(amount: Paise, unit: number, mode: RoundingMode = "nearest"): Paise {
  return divideToUnit(amount, 1, unit, mode);
}

/**
 * `percent` per cent of an amount, rounded half away from zero to the paisa. Percentages are taken
 * to 4 decimals (12.36% service tax is exact), and the arithmetic is done in BigInt.
 */
export function percentOf(amount: Paise, percent: number): Paise {
  assertPaise(amount);
  const scaled = Math.round(percent * 10_000); // percent in 1/10000ths
  const result = divideRoundedBig(BigInt(amount) * BigInt(scaled), 1_000_000n);
  return Number(result);
}

const groupRupees = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0, useGrouping: true });

/**
 * Indian grouping: 10000000 paise -> "₹1,00,000"; 10000050 -> "₹1,00,000.50"; -150 -> "-₹1.50".
 * Paise are shown only when the amount is not whole rupees. Integer arithmetic, so no float noise.
 */
export function formatINR(paise: Paise, options: { withSymbol?: boolean } = {}): string {
  assertPaise(paise);
  const withSymbol = options.withSymbol ?? true;
  const magnitude = Math.abs(paise);
  const rupees = groupRupees.format(Math.trunc(magnitude / PAISE_PER_RUPEE));
  const cents = magnitude % PAISE_PER_RUPEE;
  const fraction = cents === 0 ? "" : `.${String(cents).padStart(2, "0")}`;
  return `${paise < 0 ? "-" : ""}${withSymbol ? "₹" : ""}${rupees}${fraction}`;
}

const PREFIX = /^(?:₹|rs\.?|inr)\s*/i;
const PLAIN = /^\d+$/;
const INDIAN = /^\d{1,2}(?:,\d{2})*,\d{3}$/; // 1,00,000 and 12,34,567
const INTERNATIONAL = /^\d{1,3}(?:,\d{3})+$/; // 100,000 (people paste this too)

/**
 * A non-negative rupee amount typed by a person -> paise, or null. Accepts "100000", "1,00,000.00",
 * "₹ 1,00,000", "Rs. 500.5", "100,000". Commas must sit where Indian or international grouping puts
 * them, so "1,00" (a European decimal comma) is refused instead of being read as 100 rupees.
 */
export function parseINR(text: string): Paise | null {
  const cleaned = text.trim().replace(PREFIX, "").trim();
  const match = /^([\d,]+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (!PLAIN.test(whole) && !INDIAN.test(whole) && !INTERNATIONAL.test(whole)) return null;
  const rupees = Number(whole.replaceAll(",", ""));
  const paise = rupees * PAISE_PER_RUPEE + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(paise) ? paise : null;
}

/** Sum of paise amounts (exact while the total stays a safe integer). */
export function sumPaise(amounts: readonly Paise[]): Paise {
  let total = 0;
  for (const amount of amounts) total += assertPaise(amount);
  return assertPaise(total, "total");
}

/** Paise as a plain rupee number for a spreadsheet: 500000 -> "5000.00" (no symbol, no grouping, always 2 decimals). */
export function plainRupees(paise: Paise): string {
  if (!Number.isSafeInteger(paise)) throw new TypeError(`not integer paise: ${paise}`);
  const sign = paise < 0 ? "-" : "";
  const abs = Math.abs(paise);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
