// Receipts and payments that cannot be damaged by retries, double submissions, crashes or a failing disk: one payment
// per Idempotency-Key or page form, a clear error for an empty file or a huge image, deletes that never answer 500
// after the commit, and a sweep that removes files no receipt names.
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepOrphanFiles } from "../src/app/sweep-orphan-files.ts";
import { createChit, expectError, expectStatus, type PaymentResultBody } from "./support/api.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { idFrom, postMultipart } from "./support/ledger-pages.ts";
import { multipart, pngScreenshot } from "./support/receipt-fixtures.ts";

let t: TestApp;
let member: Client;
let ownerId: string;
beforeAll(async () => {
  t = await startTestApp();
  member = await signedInMember(t, "asha@example.com");
  await member.fetch("/dashboard");
  ownerId = (await t.services.members.findByEmail("asha@example.com"))!.id;
});
afterAll(async () => {
  await t.close();
});

const paymentsOf = async (chitId: string) => t.services.ledger.payments.listForChit(ownerId, chitId);

function postWithKey(chitId: string, key: string, body: Record<string, unknown> | FormData) {
  const form = body instanceof FormData;
  return member.fetch(`/api/v1/chits/${chitId}/payments`, {
    method: "POST",
    headers: { origin: BASE, "idempotency-key": key, ...(form ? {} : { "content-type": "application/json" }) },
    body: form ? body : JSON.stringify(body),
  });
}

