// POST /api/v1/receipts/read: reads a payment screenshot (multipart `file`) and answers what it shows, in rupees:
// { amount, reference, paidOn, payee, upiId }, each null when it could not be read. Nothing is stored. The body is
// capped before it is read (body-cap.ts: one receipt's size).
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { readPaymentScreenshotFile } from "../../app/read-payment-screenshot.ts";
import { paiseToRupees } from "../../domain/money.ts";
import type { ScreenshotFields } from "../../domain/screenshot/read-payment-screenshot.ts";
import type { WebEnv } from "../env.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { errorSchema } from "./json/common.ts";
import { describeRoute, guarded, requestSchema, responseSchema } from "./openapi/describe-route.ts";
import { readMultipart } from "./request-body.ts";

const screenshotUpload = requestSchema(
  "ScreenshotUpload",
  z.object({
    file: z
      .file()
      .min(1)
      .meta({ contentMediaType: "image/*", description: "The screenshot: JPEG, PNG, WebP or HEIC." }),
  }),
);

export const screenshotFieldsSchema = responseSchema(
  "ScreenshotFields",
  z.object({
    amount: z.number().nullable().meta({ description: "Rupees, at most 2 decimals." }),
    reference: z.string().nullable().meta({
      description: "The 12-digit UPI reference (UTR/RRN), digits only; never an app's own transaction or order id.",
    }),
    paidOn: z.string().nullable().meta({ description: "The payment's date, YYYY-MM-DD." }),
    payee: z.string().nullable().meta({ description: "The payee's name as the screenshot writes it." }),
    upiId: z.string().nullable().meta({ description: "The payee's UPI id in lower case (name@handle)." }),
  }),
);

export const screenshotJson = (f: ScreenshotFields): z.infer<typeof screenshotFieldsSchema> => ({
  amount: f.amount === null ? null : paiseToRupees(f.amount),
  reference: f.reference,
  paidOn: f.paidOn,
  payee: f.payee,
  upiId: f.upiId,
});

async function uploadedFile(c: Context<WebEnv>) {
  const body = await readMultipart(c, {
    message: "Send the screenshot as multipart/form-data in a field named file.",
    file: "Choose a screenshot.",
  });
  const file = body.file;
  return file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
}

export const screenshotReadApi = new Hono<WebEnv>().post(
  "/receipts/read",
  describeRoute({
    operationId: "readScreenshot",
    summary:
      "Read a UPI payment screenshot: amount, UPI reference (UTR), date, payee and the " +
      "payee's UPI id. Nothing is stored.",
    description:
      "OCR runs on the server, offline. Each field is null when it could not be read with " +
      "confidence (never a guess). Reads run a few at a time: when too many wait the answer " +
      "is 503 (code reader-busy); a read that takes too long ends with 503 (reader-timeout).",
    tags: ["receipts"],
    body: { required: true, content: { "multipart/form-data": screenshotUpload } },
    responses: {
      200: { description: "What the screenshot shows; rupees for the amount.", json: screenshotFieldsSchema },
      400: "BadInput",
      413: { description: "The screenshot is larger than RECEIPT_MAX_MB.", json: errorSchema },
      415: {
        description:
          "Not an image (JPEG, PNG, WebP or HEIC by its bytes; a PDF is not read), or not a multipart upload.",
        json: errorSchema,
      },
      429: {
        description: "Too many reads in a minute (code rate-limited); Retry-After says when to try again.",
        json: errorSchema,
      },
      503: {
        description: "Cannot read now: code reader-busy, reader-timeout or reader-unavailable.",
        json: errorSchema,
      },
      ...guarded,
    },
  }),
  rateLimit({ name: "screenshot-read", max: 30, windowMs: 60_000, key: (c) => c.get("member").id }),
  async (c) => {
    const services = c.get("services");
    const deps = { reader: services.screenshots, clock: services.clock, maxBytes: services.ledger.receiptMaxBytes };
    const fields = await readPaymentScreenshotFile(deps, c.get("member"), await uploadedFile(c));
    c.header("cache-control", "no-store");
    return c.json(screenshotJson(fields));
  },
);
