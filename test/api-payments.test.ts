// Payments through the JSON API: multipart receipts (re-encoded, EXIF gone, thumbnailed), defaults from the schedule,
// refusals that leave nothing behind, duplicate warnings, edits, deletes and the history's filters.
import sharp from "sharp";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ChitBody,
  createChit,
  expectError,
  expectStatus,
  type NotificationsBody,
  type PaymentBody,
  type PaymentPageBody,
  type PaymentResultBody,
  pay,
  recordInstalment,
} from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { disposition } from "./support/disposition.ts";
import {
  corruptJpeg,
  hasGpsTag,
  minimalPdf,
  multipart,
  noisyPhoto,
  phonePhotoWithGps,
  pngScreenshot,
  textPretendingToBeJpeg,
  type Upload,
  webpImage,
} from "./support/receipt-fixtures.ts";

// Noon in India on 15 March 2025: instalments due on the 5th of Jan, Feb and Mar are past.
const clock = { now: () => new Date("2025-03-15T06:30:00Z") };
const TODAY = "2025-03-15";

let photo: Buffer;
let png: Buffer;
beforeAll(async () => {
  [photo, png] = await Promise.all([phonePhotoWithGps(), pngScreenshot()]);
});

let t: TestApp;
let member: Client;
let chit: ChitBody;
beforeEach(async () => {
  t = await startTestApp({ clock });
  member = await signedInMember(t, "lakshmi@example.com");
  chit = await createChit(member, { name: "Shriram 1L A12" });
});
afterEach(async () => {
  await t.close();
});

const postPayment = (client: Client, chitId: string, fields: Record<string, string>, files: Upload[] = []) =>
  client.fetch(`/api/v1/chits/${chitId}/payments`, { method: "POST", body: multipart(fields, files) });
const paymentsOf = async (chitId: string) =>
  (await expectStatus<{ payments: PaymentBody[] }>(member.fetch(`/api/v1/chits/${chitId}/payments`), 200)).payments;