describe("Idempotency-Key on POST payments", () => {
  it("the same key twice makes one payment; the retry gets the first one back", async () => {
    const chit = await createChit(member);
    const first = await postWithKey(chit.id, "key-1", { amount: 5000, paidOn: "2025-02-01", reference: "UTR1" });
    const firstBody = await expectStatus<PaymentResultBody>(Promise.resolve(first), 201);
    const retry = await postWithKey(chit.id, "key-1", { amount: 5000, paidOn: "2025-02-01", reference: "UTR1" });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const retryBody = await expectStatus<PaymentResultBody>(Promise.resolve(retry), 201);
    expect(retryBody.payment.id).toBe(firstBody.payment.id);
    expect(await paymentsOf(chit.id)).toHaveLength(1);
    // Another key is another payment.
    await expectStatus(postWithKey(chit.id, "key-2", { amount: 5000, paidOn: "2025-02-01", reference: "UTR1" }), 201);
    expect(await paymentsOf(chit.id)).toHaveLength(2);
  });

  it("a multipart retry with the same receipt is the same request whatever its boundary", async () => {
    const chit = await createChit(member);
    const png = await pngScreenshot();
    const send = () =>
      postWithKey(
        chit.id,
        "upload-1",
        multipart({ amount: "5000", paidOn: "2025-02-01" }, [{ name: "a.png", bytes: png, type: "image/png" }]),
      );
    const a = await expectStatus<PaymentResultBody>(send(), 201);
    const b = await expectStatus<PaymentResultBody>(send(), 201);
    expect(b.payment.id).toBe(a.payment.id);
    expect(await paymentsOf(chit.id)).toHaveLength(1);
  });

  it("the key used again for a different payment is refused with 409; a malformed key with 400", async () => {
    const chit = await createChit(member);
    await expectStatus(postWithKey(chit.id, "key-3", { amount: 5000, paidOn: "2025-02-01" }), 201);
    expect((await expectError(postWithKey(chit.id, "key-3", { amount: 6000, paidOn: "2025-02-01" }), 409)).code).toBe(
      "idempotency-key-reused",
    );
    expect((await expectError(postWithKey(chit.id, "bad key with spaces", { amount: 5000 }), 400)).code).toBe(
      "invalid-idempotency-key",
    );
    expect(await paymentsOf(chit.id)).toHaveLength(1);
  });

  it("a refused request frees its key: the corrected retry with the same key is recorded", async () => {
    const chit = await createChit(member);
    await expectError(postWithKey(chit.id, "key-4", { amount: "five", paidOn: "2025-02-01" }), 400);
    await expectStatus(postWithKey(chit.id, "key-4", { amount: 5000, paidOn: "2025-02-01" }), 201);
    expect(await paymentsOf(chit.id)).toHaveLength(1);
  });

  it("two requests with the same key at the same moment make one payment", async () => {
    const chit = await createChit(member);
    const answers = await Promise.all(
      [1, 2, 3].map(() => postWithKey(chit.id, "race-1", { amount: 5000, paidOn: "2025-02-01" })),
    );
    expect(answers.map((r) => r.status).filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect(await paymentsOf(chit.id)).toHaveLength(1);
  });
});

describe("the payment page form", () => {
  it("submitted twice (a double click, or Back and submit again) records one payment and says so", async () => {
    const chit = await createChit(member);
    const form = await (await member.fetch(`/chits/${chit.id}/payments/new`)).text();
    const submission = /name="submission" value="([^"]+)"/.exec(form)?.[1];
    expect(submission).toMatch(/^[0-9a-f-]{36}$/);
    const fields = {
      instalment: "1",
      amount: "5000",
      paidOn: "2025-02-01",
      method: "upi",
      reference: "FORM-1",
      submission: submission!,
    };
    const [a, b] = await Promise.all([
      postMultipart(member, `/chits/${chit.id}/payments`, fields),
      postMultipart(member, `/chits/${chit.id}/payments`, fields),
    ]);
    expect(idFrom(a, "/payments/")).toBe(idFrom(b, "/payments/"));
    const again = await postMultipart(member, `/chits/${chit.id}/payments`, fields);
    expect(idFrom(again, "/payments/")).toBe(idFrom(a, "/payments/"));
    expect(again.headers.get("location")).toContain("notice=payment-already-saved");
    expect(await paymentsOf(chit.id)).toHaveLength(1);
    // A new form is a new payment.
    const next = await (await member.fetch(`/chits/${chit.id}/payments/new`)).text();
    expect(/name="submission" value="([^"]+)"/.exec(next)?.[1]).not.toBe(submission);
  });

  it("a form refused for bad input keeps its id, and its corrected submission is recorded once", async () => {
    const chit = await createChit(member);
    const form = await (await member.fetch(`/chits/${chit.id}/payments/new`)).text();
    const submission = /name="submission" value="([^"]+)"/.exec(form)![1]!;
    const bad = await postMultipart(member, `/chits/${chit.id}/payments`, {
      instalment: "1",
      amount: "lots",
      paidOn: "2025-02-01",
      method: "upi",
      submission,
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(`name="submission" value="${submission}"`);
    const good = await postMultipart(member, `/chits/${chit.id}/payments`, {
      instalment: "1",
      amount: "5000",
      paidOn: "2025-02-01",
      method: "upi",
      submission,
    });
    expect(good.status).toBe(303);
    expect(await paymentsOf(chit.id)).toHaveLength(1);
  });
});

describe("receipt files that cannot be kept", () => {
  it("a 0-byte receipt gets a clear error and nothing is saved (API and page)", async () => {
    const chit = await createChit(member);
    const api = await member.fetch(`/api/v1/chits/${chit.id}/payments`, {
      method: "POST",
      headers: { origin: BASE },
      body: multipart({ amount: "5000" }, [{ name: "empty.jpg", bytes: new Uint8Array(0), type: "image/jpeg" }]),
    });
    const error = await expectError(Promise.resolve(api), 400);
    expect(error.code).toBe("empty-file");
    expect(error.message).toContain("empty.jpg is empty");
    const page = await postMultipart(
      member,
      `/chits/${chit.id}/payments`,
      { instalment: "1", amount: "5000", paidOn: "2025-02-01", method: "upi" },
      [{ name: "empty.png", bytes: new Uint8Array(0), type: "image/png" }],
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("The file is empty.");
    expect(await paymentsOf(chit.id)).toHaveLength(0);
  });

  it("an image over 50 megapixels is refused from its header with 413, before it is decoded", async () => {
    const chit = await createChit(member);
    const huge = pngHeader(16000, 16000);
    const started = performance.now();
    const res = await member.fetch(`/api/v1/chits/${chit.id}/payments`, {
      method: "POST",
      headers: { origin: BASE },
      body: multipart({ amount: "5000" }, [{ name: "huge.png", bytes: huge, type: "image/png" }]),
    });
    const error = await expectError(Promise.resolve(res), 413);
    expect(error.code).toBe("image-too-large");
    expect(error.message).toContain("16000 x 16000 pixels");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await paymentsOf(chit.id)).toHaveLength(0);
  });
});

