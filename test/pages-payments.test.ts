// The payment pages over HTTP: the form's defaults, a multipart payment with a real JPEG, refused files (415, 413) with
// the typed values kept, duplicates flagged, edit and delete, the history's filters, receipts for their owner only,
// notifications, and a second member who gets 404 on every page of the first member's records.
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordPayment } from "../src/app/record-payment.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { disposition } from "./support/disposition.ts";
import { alerts, fieldError, fieldValue, selectedOption } from "./support/html.ts";
import { addChit, fixedClock, idFrom, jpeg, memberId, postMultipart, TODAY, text } from "./support/ledger-pages.ts";

let t: TestApp;
let asha: Client;
beforeEach(async () => {
  t = await startTestApp({ clock: fixedClock });
  asha = await signedInMember(t, "asha@example.com");
});
afterEach(async () => {
  await t.close();
});

const page = async (client: Client, path: string) => {
  const res = await client.fetch(path);
  return { status: res.status, html: await res.text() };
};

const owner = () => memberId(t, "asha@example.com");

describe("recording a payment", () => {
  it(
    "defaults to the oldest instalment not fully paid, its balance and today, and offers " + "camera and files",
    async () => {
      const id = await addChit(asha);
      await asha.form(`/chits/${id}/instalments/2`, { discount: "30,000", payableOverride: "" });
      await asha.form(`/chits/${id}/payments`, {
        instalment: "1",
        amount: "5,000",
        paidOn: "2026-01-10",
        method: "upi",
      });
      await asha.form(`/chits/${id}/payments`, {
        instalment: "2",
        amount: "2,000",
        paidOn: "2026-02-10",
        method: "upi",
      });
      const { status, html } = await page(asha, `/chits/${id}/payments/new`);
      expect(status).toBe(200);
      expect(selectedOption(html, "instalment")).toBe("2");
      expect(fieldValue(html, "amount")).toBe("3,000");
      expect(fieldValue(html, "paidOn")).toBe(TODAY);
      expect(selectedOption(html, "method")).toBe("upi");
      expect(html).toContain("2 · due 10 Feb 2026 · payable ₹5,000 · balance ₹3,000");
      expect(html).toContain('data-amount="3,750"'); // instalment 3: 5,000 less the 1,250 dividend
      expect(html).toContain('enctype="multipart/form-data"');
      expect(html).toMatch(
        /<input[^>]*type="file"[^>]*id="f-receipts"[^>]*name="receipts"[^>]*multiple=""[^>]*data-max-bytes="10485760"/,
      );
      expect(html).toMatch(
        /<input[^>]*id="f-receipts-camera"[^>]*name="receipts"[^>]*accept="image\/\*"[^>]*capture="environment"/,
      );
      expect(html).toContain('<label class="form-label" for="f-receipts-camera">');
      const asked = await page(asha, `/chits/${id}/payments/new?instalment=3`);
      expect(selectedOption(asked.html, "instalment")).toBe("3");
      expect(fieldValue(asked.html, "amount")).toBe("3,750");
    },
  );

  it(
    "stores a payment with a JPEG receipt sent as multipart; the receipt and its " + "thumbnail come back to the owner",
    async () => {
      const id = await addChit(asha);
      const photo = await jpeg(1200, 900);
      const res = await postMultipart(
        asha,
        `/chits/${id}/payments`,
        {
          instalment: "1",
          amount: "5,000",
          paidOn: "2026-01-11",
          method: "bank",
          reference: "UTR 4455",
          notes: "Paid at the branch",
        },
        [{ name: "bank slip.jpg", type: "image/jpeg", bytes: photo }],
      );
      expect(res.status).toBe(303);
      const paymentId = idFrom(res, "/payments/");
      expect(res.headers.get("location")).toBe(`/payments/${paymentId}?notice=payment-saved`);

      const { html } = await page(asha, `/payments/${paymentId}?notice=payment-saved`);
      expect(alerts(html)).toContain("Payment recorded.");
      const shown = text(html);
      expect(shown).toContain("Payment of ₹5,000");
      expect(shown).toContain("Kapil 1L group B7");
      expect(shown).toContain("11 Jan 2026");
      expect(shown).toContain("Bank transfer");
      expect(shown).toContain("UTR 4455");
      expect(shown).toContain("Paid at the branch");
      const receiptId = html.match(/src="\/receipts\/([^/"]+)\/thumbnail"/)![1]!;

      const full = await asha.fetch(`/receipts/${receiptId}`);
      expect(full.status).toBe(200);
      expect(full.headers.get("content-type")).toBe("image/jpeg");
      expect(full.headers.get("x-content-type-options")).toBe("nosniff");
      expect(disposition(full)).toMatchObject({ type: "inline", filename: "bank-slip.jpg" });
      const meta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
      expect(meta.format).toBe("jpeg");
      expect(meta.width).toBe(1200);
      const download = await asha.fetch(`/receipts/${receiptId}?download=1`);
      expect(disposition(download)).toMatchObject({ type: "attachment", filename: "bank-slip.jpg" });
      const thumb = await asha.fetch(`/receipts/${receiptId}/thumbnail`);
      expect(thumb.headers.get("content-type")).toBe("image/jpeg");
      expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);

      const view = await page(asha, `/receipts/${receiptId}/view`);
      expect(view.status).toBe(200);
      expect(view.html).toContain(`src="/receipts/${receiptId}" alt="Receipt: bank slip.jpg"`);
      expect(view.html).toContain(`href="/payments/${paymentId}"`);

      // The chit page lists it with its thumbnail and counts it as paid.
      const chitPage = await page(asha, `/chits/${id}`);
      expect(chitPage.html).toContain(`src="/receipts/${receiptId}/thumbnail"`);
      expect(text(chitPage.html)).toMatch(/1 10 Jan 2026 foreman ₹0 ₹5,000 ₹1,00,000 ₹5,000 ₹0 Paid/);
    },
  );

  it("keeps a PDF receipt: always downloaded as an attachment, with an icon thumbnail", async () => {
    const id = await addChit(asha);
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    const res = await postMultipart(
      asha,
      `/chits/${id}/payments`,
      { instalment: "1", amount: "5000", paidOn: "2026-01-10", method: "bank" },
      [{ name: "Bank statement (Jan).pdf", type: "application/pdf", bytes: pdf }],
    );
    const paymentId = idFrom(res, "/payments/");
    const receipt = (await t.services.ledger.payments.get(await owner(), paymentId))!.receipts[0]!;
    const file = await asha.fetch(`/receipts/${receipt.id}`);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(disposition(file)).toMatchObject({ type: "attachment", filename: "Bank-statement-Jan.pdf" });
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    expect((await asha.fetch(`/receipts/${receipt.id}/thumbnail`)).headers.get("content-type")).toBe("image/jpeg");
    expect(text((await page(asha, `/receipts/${receipt.id}/view`)).html)).toContain(
      "This receipt is a PDF: download it to open it.",
    );
  });

  it(
    "refuses a text file named .jpg with 415 beside the receipts, keeps the typed values " + "and saves nothing",
    async () => {
      const id = await addChit(asha);
      const res = await postMultipart(
        asha,
        `/chits/${id}/payments`,
        {
          instalment: "1",
          amount: "4,999.50",
          paidOn: "2026-01-12",
          method: "cash",
          reference: "R-77",
          notes: "Given to the agent",
        },
        [
          {
            name: "receipt.jpg",
            type: "image/jpeg",
            bytes: new TextEncoder().encode("this is not a photo, just text\n"),
          },
        ],
      );
      expect(res.status).toBe(415);
      const html = await res.text();
      expect(fieldError(html, "receipts")).toMatch(/not a JPEG, PNG, WebP, HEIC image or a PDF/);
      expect(alerts(html).join(" ")).toMatch(/receipt\.jpg: This file is not a JPEG/);
      expect(alerts(html).join(" ")).toMatch(/choose the receipt files again/);
      expect(fieldValue(html, "amount")).toBe("4,999.50");
      expect(fieldValue(html, "paidOn")).toBe("2026-01-12");
      expect(fieldValue(html, "reference")).toBe("R-77");
      expect(selectedOption(html, "method")).toBe("cash");
      expect(html).toContain("Given to the agent</textarea>");
      expect(await t.services.ledger.payments.listForOwner(await owner())).toEqual([]);
    },
  );

  it(
    "refuses a receipt over the size limit with 413 stating the limit; the form says so " + "before upload too",
    async () => {
      await t.close();
      t = await startTestApp({ clock: fixedClock, env: { RECEIPT_MAX_MB: "1" } });
      asha = await signedInMember(t, "asha@example.com");
      const id = await addChit(asha);
      const form = await page(asha, `/chits/${id}/payments/new`);
      expect(form.html).toContain('data-max-bytes="1048576"');
      const big = new Uint8Array(1_200_000).fill(7);
      const res = await postMultipart(
        asha,
        `/chits/${id}/payments`,
        { instalment: "1", amount: "5000", paidOn: "2026-01-12", method: "upi", reference: "BIG-1" },
        [{ name: "huge.png", type: "image/png", bytes: big }],
      );
      expect(res.status).toBe(413);
      const html = await res.text();
      expect(fieldError(html, "receipts")).toBe("Each file can be at most 1 MB.");
      expect(fieldValue(html, "reference")).toBe("BIG-1");

      // A whole upload declared larger than every allowed receipt together is refused before any of it is read:
      // the page names the limit (what was typed cannot come back, since none of it was read).
      const fields = new FormData();
      fields.set("_csrf", asha.csrf);
      fields.set("reference", "BIG-2");
      const encoded = new Response(fields);
      const declared = await asha.fetch(`/chits/${id}/payments`, {
        method: "POST",
        headers: { origin: BASE, "content-type": encoded.headers.get("content-type")!, "content-length": "50000000" },
        body: await encoded.arrayBuffer(),
      });
      expect(declared.status).toBe(413);
      expect(await declared.text()).toContain(
        "The upload is too large: each receipt can be at most 1 MB, and at most 10 per payment.",
      );
      expect(await t.services.ledger.payments.listForOwner(await owner())).toEqual([]);
    },
  );

  it("names a bad field with 400, keeps the rest, and refuses a date in the future", async () => {
    const id = await addChit(asha);
    const res = await asha.form(`/chits/${id}/payments`, {
      instalment: "1",
      amount: "five thousand",
      paidOn: "2026-01-12",
      method: "upi",
      reference: "X1",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "amount")).toMatch(/^Amount: Enter an amount in rupees/);
    expect(fieldValue(html, "amount")).toBe("five thousand");
    expect(fieldValue(html, "reference")).toBe("X1");
    const future = await asha.form(`/chits/${id}/payments`, {
      instalment: "1",
      amount: "5000",
      paidOn: "2026-03-16",
      method: "upi",
    });
    expect(future.status).toBe(400);
    expect(fieldError(await future.text(), "paidOn")).toBe("The payment date cannot be in the future.");
    const outside = await asha.form(`/chits/${id}/payments`, {
      instalment: "21",
      amount: "5000",
      paidOn: "2026-03-01",
      method: "upi",
    });
    expect(fieldError(await outside.text(), "instalment")).toBe("This chit has instalments 1 to 20.");
  });

  it("flags the same receipt or reference used twice on the payment page and in notifications", async () => {
    const id = await addChit(asha);
    const photo = await jpeg();
    const first = await postMultipart(
      asha,
      `/chits/${id}/payments`,
      { instalment: "1", amount: "5000", paidOn: "2026-01-10", method: "upi", reference: "UPI-1" },
      [{ name: "a.jpg", type: "image/jpeg", bytes: photo }],
    );
    const firstId = idFrom(first, "/payments/");
    const second = await postMultipart(
      asha,
      `/chits/${id}/payments`,
      { instalment: "2", amount: "5000", paidOn: "2026-02-10", method: "upi", reference: "UPI-1" },
      [{ name: "b.jpg", type: "image/jpeg", bytes: photo }],
    );
    const secondId = idFrom(second, "/payments/");
    const { html } = await page(asha, `/payments/${secondId}`);
    const warnings = text(html);
    expect(warnings).toContain("b.jpg is the same file as a receipt on another payment.");
    expect(warnings).toContain("Reference UPI-1 is already on another payment (10 Jan 2026).");
    expect(html).toContain(`href="/payments/${firstId}"`);

    const notes = await page(asha, "/notifications");
    expect(text(notes.html)).toContain("3 unread"); // the two duplicates and the welcome on approval
    expect(text(notes.html)).toContain("b.jpg is the same file as a receipt on another payment.");
    const count = await asha.fetch("/notifications/unread-count");
    expect(await count.json()).toEqual({ unread: 3 });
    const nid = notes.html.match(/action="\/notifications\/([^/"]+)\/read"/)![1]!;
    expect((await asha.form(`/notifications/${nid}/read`, {})).headers.get("location")).toBe(
      "/notifications?notice=notification-read",
    );
    expect(await (await asha.fetch("/notifications/unread-count")).json()).toEqual({ unread: 2 });
    expect((await asha.form("/notifications/read-all", {})).headers.get("location")).toBe(
      "/notifications?notice=notifications-read",
    );
    const read = await page(asha, "/notifications");
    expect(read.html).not.toContain("list-group-item-primary");
    expect(read.html).not.toContain("Mark all read");
  });
});

