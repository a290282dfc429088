// POST /api/v1/receipts/read: a member's screenshot read into amount (rupees), reference, date, payee and UPI id;
// only images, size-capped, signed in only; OCR offline, bounded and timed out.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tesseractScreenshotReader } from "../src/adapters/ocr/tesseract-screenshot-reader.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { UPI_FIXTURES } from "./support/upi-fixtures.ts";

const GPAY = join(UPI_FIXTURES, "tuning", "00-gpay-light.png");
const TRUTH = JSON.parse(readFileSync(GPAY.replace(/\.png$/, ".json"), "utf8"));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RECEIPT_MAX_MB: "1" } });
});
afterAll(() => t.close());

function upload(bytes: Uint8Array | string, name = "shot.png") {
  const form = new FormData();
  form.append("file", new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]), name);
  return form;
}

describe("POST /api/v1/receipts/read", () => {
  it("answers what a Google Pay screenshot shows, the amount in rupees", async () => {
    const member = await signedInMember(t, "reader@example.com");
    const res = await member.fetch("/api/v1/receipts/read", {
      method: "POST",
      headers: { origin: "http://localhost:3000" },
      body: upload(readFileSync(GPAY)),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      amount: TRUTH.amount,
      reference: TRUTH.reference,
      paidOn: TRUTH.paidOn,
      payee: TRUTH.payee,
      upiId: TRUTH.upiId,
    });
  });

  it("reads an iPhone's HEIC image too (a photo with no payment on it: every field null)", async () => {
    const member = await signedInMember(t, "heic@example.com");
    const heic = readFileSync(join(UPI_FIXTURES, "..", "receipt.heic"));
    const res = await member.fetch("/api/v1/receipts/read", { method: "POST", body: upload(heic, "IMG_0001.HEIC") });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ amount: null, reference: null, paidOn: null, payee: null, upiId: null });
  });

  it("refuses what is not an image, too large a file, a non-multipart body and a stranger", async () => {
    const member = await signedInMember(t, "refused@example.com");
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      member.fetch("/api/v1/receipts/read", {
        method: "POST",
        headers: { origin: "http://localhost:3000", ...headers },
        body,
      });
    const pdf = await post(upload("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF", "r.pdf"));
    expect(pdf.status).toBe(415);
    expect((await pdf.json()).error.code).toBe("not-an-image");
    expect((await post(upload("just some text", "a.png"))).status).toBe(415);
    const big = await post(upload(new Uint8Array(1_200_000)));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("file-too-large");
    const json = await post(JSON.stringify({ file: "x" }), { "content-type": "application/json" });
    expect(json.status).toBe(415);
    const none = await post(new FormData());
    expect(none.status).toBe(400);
    expect((await none.json()).error.fields.file).toBeTruthy();
    const stranger = await t
      .newClient()
      .fetch("/api/v1/receipts/read", { method: "POST", body: upload(readFileSync(GPAY)) });
    expect(stranger.status).toBe(401);
  });

  it("says reading is off when the server has no OCR workers", async () => {
    const off = await startTestApp({ env: { OCR_WORKERS: "0" } });
    try {
      const member = await signedInMember(off, "off@example.com");
      const res = await member.fetch("/api/v1/receipts/read", { method: "POST", body: upload(readFileSync(GPAY)) });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe("reader-unavailable");
    } finally {
      await off.close();
    }
  });
});

describe("the OCR reader", () => {
  it("ends a read that takes too long, and reads the next one with a fresh worker", async () => {
    const reader = tesseractScreenshotReader({ workers: 1, queue: 2, timeoutMs: 5, idleMs: 60_000 });
    await expect(reader.readLines(readFileSync(GPAY))).rejects.toMatchObject({ code: "reader-timeout" });
    await reader.close();
    const patient = tesseractScreenshotReader({ workers: 1, queue: 2, timeoutMs: 60_000, idleMs: 60_000 });
    expect((await patient.readLines(readFileSync(GPAY))).length).toBeGreaterThan(5);
    await patient.close();
  });

  it("refuses reads beyond its queue instead of piling them up", async () => {
    const reader = tesseractScreenshotReader({ workers: 1, queue: 1, timeoutMs: 60_000, idleMs: 60_000 });
    const image = readFileSync(GPAY);
    const results = await Promise.allSettled([
      reader.readLines(image),
      reader.readLines(image),
      reader.readLines(image),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "reader-busy" } });
    expect(reader.stats()).toEqual({ workers: 1, busy: 0, waiting: 0 });
    await reader.close();
  });

  it("reads with every network access blocked, in the main thread and the OCR worker thread", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--import", "./test/support/no-network.mjs", "test/support/read-offline.ts", GPAY],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.stderr).toContain("NO-NETWORK main");
    expect(run.stderr).toContain("NO-NETWORK worker");
    expect(run.stderr).not.toContain("NETWORK-ATTEMPT");
    expect(JSON.parse(run.stdout.trim().split("\n").at(-1)!)).toMatchObject({
      reference: TRUTH.reference,
      amount: TRUTH.amount * 100,
    });
  });
});
