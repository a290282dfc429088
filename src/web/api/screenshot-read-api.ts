// POST /api/v1/receipts/read: reads a payment screenshot (multipart `file`) and answers what it shows, in rupees:
// { amount, reference, paidOn, payee, upiId }, each null when it could not be read. Nothing is stored.
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../app/errors.ts";
import { readPaymentScreenshotFile } from "../../app/read-payment-screenshot.ts";
import { paiseToRupees } from "../../domain/money.ts";
import type { ScreenshotFields } from "../../domain/screenshot/read-payment-screenshot.ts";
import type { WebEnv } from "../env.ts";
import { rateLimit } from "../middleware/rate-limit.ts";

export const screenshotJson = (f: ScreenshotFields) => ({
  amount: f.amount === null ? null : paiseToRupees(f.amount),
  reference: f.reference,
  paidOn: f.paidOn,
  payee: f.payee,
  upiId: f.upiId,
});

/** One screenshot and a little form overhead; a larger body is refused before it is read. */
const readLimit = (c: Context<WebEnv>, next: () => Promise<void>) =>
  bodyLimit({
    maxSize: c.get("services").ledger.receiptMaxBytes + 64 * 1024,
    onError: () => {
      const mb = Math.round((c.get("services").ledger.receiptMaxBytes / 1024 / 1024) * 10) / 10;
      throw new AppError(413, "file-too-large", `The screenshot is larger than the ${mb} MB limit.`, { file: `At most ${mb} MB.` });
    },
  })(c, next);

async function uploadedFile(c: Context<WebEnv>) {
  if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
    throw new AppError(415, "multipart-required", "Send the screenshot as multipart/form-data in a field named file.", { file: "Choose a screenshot." });
  }
  let body: Record<string, string | File>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new AppError(400, "invalid-form", "The form data could not be read. Send it as multipart/form-data with a boundary.");
  }
  const file = body.file;
  return file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
}

export const screenshotReadApi = new Hono<WebEnv>().post(
  "/receipts/read",
  rateLimit({ name: "screenshot-read", max: 30, windowMs: 60_000, key: (c) => c.get("member").id }),
  readLimit,
  async (c) => {
    const services = c.get("services");
    const deps = { reader: services.screenshots, clock: services.clock, maxBytes: services.ledger.receiptMaxBytes };
    const fields = await readPaymentScreenshotFile(deps, c.get("member"), await uploadedFile(c));
    c.header("cache-control", "no-store");
    return c.json(screenshotJson(fields));
  },
);