describe("editing and deleting a payment", () => {
  it("edits the fields, adds a receipt, removes one, and deletes the payment after asking", async () => {
    const id = await addChit(asha);
    const res = await postMultipart(
      asha,
      `/chits/${id}/payments`,
      { instalment: "1", amount: "5000", paidOn: "2026-01-10", method: "upi", reference: "OLD" },
      [{ name: "one.jpg", type: "image/jpeg", bytes: await jpeg() }],
    );
    const paymentId = idFrom(res, "/payments/");
    const edit = await page(asha, `/payments/${paymentId}/edit`);
    expect(fieldValue(edit.html, "reference")).toBe("OLD");
    expect(fieldValue(edit.html, "amount")).toBe("5,000");

    const saved = await postMultipart(
      asha,
      `/payments/${paymentId}/edit`,
      { instalment: "1", amount: "4,500", paidOn: "2026-01-09", method: "cheque", reference: "CHQ 001122", notes: "" },
      [
        {
          name: "two.png",
          type: "image/png",
          bytes: await sharp({ create: { width: 30, height: 20, channels: 3, background: "#0a0" } })
            .png()
            .toBuffer(),
        },
      ],
    );
    expect(saved.headers.get("location")).toBe(`/payments/${paymentId}?notice=payment-updated`);
    let payment = (await t.services.ledger.payments.get(await owner(), paymentId))!;
    expect(payment.amount).toBe(450000);
    expect(payment.method).toBe("cheque");
    expect(payment.reference).toBe("CHQ 001122");
    expect(payment.receipts).toHaveLength(2);

    const first = payment.receipts.find((r) => r.originalName === "one.jpg")!;
    const removed = await asha.form(`/payments/${paymentId}/receipts/${first.id}/delete`, { confirm: "yes" });
    expect(removed.headers.get("location")).toBe(`/payments/${paymentId}/edit?notice=receipt-removed`);
    payment = (await t.services.ledger.payments.get(await owner(), paymentId))!;
    expect(payment.receipts.map((r) => r.originalName)).toEqual(["two.png"]);

    const bad = await asha.form(`/payments/${paymentId}/edit`, {
      instalment: "1",
      amount: "-5",
      paidOn: "2026-01-09",
      method: "cheque",
      reference: "KEEP",
    });
    expect(bad.status).toBe(400);
    expect(fieldValue(await bad.text(), "reference")).toBe("KEEP");

    const shown = await page(asha, `/payments/${paymentId}`);
    expect(shown.html).toContain(
      'data-confirm="Delete the payment of ₹4,500 on 9 Jan 2026 for Kapil 1L group B7, with 1 receipt?"',
    );
    const unasked = await asha.form(`/payments/${paymentId}/delete`, {});
    expect(unasked.headers.get("location")).toBe(`/payments/${paymentId}/delete`);
    expect(text((await page(asha, `/payments/${paymentId}/delete`)).html)).toContain(
      "Delete the payment of ₹4,500 on 9 Jan 2026",
    );
    const done = await asha.form(`/payments/${paymentId}/delete`, { confirm: "yes" });
    expect(done.headers.get("location")).toBe(`/chits/${id}?notice=payment-deleted`);
    expect(await t.services.ledger.payments.get(await owner(), paymentId)).toBeNull();
    expect((await asha.fetch(`/receipts/${payment.receipts[0]!.id}`)).status).toBe(404);
  });
});

