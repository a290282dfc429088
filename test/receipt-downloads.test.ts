// A receipt downloads the same way from the page and from the API: one helper, so one file-name rule (the uploaded
// name in UTF-8 under RFC 6266's filename*, so Devanagari and Tamil names survive, beside an ASCII filename), one cache
// policy, nosniff, and PDFs always as attachments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChit, expectStatus, type PaymentResultBody } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { disposition } from "./support/disposition.ts";
import { minimalPdf, multipart, pngScreenshot } from "./support/receipt-fixtures.ts";

let t: TestApp;
let member: Client;
let chitId: string;
beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => new Date("2025-03-15T06:30:00Z") } });
  member = await signedInMember(t, "meena@example.com");
  chitId = (await createChit(member, { name: "Margadarsi 2L" })).id;
});
afterAll(async () => {
  await t.close();
});

async function receiptNamed(name: string, bytes: Buffer, type: string) {
  const body = multipart({ amount: "5000", paidOn: "2025-03-01" }, [{ name, bytes, type }]);
  const { payment } = await expectStatus<PaymentResultBody>(
    member.fetch(`/api/v1/chits/${chitId}/payments`, { method: "POST", body }),
    201,
  );
  return payment.receipts[0]!;
}

/** The page's and the API's answer for the same receipt. */
async function bothRoutes(id: string, suffix = "") {
  const page = await member.fetch(`/receipts/${id}${suffix}`);
  const api = await member.fetch(`/api/v1/receipts/${id}${suffix}`);
  expect([page.status, api.status]).toEqual([200, 200]);
  return [page, api] as const;
}

const HEADERS = ["content-type", "content-length", "content-disposition", "cache-control", "x-content-type-options"];

describe("receipt downloads", () => {
  it("keep a Devanagari name in filename*, with an ASCII fallback, alike on the page and in the API", async () => {
    const receipt = await receiptNamed("रसीद मार्च 2025.png", await pngScreenshot(), "image/png");
    const [page, api] = await bothRoutes(receipt.id);
    for (const header of HEADERS) expect(page.headers.get(header), header).toBe(api.headers.get(header));
    expect(disposition(page)).toEqual({ type: "inline", filename: "रसीद-मार्च-2025.jpg", ascii: "2025.jpg" });
    expect(page.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("cache-control")).toBe("private, max-age=300");

    const [pageThumb, apiThumb] = await bothRoutes(receipt.id, "/thumbnail");
    expect(pageThumb.headers.get("content-disposition")).toBe(apiThumb.headers.get("content-disposition"));
    expect(disposition(pageThumb).filename).toBe("रसीद-मार्च-2025-thumbnail.jpg");
  });

  it(
    "send a Tamil-named PDF as an attachment from both routes, with 'receipt.pdf' for " + "clients without filename*",
    async () => {
      const receipt = await receiptNamed("ரசீது.pdf", minimalPdf(), "application/pdf");
      const [page, api] = await bothRoutes(receipt.id);
      for (const header of HEADERS) expect(page.headers.get(header), header).toBe(api.headers.get(header));
      expect(disposition(api)).toEqual({ type: "attachment", filename: "ரசீது.pdf", ascii: "receipt.pdf" });
    },
  );

  it("cannot be bent by a hostile upload name", async () => {
    const receipt = await receiptNamed('x"; filename=evil.html; a=\\..\\b.png', await pngScreenshot(), "image/png");
    const [page] = await bothRoutes(receipt.id);
    const { filename, ascii } = disposition(page);
    expect(filename).toMatch(/^[\p{L}\p{M}\p{N}._-]+\.jpg$/u);
    expect(ascii).toMatch(/^[A-Za-z0-9._-]+\.jpg$/);
    expect(page.headers.get("content-disposition")).not.toMatch(/evil\.html"?;|\.\.\\/);
  });

  it("download an image from the page when asked (?download=1)", async () => {
    const receipt = await receiptNamed("gpay.png", await pngScreenshot(), "image/png");
    const res = await member.fetch(`/receipts/${receipt.id}?download=1`);
    expect(disposition(res)).toMatchObject({ type: "attachment", filename: "gpay.jpg" });
  });
});
