// Payments and their receipts as the API sends them (money in rupees), each shape a zod schema that the presenter
// below it is typed by and that the OpenAPI document is generated from.
import { z } from "zod";
import type { PaymentHistory, PaymentRow } from "../../../app/find-payments.ts";
import type { PaymentWarning } from "../../../app/flag-duplicates.ts";
import type { ChitPayments } from "../../../app/list-chit-payments.ts";
import { PAYMENT_METHODS, type Payment, type Receipt } from "../../../ports/ledger.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { count, day, instant, rupees, rupeesOut } from "./common.ts";

const receiptSchema = responseSchema(
  "Receipt",
  z.object({
    id: z.string(),
    paymentId: z.string(),
    contentType: z
      .enum(["image/jpeg", "application/pdf"])
      .meta({ description: "Images are re-encoded as JPEG (EXIF and GPS removed)." }),
    size: z.number().int().meta({ description: "Bytes." }),
    sha256: z.string().meta({ description: "Of the file as uploaded; the same file on two payments is flagged." }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    originalName: z.string(),
    url: z.string(),
    thumbnailUrl: z.string(),
    createdAt: instant(),
  }),
);

export function receiptJson(r: Receipt): z.infer<typeof receiptSchema> {
  return {
    id: r.id,
    paymentId: r.paymentId,
    contentType: r.contentType as z.infer<typeof receiptSchema>["contentType"],
    size: r.size,
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    originalName: r.originalName,
    url: `/api/v1/receipts/${r.id}`,
    thumbnailUrl: `/api/v1/receipts/${r.id}/thumbnail`,
    createdAt: r.createdAt.toISOString(),
  };
}

export const paymentSchema = responseSchema(
  "Payment",
  z.object({
    id: z.string(),
    chitId: z.string(),
    instalment: z.number().int(),
    amount: rupeesOut(),
    paidOn: day(),
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().meta({ description: "UPI or UTR number." }),
    notes: z.string(),
    receipts: z.array(receiptSchema),
    createdAt: instant(),
    updatedAt: instant(),
  }),
);
export type PaymentJson = z.infer<typeof paymentSchema>;

export function paymentJson(p: Payment): PaymentJson {
  return {
    id: p.id,
    chitId: p.chitId,
    instalment: p.instalment,
    amount: rupees(p.amount),
    paidOn: p.paidOn,
    method: p.method,
    reference: p.reference,
    notes: p.notes,
    receipts: p.receipts.map(receiptJson),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const paymentRowSchema = responseSchema(
  "PaymentRow",
  paymentSchema.extend({
    chitName: z.string(),
    instalmentStatus: z
      .string()
      .meta({ description: "The instalment's status (paid, part-paid, due, overdue, upcoming), or unknown." }),
  }),
);

function paymentRowJson(p: PaymentRow): z.infer<typeof paymentRowSchema> {
  return { ...paymentJson(p), chitName: p.chitName, instalmentStatus: p.instalmentStatus };
}

const warningSchema = responseSchema(
  "PaymentWarning",
  z.object({
    code: z.enum(["duplicate-receipt", "duplicate-reference"]),
    message: z.string(),
    otherPaymentId: z.string(),
  }),
);

export const paymentResultSchema = responseSchema(
  "PaymentResult",
  z.object({ payment: paymentSchema, warnings: z.array(warningSchema) }),
);

export function paymentResultJson(result: {
  payment: Payment;
  warnings: PaymentWarning[];
}): z.infer<typeof paymentResultSchema> {
  return {
    payment: paymentJson(result.payment),
    warnings: result.warnings.map(({ code, message, otherPaymentId }) => ({ code, message, otherPaymentId })),
  };
}

export const chitPaymentsSchema = responseSchema(
  "ChitPayments",
  z.object({
    chitId: z.string(),
    payments: z.array(paymentSchema).meta({ description: "Oldest first (paid on, then recorded, then id)." }),
    total: count("How many payments the chit has in all."),
    page: count(),
    perPage: count(),
    pages: count(),
  }),
);

export function chitPaymentsJson(p: ChitPayments): z.infer<typeof chitPaymentsSchema> {
  return {
    chitId: p.chitId,
    payments: p.items.map(paymentJson),
    total: p.total,
    page: p.page,
    perPage: p.perPage,
    pages: p.pages,
  };
}

export const paymentPageSchema = responseSchema(
  "PaymentPage",
  z.object({ payments: z.array(paymentRowSchema), total: count(), page: count(), perPage: count(), pages: count() }),
);

export function paymentPageJson(h: PaymentHistory): z.infer<typeof paymentPageSchema> {
  return { payments: h.payments.map(paymentRowJson), total: h.total, page: h.page, perPage: h.perPage, pages: h.pages };
}