describe("payment history", () => {
  it("filters by chit, method, dates and status, searches reference and notes, and pages", async () => {
    const kapil = await addChit(asha);
    const shriram = await addChit(asha, {
      name: "Shriram 5L",
      organizer: "Shriram Chits",
      chitValue: "5,00,000",
      members: "25",
    });
    const pay = (chit: string, fields: Record<string, string>) =>
      asha.form(`/chits/${chit}/payments`, { method: "upi", ...fields });
    await pay(kapil, { instalment: "1", amount: "5000", paidOn: "2026-01-10", reference: "UTR111" });
    await pay(kapil, {
      instalment: "2",
      amount: "2000",
      paidOn: "2026-02-10",
      method: "cash",
      notes: "part, rest next week",
    });
    await pay(shriram, { instalment: "1", amount: "20000", paidOn: "2026-01-15", method: "bank", reference: "NEFT-9" });

    const all = text((await page(asha, "/payments")).html);
    expect(all).toContain("3 payments.");
    const only = (path: string) => page(asha, path).then((p) => text(p.html));
    expect(await only(`/payments?chit=${shriram}`)).toContain("1 payment.");
    expect(await only(`/payments?chit=${shriram}`)).toContain("NEFT-9");
    expect(await only("/payments?method=cash")).toMatch(/1 payment\..*part, rest next week/);
    expect(await only("/payments?from=2026-01-12&to=2026-02-01")).toMatch(/1 payment\..*Shriram 5L/);
    expect(await only("/payments?q=utr111")).toMatch(/1 payment\..*UTR111/);
    expect(await only("/payments?q=rest+next")).toMatch(/1 payment\..*part, rest next week/);
    expect(await only("/payments?status=part")).toMatch(/1 payment\..*Part-paid|1 payment\..*Overdue/);
    expect(await only("/payments?status=full")).toContain("2 payments.");
    const filtered = await page(asha, `/payments?chit=${kapil}&method=cash&q=rest`);
    expect(selectedOption(filtered.html, "chit")).toBe(kapil);
    expect(selectedOption(filtered.html, "method")).toBe("cash");
    expect(fieldValue(filtered.html, "q")).toBe("rest");

    const bad = await page(asha, "/payments?from=2026-13-45");
    expect(bad.status).toBe(400);
    expect(fieldError(bad.html, "from")).toBe("From: enter a real date as YYYY-MM-DD.");
    expect(fieldValue(bad.html, "from")).toBe("2026-13-45");

    const member = (await t.services.members.findById(await owner()))!;
    for (let i = 0; i < 25; i++)
      await recordPayment(t.services.ledger, member, shriram, {
        instalment: "2",
        amount: "100",
        paidOn: "2026-02-15",
        reference: `BULK-${i}`,
      });
    const first = await page(asha, "/payments");
    expect(text(first.html)).toContain("28 payments, page 1 of 2.");
    expect(first.html).toContain('href="/payments?page=2"');
    const second = text((await page(asha, "/payments?page=2")).html);
    expect(second).toContain("page 2 of 2");
    expect(second).toContain("UTR111"); // the oldest comes last
    const filteredPages = await page(asha, `/payments?chit=${shriram}`);
    expect(filteredPages.html).toContain(`href="/payments?chit=${shriram}&amp;page=2"`);
  });
});

