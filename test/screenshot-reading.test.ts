// Reading made-up UPI screenshots with the real OCR (tesseract.js, offline) and the field readers: at least 95 % of all
// fields right on the set the readers were tuned on, and at least 90 % of amounts, references and dates on a held-out
// set of other apps' layouts that nobody tuned on.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tesseractScreenshotReader } from "../src/adapters/ocr/tesseract-screenshot-reader.ts";
import { readPaymentScreenshot, type ScreenshotFields } from "../src/domain/screenshot/read-payment-screenshot.ts";
import { FIELDS, type Field, type Fixture, fieldsRight, upiFixtures } from "./support/upi-fixtures.ts";

const reader = tesseractScreenshotReader({ workers: 2, queue: 200, timeoutMs: 60_000, idleMs: 60_000 });
afterAll(() => reader.close());

async function readAll(fixtures: Fixture[]) {
  const results = await Promise.all(
    fixtures.map(async (f) => {
      const got: ScreenshotFields = readPaymentScreenshot(await reader.readLines(readFileSync(f.path)));
      return { f, got, right: fieldsRight(got, f.truth) };
    }),
  );
  const perField = Object.fromEntries(
    FIELDS.map((k) => [k, results.filter((r) => r.right[k]).length / results.length]),
  ) as Record<Field, number>;
  const overall =
    results.reduce((n, r) => n + FIELDS.filter((k) => r.right[k]).length, 0) / (results.length * FIELDS.length);
  const misses = results.flatMap((r) =>
    FIELDS.filter((k) => !r.right[k]).map(
      (k) =>
        `${r.f.file} ${k}: read ${JSON.stringify(r.got[k])}, truth ` +
        `${JSON.stringify(k === "amount" ? r.f.truth.amount * 100 : r.f.truth[k])}`,
    ),
  );
  return { perField, overall, misses, count: results.length };
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

describe("reading UPI screenshots", () => {
  it("reads at least 95 % of the fields right on the tuning set (Google Pay, PhonePe, " +
    "Paytm, BHIM, a bank; light and dark)", async () => {
    const { perField, overall, misses, count } = await readAll(upiFixtures("tuning"));
    console.log(
      `tuning set: ${count} screenshots, ${percent(overall)} of fields`,
      Object.fromEntries(Object.entries(perField).map(([k, v]) => [k, percent(v)])),
    );
    if (misses.length) console.log(misses.join("\n"));
    expect(count).toBeGreaterThanOrEqual(40);
    expect(overall).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  for (const set of ["held-out", "held-out-2"] as const) {
    it(`reads at least 90 % of amounts, references and dates on layouts it was never tuned on (${set})`, async () => {
      const { perField, overall, misses, count } = await readAll(upiFixtures(set));
      console.log(
        `${set} set: ${count} screenshots, ${percent(overall)} of fields`,
        Object.fromEntries(Object.entries(perField).map(([k, v]) => [k, percent(v)])),
      );
      if (misses.length) console.log(misses.join("\n"));
      expect(count).toBeGreaterThanOrEqual(25);
      expect(perField.amount).toBeGreaterThanOrEqual(0.9);
      expect(perField.reference).toBeGreaterThanOrEqual(0.9);
      expect(perField.paidOn).toBeGreaterThanOrEqual(0.9);
    }, 300_000);
  }
});
