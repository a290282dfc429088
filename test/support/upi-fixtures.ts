// The made-up UPI screenshots under test/fixtures/upi (made by test/support/upi-screens/generate.ts), each with its
// truth.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ScreenshotFields } from "../../src/domain/screenshot/read-payment-screenshot.ts";
import type { Truth } from "./upi-screens/samples.ts";

export const UPI_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "upi");

export type Fixture = { file: string; path: string; template: string; truth: Truth };

export function upiFixtures(set: "tuning" | "held-out" | "held-out-2"): Fixture[] {
  const dir = join(UPI_FIXTURES, set);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const truth = JSON.parse(readFileSync(join(dir, f), "utf8")) as Truth & { file: string; template: string };
      return { file: truth.file, path: join(dir, truth.file), template: truth.template, truth };
    });
}

const loose = (s: string | null) => (s ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");

export const FIELDS = ["amount", "reference", "paidOn", "payee", "upiId"] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Which fields were read right: exact for numbers, ids and dates; the payee's name as any spelling the screenshot
 * shows.
 */
export function fieldsRight(got: ScreenshotFields, truth: Truth): Record<Field, boolean> {
  return {
    amount: got.amount === Math.round(truth.amount * 100),
    reference: got.reference === truth.reference,
    paidOn: got.paidOn === truth.paidOn,
    payee: [truth.payee, ...truth.payeeAliases].some((p) => loose(p) === loose(got.payee)),
    upiId: got.upiId === truth.upiId,
  };
}