describe("another member's records", () => {
  it("answer 404 on every page, form and file URL, and stay unchanged", async () => {
    const id = await addChit(asha);
    const res = await postMultipart(
      asha,
      `/chits/${id}/payments`,
      { instalment: "1", amount: "5000", paidOn: "2026-01-10", method: "upi", reference: "MINE" },
      [{ name: "mine.jpg", type: "image/jpeg", bytes: await jpeg() }],
    );
    const paymentId = idFrom(res, "/payments/");
    const receiptId = (await t.services.ledger.payments.get(await owner(), paymentId))!.receipts[0]!.id;
    const [notification] = await t.services.ledger.notifications.list(await owner(), { limit: 1 });
    const ravi = await signedInMember(t, "ravi@example.com");
    await ravi.fetch("/chits");

    const pages = [
      `/chits/${id}`,
      `/chits/${id}/edit`,
      `/chits/${id}/delete`,
      `/chits/${id}/instalments/2`,
      `/chits/${id}/payments/new`,
      `/payments/${paymentId}`,
      `/payments/${paymentId}/edit`,
      `/payments/${paymentId}/delete`,
      `/receipts/${receiptId}`,
      `/receipts/${receiptId}?download=1`,
      `/receipts/${receiptId}/thumbnail`,
      `/receipts/${receiptId}/view`,
    ];
    for (const path of pages) expect((await ravi.fetch(path)).status, path).toBe(404);
    const forms: [string, Record<string, string>][] = [
      [`/chits/${id}/edit`, { name: "Taken", chitValue: "1000", members: "10", startDate: "2026-01-01", dueDay: "1" }],
      [`/chits/${id}/status`, { status: "closed" }],
      [`/chits/${id}/instalments/2`, { discount: "30000" }],
      [`/chits/${id}/payments`, { instalment: "1", amount: "1" }],
      [`/payments/${paymentId}/edit`, { amount: "1" }],
      [`/payments/${paymentId}/receipts/${receiptId}/delete`, { confirm: "yes" }],
      [`/payments/${paymentId}/delete`, { confirm: "yes" }],
      [`/chits/${id}/delete`, { confirm: "yes" }],
      [`/notifications/${notification!.id}/read`, {}],
    ];
    for (const [path, fields] of forms) expect((await ravi.form(path, fields)).status, path).toBe(404);
    const multipart = await postMultipart(ravi, `/chits/${id}/payments`, { instalment: "1", amount: "1" }, [
      { name: "x.jpg", type: "image/jpeg", bytes: await jpeg() },
    ]);
    expect(multipart.status).toBe(404);
    const own = await page(ravi, "/payments");
    expect(text(own.html)).toContain("No payments match.");
    expect(text((await page(ravi, `/payments?chit=${id}`)).html)).toContain("No payments match.");

    const chit = (await t.services.ledger.chits.get(await owner(), id))!;
    expect(chit.name).toBe("Kapil 1L group B7");
    expect(chit.status).toBe("active");
    expect(chit.instalments).toEqual([]);
    const payment = (await t.services.ledger.payments.get(await owner(), paymentId))!;
    expect(payment.amount).toBe(500000);
    expect(payment.receipts).toHaveLength(1);
    expect((await asha.fetch(`/receipts/${receiptId}`)).status).toBe(200);
    expect((await t.services.ledger.notifications.list(await owner(), { limit: 10 }))[0]!.readAt).toBeNull();
  });

  it("a visitor is sent to log in before seeing a receipt", async () => {
    const res = await t.newClient().fetch("/receipts/anything");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/login\?next=/);
  });
});