describe("recording a payment with a receipt", () => {
  it(
    "stores a 4000x3000 phone photo as a JPEG of at most ~300 KB with its EXIF and GPS " + "gone, and a JPEG thumbnail",
    async () => {
      const original = await sharp(photo).metadata();
      expect([original.width, original.height]).toEqual([4000, 3000]);
      expect(hasGpsTag(original.exif)).toBe(true);

      const { payment, warnings } = await expectStatus<PaymentResultBody>(
        postPayment(
          member,
          chit.id,
          { instalment: "1", amount: "5,000", paidOn: "2025-01-04", method: "upi", reference: "UTR4411" },
          [{ name: "IMG_2041.jpg", bytes: photo, type: "image/jpeg" }],
        ),
        201,
      );
      expect(warnings).toEqual([]);
      expect(payment).toMatchObject({
        chitId: chit.id,
        instalment: 1,
        amount: 5000,
        paidOn: "2025-01-04",
        method: "upi",
        reference: "UTR4411",
      });
      expect(payment.receipts).toHaveLength(1);
      const receipt = payment.receipts[0]!;
      expect(receipt).toMatchObject({
        contentType: "image/jpeg",
        originalName: "IMG_2041.jpg",
        url: `/api/v1/receipts/${receipt.id}`,
      });
      expect(receipt.size).toBeLessThanOrEqual(300 * 1024);

      const file = await member.fetch(receipt.url);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/jpeg");
      expect(file.headers.get("x-content-type-options")).toBe("nosniff");
      expect(disposition(file)).toMatchObject({ type: "inline", filename: "IMG_2041.jpg" });
      expect(file.headers.get("cache-control")).toMatch(/private/);
      const bytes = Buffer.from(await file.arrayBuffer());
      expect(bytes.length).toBe(receipt.size);
      const stored = await sharp(bytes).metadata();
      expect(stored.format).toBe("jpeg");
      expect(stored.exif).toBeUndefined();
      expect(Math.max(stored.width, stored.height)).toBeLessThanOrEqual(2000);

      const thumb = await member.fetch(receipt.thumbnailUrl);
      expect(thumb.status).toBe(200);
      expect(thumb.headers.get("content-type")).toBe("image/jpeg");
      const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
      expect(thumbMeta.format).toBe("jpeg");
      expect(Math.max(thumbMeta.width, thumbMeta.height)).toBeLessThanOrEqual(320);
      expect(await t.db.storedFiles()).toHaveLength(2);
    },
  );

  it("defaults to the oldest instalment not fully paid, what is left on it, and today", async () => {
    await recordInstalment(member, chit.id, 2, { discount: 30000 });
    const first = (
      await expectStatus<PaymentResultBody>(postPayment(member, chit.id, {}, [{ name: "upi.png", bytes: png }]), 201)
    ).payment;
    expect(first).toMatchObject({ instalment: 1, amount: 5000, paidOn: TODAY, method: "upi" });
    expect((await pay(member, chit.id)).payment).toMatchObject({ instalment: 2, amount: 5000 });
    // lowered by auction 2's dividend
    expect((await pay(member, chit.id)).payment).toMatchObject({ instalment: 3, amount: 3750 });
    expect((await pay(member, chit.id, { amount: 1000 })).payment).toMatchObject({ instalment: 4, amount: 1000 });
    expect((await pay(member, chit.id)).payment).toMatchObject({ instalment: 4, amount: 4000 });
  });

  it("accepts PNG, WebP and PDF receipts, under `receipts`, `receipt` or `file`", async () => {
    const pdf = minimalPdf();
    const uploads: Upload[] = [
      { name: "screenshot.png", bytes: png, type: "image/png" },
      { field: "receipt", name: "gpay.webp", bytes: await webpImage(), type: "image/webp" },
      { field: "file", name: "bank statement (Mar).pdf", bytes: pdf, type: "application/pdf" },
    ];
    const { payment } = await expectStatus<PaymentResultBody>(
      postPayment(member, chit.id, { amount: "5000" }, uploads),
      201,
    );
    expect(payment.receipts.map((r) => r.contentType)).toEqual(["image/jpeg", "image/jpeg", "application/pdf"]);

    const pdfReceipt = payment.receipts[2]!;
    const file = await member.fetch(pdfReceipt.url);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(disposition(file)).toMatchObject({ type: "attachment", filename: "bank-statement-Mar.pdf" });
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    const thumb = await member.fetch(pdfReceipt.thumbnailUrl);
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format).toBe("jpeg");
    for (const image of payment.receipts.slice(0, 2)) {
      expect((await sharp(Buffer.from(await (await member.fetch(image.url)).arrayBuffer())).metadata()).format).toBe(
        "jpeg",
      );
    }
  });
});

describe("refusing a receipt leaves no payment and no file behind", () => {
  it("answers 415 for a text file named receipt.jpg, even beside a good PNG", async () => {
    const error = await expectError(
      postPayment(member, chit.id, { amount: "5000" }, [
        { name: "ok.png", bytes: png },
        { name: "receipt.jpg", bytes: textPretendingToBeJpeg(), type: "image/jpeg" },
      ]),
      415,
    );
    expect(error.code).toBe("unsupported-file-type");
    expect(error.message).toMatch(/receipt\.jpg.*not a JPEG, PNG, WebP, HEIC image or a PDF/);
    expect(await paymentsOf(chit.id)).toEqual([]);
    expect(await t.db.storedFiles()).toEqual([]);
  });

  it("answers 400 with a clear message for a damaged JPEG", async () => {
    const error = await expectError(
      postPayment(member, chit.id, {}, [{ name: "broken.jpg", bytes: await corruptJpeg() }]),
      400,
    );
    expect(error.code).toBe("unreadable-file");
    expect(error.message).toMatch(/could not be read; it may be damaged/);
    expect(error.fields).toHaveProperty("receipts");
    expect(await paymentsOf(chit.id)).toEqual([]);
    expect(await t.db.storedFiles()).toEqual([]);
  });

  it("answers 413 stating the limit for a receipt over RECEIPT_MAX_MB, and for a body too large to read", async () => {
    await t.close();
    t = await startTestApp({ clock, env: { RECEIPT_MAX_MB: "1" } });
    member = await signedInMember(t, "lakshmi@example.com");
    chit = await createChit(member);
    const big = await noisyPhoto();
    expect(big.length).toBeGreaterThan(1024 * 1024);

    const error = await expectError(
      postPayment(member, chit.id, { amount: "5000" }, [{ name: "big.jpg", bytes: big, type: "image/jpeg" }]),
      413,
    );
    expect(error.code).toBe("file-too-large");
    expect(error.message).toMatch(/1 MB/);
    const huge = await expectError(
      postPayment(member, chit.id, {}, [{ name: "huge.pdf", bytes: Buffer.alloc(12 * 1024 * 1024, 0x25) }]),
      413,
    );
    expect(huge.message).toMatch(/too large: each receipt can be at most 1 MB/); // refused before the body is read
    expect(await paymentsOf(chit.id)).toEqual([]);
    expect(await t.db.storedFiles()).toEqual([]);
    // a receipt under the limit still goes through
    expect(
      (await expectStatus<PaymentResultBody>(postPayment(member, chit.id, {}, [{ name: "ok.png", bytes: png }]), 201))
        .payment.receipts,
    ).toHaveLength(1);
  });
});

