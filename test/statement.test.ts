// The PDF statement of a chit and the annual summary: they open, render, carry the rupee sign in a bundled font, and
// hold what a dispute needs (terms, every instalment with its payments, prize, totals, rate, receipts, page numbers).
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/ports/clock.ts";
import { createChit, expectError, pay, recordInstalment } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { disposition } from "./support/disposition.ts";
import { pageCount, pdfStreams, pdfText, renderFirstPage } from "./support/pdf.ts";
import { multipart } from "./support/receipt-fixtures.ts";

const clock: Clock = { now: () => new Date("2026-06-20T06:30:00Z") };
let t: TestApp;
let asha: Client;
let chitId = "";

beforeAll(async () => {
  t = await startTestApp({ clock });
  asha = await signedInMember(t, "asha@example.com", { name: "Asha Rao" });
  const chit = await createChit(asha, {
    name: "Shriram A12",
    organizer: "Shriram Chits Pvt Ltd",
    ticketNo: "A12/7",
    chitValue: 100000,
    members: 20,
    startDate: "2026-01-05",
    dueDay: 5,
  });
  chitId = chit.id;
  await recordInstalment(asha, chitId, 2, { discount: 30000 });
  await recordInstalment(asha, chitId, 3, {
    discount: 25000,
    wonByMe: true,
    prizeReceived: 70000,
    prizeReceivedOn: "2026-03-10",
  });
  const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: "#d9e7ff" } })
    .jpeg()
    .toBuffer();
  const res = await asha.fetch(`/api/v1/chits/${chitId}/payments`, {
    method: "POST",
    body: multipart({ instalment: "1", amount: "5000", paidOn: "2026-01-05", method: "upi", reference: "UTR100001" }, [
      { name: "gpay.jpg", bytes: photo },
    ]),
  });
  expect(res.status).toBe(201);
  await pay(asha, chitId, { instalment: 2, amount: 3575, paidOn: "2026-02-05", method: "cash", reference: "RCPT-22" });
  await pay(asha, chitId, { instalment: 3, amount: 2000, paidOn: "2026-03-05", method: "bank", reference: "NEFT1" });
  await pay(asha, chitId, {
    instalment: 3,
    amount: 1812.5,
    paidOn: "2026-03-06",
    method: "upi",
    reference: "UTR100003",
  });
});
afterAll(async () => {
  await t.close();
});

async function pdfOf(path: string) {
  const res = await asha.fetch(path);
  expect(
    res.status,
    await res
      .clone()
      .text()
      .then((s) => s.slice(0, 300)),
  ).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(disposition(res).type).toBe("attachment");
  expect(disposition(res).filename).toMatch(/^[a-z0-9-]+\.pdf$/);
  return Buffer.from(await res.arrayBuffer());
}

/** The Unicode code points the PDF's fonts can show (from their ToUnicode maps), lower-case hex. */
const mappedCodePoints = (pdf: Buffer) =>
  pdfStreams(pdf)
    .filter((s) => s.includes("begincmap"))
    .join("\n")
    .toLowerCase();

describe("GET /api/v1/chits/{id}/statement.pdf", () => {
  it("is a complete PDF in a bundled font that has the rupee sign, with the receipt's thumbnail", async () => {
    const pdf = await pdfOf(`/api/v1/chits/${chitId}/statement.pdf`);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+(NotoSans|DejaVuSans)/); // embedded, not a built-in font
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(mappedCodePoints(pdf)).toContain("<20b9>"); // ₹ is drawn
    expect(raw).toMatch(/\/Subtype \/Image/); // the receipt thumbnail
  });

  it("renders with pdftoppm and reads as a statement (when poppler-utils is installed)", async (ctx) => {
    const pdf = await pdfOf(`/api/v1/chits/${chitId}/statement.pdf`);
    const png = renderFirstPage(pdf);
    const text = pdfText(pdf);
    if (!png || !text) {
      console.warn("*** poppler-utils (pdftoppm, pdftotext) not installed: statement rendering check SKIPPED ***");
      ctx.skip();
      return;
    }
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBeGreaterThan(500);
    const stats = await sharp(png).stats();
    expect(stats.channels[0]!.min).toBeLessThan(100); // something dark was drawn (text), not a blank page
    const flat = text.replace(/\s+/g, " ");
    for (const expected of [
      "Chit statement: Shriram A12",
      "Asha Rao",
      "asha@example.com",
      "Shriram Chits Pvt Ltd",
      "A12/7",
      "₹1,00,000",
      "₹30,000",
      "UTR100001",
      "RCPT-22",
      "Bank transfer",
      "Prize won",
      "₹70,000",
      "10 Mar 2026",
      "Rate (XIRR)",
      "Total payable",
      "Appendix: receipts",
      "gpay.jpg",
      "Generated on 20 Jun 2026, 12:00",
      "Page 1 of",
    ]) {
      expect(flat, expected).toContain(expected);
    }
    const pages = pageCount(pdf);
    expect(flat).toContain(`Page ${pages} of ${pages}`);
  });

  it("answers 404 for another member's chit", async () => {
    const other = await signedInMember(t, "bharat@example.com");
    expect((await expectError(other.fetch(`/api/v1/chits/${chitId}/statement.pdf`), 404)).code).toBe("not-found");
  });

  it("works for a chit with no payments yet, saying there is no rate", async () => {
    const chit = await createChit(asha, {
      name: "Empty chit",
      chitValue: 500000,
      members: 25,
      startDate: "2026-06-01",
      dueDay: 1,
    });
    const pdf = await pdfOf(`/api/v1/chits/${chit.id}/statement.pdf`);
    const text = pdfText(pdf);
    if (text) {
      expect(text).toContain("No receipts are attached");
      expect(text.replace(/\s+/g, " ")).toMatch(/Nothing paid yet|No rate yet/);
    }
  });
});

describe("GET /api/v1/reports/annual.pdf", () => {
  it("sums the year across chits, month by month, with every payment", async () => {
    const pdf = await pdfOf("/api/v1/reports/annual.pdf?year=2026");
    expect(mappedCodePoints(pdf)).toContain("<20b9>");
    const text = pdfText(pdf);
    if (text) {
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain("Annual summary 2026");
      expect(flat).toContain("Shriram A12");
      expect(flat).toContain("₹12,387.50"); // 5,000 + 3,575 + 2,000 + 1,812.50
      expect(flat).toContain("March 2026 ₹3,812.50");
      expect(flat).toContain("UTR100003");
      expect(flat).toContain("Page 1 of");
    }
  });

  it("defaults to this year and refuses a year that is not one", async () => {
    const res = await asha.fetch("/api/v1/reports/annual.pdf");
    expect(res.headers.get("content-disposition")).toContain("annual-summary-2026.pdf");
    expect((await expectError(asha.fetch("/api/v1/reports/annual.pdf?year=twenty"), 400)).fields).toHaveProperty(
      "year",
    );
  });
});