describe("deleting when the file store fails", () => {
  it("a payment or receipt delete answers success once committed; the files are left to the sweep", async () => {
    const chit = await createChit(member);
    const png = await pngScreenshot("delete me");
    const made = await expectStatus<PaymentResultBody>(
      member.fetch(`/api/v1/chits/${chit.id}/payments`, {
        method: "POST",
        headers: { origin: BASE },
        body: multipart({ amount: "5000" }, [
          { name: "a.png", bytes: png, type: "image/png" },
          { name: "b.png", bytes: await pngScreenshot("other"), type: "image/png" },
        ]),
      }),
      201,
    );
    const files = t.services.ledger.files;
    const realDelete = files.delete;
    files.delete = async () => {
      throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
    };
    try {
      const receiptId = made.payment.receipts[0]!.id;
      expect((await member.json(`/api/v1/receipts/${receiptId}`, {}, "DELETE")).status).not.toBe(500);
      await expectStatus(member.json(`/api/v1/payments/${made.payment.id}`, {}, "DELETE"), 204);
      const page = await member.form(`/chits/${chit.id}/delete`, { confirm: "yes" });
      expect(page.status).toBe(303);
    } finally {
      files.delete = realDelete;
    }
    expect(await paymentsOf(chit.id)).toHaveLength(0);
    // The files are still there, named by no receipt: the sweep removes them once they are an hour old.
    const later = { now: () => new Date(Date.now() + 2 * 60 * 60 * 1000) };
    const swept = await sweepOrphanFiles({ files, payments: t.services.ledger.payments, clock: later });
    expect(swept.orphans).toBeGreaterThanOrEqual(4);
  });
});

describe("the sweep of orphan files", () => {
  it("removes files older than an hour that no receipt names, and keeps named and recent ones", async () => {
    const chit = await createChit(member);
    const kept = await expectStatus<PaymentResultBody>(
      member.fetch(`/api/v1/chits/${chit.id}/payments`, {
        method: "POST",
        headers: { origin: BASE },
        body: multipart({ amount: "5000" }, [
          { name: "kept.png", bytes: await pngScreenshot("kept"), type: "image/png" },
        ]),
      }),
      201,
    );
    const files = t.services.ledger.files;
    await files.put(`receipts/${ownerId}/orphan-left-by-a-crash.jpg`, new Uint8Array([1, 2, 3]), "image/jpeg");
    const keys = async () => {
      const all: string[] = [];
      for await (const f of files.list()) all.push(f.key);
      return all;
    };
    // Just stored: maybe its payment is still on its way, so it stays.
    const now = await sweepOrphanFiles({
      files,
      payments: t.services.ledger.payments,
      clock: { now: () => new Date() },
    });
    expect(now.orphans).toBe(0);
    expect(await keys()).toContain(`receipts/${ownerId}/orphan-left-by-a-crash.jpg`);
    const later = await sweepOrphanFiles({
      files,
      payments: t.services.ledger.payments,
      clock: { now: () => new Date(Date.now() + 2 * 60 * 60 * 1000) },
    });
    expect(later.orphans).toBe(1);
    expect(await keys()).not.toContain(`receipts/${ownerId}/orphan-left-by-a-crash.jpg`);
    const receipt = (await t.services.ledger.payments.get(ownerId, kept.payment.id))!.receipts[0]!;
    expect(await keys()).toEqual(expect.arrayContaining([receipt.key, receipt.thumbnailKey]));
    expect((await member.fetch(`/api/v1/receipts/${receipt.id}`)).status).toBe(200);
  });
});

/** A PNG whose header says width x height (the pixels themselves need not be there: the header is all that is read). */
function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", Buffer.alloc(64)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}