describe("bad payment fields answer 400 naming the field", () => {
  it("refuses an instalment outside the chit", async () => {
    for (const instalment of [21, 0, "three"]) {
      const error = await expectError(
        member.json(`/api/v1/chits/${chit.id}/payments`, { instalment, amount: 5000 }),
        400,
      );
      expect(Object.keys(error.fields ?? {})).toEqual(["instalment"]);
    }
    expect(
      (await expectError(postPayment(member, chit.id, { instalment: "21" }, [{ name: "ok.png", bytes: png }]), 400))
        .fields,
    ).toHaveProperty("instalment");
    expect(await t.db.storedFiles()).toEqual([]);
  });

  it("refuses amounts and dates that are not real", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: 12.345 }, "amount"],
      [{ amount: -5 }, "amount"],
      [{ amount: "1,00" }, "amount"],
      [{ amount: 0 }, "amount"],
      [{ paidOn: "2025-02-30" }, "paidOn"],
      [{ paidOn: "15/03/2025" }, "paidOn"],
      [{ paidOn: "2025-03-16" }, "paidOn"], // tomorrow
      [{ method: "bitcoin" }, "method"],
    ];
    for (const [fields, field] of cases) {
      const error = await expectError(member.json(`/api/v1/chits/${chit.id}/payments`, fields), 400);
      expect(error.fields, JSON.stringify(fields)).toHaveProperty(field);
    }
    expect((await expectError(postPayment(member, chit.id, { amount: "five thousand" }), 400)).fields).toHaveProperty(
      "amount",
    );
    const raw = (contentType: string, body: string) =>
      member.fetch(`/api/v1/chits/${chit.id}/payments`, {
        method: "POST",
        headers: { "content-type": contentType },
        body,
      });
    expect((await expectError(raw("application/json", "{amount"), 400)).code).toBe("invalid-json");
    expect((await expectError(raw("multipart/form-data; boundary=xyz", "not really multipart"), 400)).code).toBe(
      "invalid-form",
    );
    expect(await paymentsOf(chit.id)).toEqual([]);
  });
});

describe("duplicates are flagged, never refused", () => {
  it("warns and notifies when the same receipt file comes again on another payment", async () => {
    const first = await expectStatus<PaymentResultBody>(
      postPayment(member, chit.id, { instalment: "1" }, [{ name: "paid.png", bytes: png }]),
      201,
    );
    expect(first.warnings).toEqual([]);
    const second = await expectStatus<PaymentResultBody>(
      postPayment(member, chit.id, { instalment: "2" }, [{ name: "paid-again.png", bytes: png }]),
      201,
    );
    expect(second.warnings).toEqual([
      expect.objectContaining({ code: "duplicate-receipt", otherPaymentId: first.payment.id }),
    ]);
    const { notifications, unread } = await expectStatus<NotificationsBody>(member.fetch("/api/v1/notifications"), 200);
    const note = notifications.find((n) => n.kind === "duplicate-receipt");
    expect(note).toMatchObject({ read: false, link: `/payments/${second.payment.id}` });
    expect(unread).toBeGreaterThanOrEqual(1);
    await expectStatus(member.fetch(`/api/v1/notifications/${note!.id}/read`, { method: "POST" }), 204);
    const after = await expectStatus<NotificationsBody>(member.fetch("/api/v1/notifications?unread=true"), 200);
    expect(after.notifications.map((n) => n.id)).not.toContain(note!.id);
    expect(
      (await expectStatus<{ marked: number }>(member.fetch("/api/v1/notifications/read-all", { method: "POST" }), 200))
        .marked,
    ).toBe(after.unread);
    expect((await expectStatus<NotificationsBody>(member.fetch("/api/v1/notifications"), 200)).unread).toBe(0);
  });

  it("warns when the same reference is used twice", async () => {
    const first = await pay(member, chit.id, { reference: "UTR-5561" });
    expect(first.warnings).toEqual([]);
    const second = await pay(member, chit.id, { reference: "UTR-5561" });
    expect(second.warnings).toEqual([
      expect.objectContaining({ code: "duplicate-reference", otherPaymentId: first.payment.id }),
    ]);
    expect(second.warnings[0]!.message).toContain("UTR-5561");
  });
});

describe("editing and deleting payments", () => {
  it("corrects fields, adds and removes receipts, and deleting the payment removes its files", async () => {
    const { payment } = await expectStatus<PaymentResultBody>(
      postPayment(member, chit.id, { reference: "R-1", notes: "first go" }, [{ name: "a.png", bytes: png }]),
      201,
    );
    const edited = await expectStatus<PaymentResultBody>(
      member.json(
        `/api/v1/payments/${payment.id}`,
        { amount: 4500, method: "cash", reference: "", notes: "paid at branch", paidOn: "2025-03-01" },
        "PATCH",
      ),
      200,
    );
    expect(edited.payment).toMatchObject({
      amount: 4500,
      method: "cash",
      reference: "",
      notes: "paid at branch",
      paidOn: "2025-03-01",
      instalment: 1,
    });
    expect(await expectStatus<PaymentBody>(member.fetch(`/api/v1/payments/${payment.id}`), 200)).toMatchObject({
      amount: 4500,
      method: "cash",
    });
    expect(
      (await expectError(member.json(`/api/v1/payments/${payment.id}`, { amount: "abc" }, "PATCH"), 400)).fields,
    ).toHaveProperty("amount");

    const withMore = await expectStatus<PaymentResultBody>(
      member.fetch(`/api/v1/payments/${payment.id}`, {
        method: "PATCH",
        body: multipart({}, [{ name: "b.webp", bytes: await webpImage() }]),
      }),
      200,
    );
    expect(withMore.payment.receipts).toHaveLength(2);
    expect(await t.db.storedFiles()).toHaveLength(4);
    await expectError(
      member.fetch(`/api/v1/payments/${payment.id}`, {
        method: "PATCH",
        body: multipart({}, [{ name: "x.jpg", bytes: textPretendingToBeJpeg() }]),
      }),
      415,
    );
    expect(await t.db.storedFiles()).toHaveLength(4);

    const [first, second] = withMore.payment.receipts as [
      PaymentBody["receipts"][number],
      PaymentBody["receipts"][number],
    ];
    await expectStatus(member.fetch(first.url, { method: "DELETE" }), 204);
    await expectError(member.fetch(first.url), 404);
    expect(await t.db.storedFiles()).toHaveLength(2);

    await expectStatus(member.fetch(`/api/v1/payments/${payment.id}`, { method: "DELETE" }), 204);
    await expectError(member.fetch(`/api/v1/payments/${payment.id}`), 404);
    await expectError(member.fetch(second.url), 404);
    expect(await t.db.storedFiles()).toEqual([]);
    expect(await paymentsOf(chit.id)).toEqual([]);
  });
});

describe("payment history", () => {
  it("filters by chit, dates, method, status and a search of reference and notes, in pages", async () => {
    const other = await createChit(member, { name: "Margadarsi 50K", chitValue: 50000, members: 25 });
    await pay(member, chit.id, { instalment: 1, paidOn: "2025-01-04", method: "upi", reference: "UTR-JAN" });
    await pay(member, chit.id, { instalment: 2, paidOn: "2025-02-05", method: "cash", notes: "paid to agent Suresh" });
    await pay(member, chit.id, {
      instalment: 3,
      amount: 2000,
      paidOn: "2025-03-05",
      method: "bank",
      reference: "NEFT-778",
    });
    await pay(member, other.id, { instalment: 1, paidOn: "2025-01-10", method: "cheque", reference: "CHQ-000123" });
    await pay(member, other.id, { instalment: 2, paidOn: "2025-02-10", method: "upi", notes: "utr-feb on the notice" });

    const find = async (query: string) => expectStatus<PaymentPageBody>(member.fetch(`/api/v1/payments${query}`), 200);
    const refs = (page: PaymentPageBody) => page.payments.map((p) => `${p.chitName}#${p.instalment}`).sort();

    const all = await find("");
    expect(all).toMatchObject({ total: 5, page: 1, pages: 1, perPage: 25 });
    expect(all.payments[0]).toMatchObject({ chitName: expect.any(String), instalmentStatus: expect.any(String) });
    expect(refs(await find(`?chit=${other.id}`))).toEqual(["Margadarsi 50K#1", "Margadarsi 50K#2"]);
    expect(refs(await find("?from=2025-02-01&to=2025-02-28"))).toEqual(["Margadarsi 50K#2", "Shriram 1L A12#2"]);
    expect(refs(await find("?method=upi"))).toEqual(["Margadarsi 50K#2", "Shriram 1L A12#1"]);
    expect(refs(await find("?q=suresh"))).toEqual(["Shriram 1L A12#2"]);
    // reference on one, notes on the other
    expect(refs(await find("?q=utr-"))).toEqual(["Margadarsi 50K#2", "Shriram 1L A12#1"]);
    expect(refs(await find("?status=part"))).toEqual(["Shriram 1L A12#3"]);
    expect((await find("?status=full")).total).toBe(4);

    const page1 = await find("?perPage=2");
    const page3 = await find("?perPage=2&page=3");
    expect(page1).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(page1.payments).toHaveLength(2);
    expect(page3.payments).toHaveLength(1);
    const seen = new Set(
      [...page1.payments, ...(await find("?perPage=2&page=2")).payments, ...page3.payments].map((p) => p.id),
    );
    expect(seen.size).toBe(5);

    expect((await expectError(member.fetch("/api/v1/payments?from=2025-13-01"), 400)).fields).toHaveProperty("from");
    expect((await expectError(member.fetch("/api/v1/payments?method=gold"), 400)).fields).toHaveProperty("method");
  });
});

describe("a chit's payments", () => {
  it("come oldest first, a page at a time, with how many there are in all beside them", async () => {
    const other = await createChit(member, { name: "Another chit" });
    await pay(member, other.id, { instalment: 1, paidOn: "2025-01-01" }); // another chit's: never listed here
    const days = ["2025-01-04", "2025-01-05", "2025-02-05", "2025-02-06", "2025-03-05"];
    for (const [i, paidOn] of [...days].reverse().entries())
      await pay(member, chit.id, { instalment: 1 + (i % 3), amount: 100 + i, paidOn });
    type ChitPaymentsBody = {
      chitId: string;
      payments: PaymentBody[];
      total: number;
      page: number;
      perPage: number;
      pages: number;
    };
    const list = (query = "") =>
      expectStatus<ChitPaymentsBody>(member.fetch(`/api/v1/chits/${chit.id}/payments${query}`), 200);

    const all = await list();
    expect(all).toMatchObject({ chitId: chit.id, total: 5, page: 1, perPage: 200, pages: 1 });
    expect(all.payments.map((p) => p.paidOn)).toEqual(days);
    const first = await list("?perPage=2");
    const last = await list("?perPage=2&page=3");
    expect(first).toMatchObject({ total: 5, perPage: 2, pages: 3, page: 1 });
    expect(
      [...first.payments, ...(await list("?perPage=2&page=2")).payments, ...last.payments].map((p) => p.paidOn),
    ).toEqual(days);
    expect(last.payments).toHaveLength(1);

    expect(
      (await expectError(member.fetch(`/api/v1/chits/${chit.id}/payments?perPage=501`), 400)).fields,
    ).toHaveProperty("perPage");
    expect((await expectError(member.fetch(`/api/v1/chits/${chit.id}/payments?page=0`), 400)).fields).toHaveProperty(
      "page",
    );
    const stranger = await signedInMember(t, "stranger@example.com");
    await expectError(stranger.fetch(`/api/v1/chits/${chit.id}/payments`), 404);
  });
});
