// /api/v1 payments: record against a chit's instalment (multipart with receipts, or JSON), history, edit and delete.
import { Hono } from "hono";
import { z } from "zod";
import { deletePayment } from "../../app/delete-payment.ts";
import { findPayment } from "../../app/find-payment.ts";
import { findPayments, paymentQuery } from "../../app/find-payments.ts";
import { paymentPatch } from "../../app/ledger-input.ts";
import { CHIT_PAYMENTS_PER_PAGE, chitPaymentsQuery, listChitPayments } from "../../app/list-chit-payments.ts";
import { recordPayment } from "../../app/record-payment.ts";
import { checkIdempotencyKey, recordPaymentOnce } from "../../app/record-payment-once.ts";
import { updatePayment } from "../../app/update-payment.ts";
import type { WebEnv } from "../env.ts";
import { ledgerCached } from "../middleware/ledger-cache.ts";
import { errorSchema, idParam } from "./json/common.ts";
import {
  chitPaymentsJson,
  chitPaymentsSchema,
  paymentJson,
  paymentPageJson,
  paymentPageSchema,
  paymentResultJson,
  paymentResultSchema,
  paymentSchema,
} from "./json/payment-json.ts";
import { describeRoute, guarded, requestSchema } from "./openapi/describe-route.ts";
import { readFieldsAndFiles } from "./request-body.ts";

const paymentInput = requestSchema("PaymentInput", paymentPatch);
const paymentForm = requestSchema(
  "PaymentForm",
  paymentPatch.extend({
    receipts: z
      .array(z.file())
      .optional()
      .meta({ description: "JPEG, PNG, WebP, HEIC or PDF files; also accepted under `receipt` or `file`." }),
  }),
);
const paymentBody = {
  required: false,
  content: {
    "multipart/form-data": paymentForm,
    "application/x-www-form-urlencoded": paymentInput,
    "application/json": paymentInput,
  },
};
const tags = ["payments"];

export const paymentsApi = new Hono<WebEnv>()
  .get(
    "/chits/:id/payments",
    describeRoute({
      operationId: "listChitPayments",
      summary: "The chit's payments, oldest first, a page at a time.",
      description:
        `At most perPage payments (default ${CHIT_PAYMENTS_PER_PAGE}: a typical chit's whole ` +
        "history); total and pages say how many there are. Ask page=2 and on for the " +
        "rest.",
      tags,
      params: idParam("chit"),
      query: chitPaymentsQuery,
      responses: {
        200: { description: "One page of the chit's payments.", json: chitPaymentsSchema },
        400: "BadInput",
        404: "NotFound",
        ...guarded,
      },
    }),
    ledgerCached,
    async (c) =>
      c.json(
        chitPaymentsJson(
          await listChitPayments(c.get("services").ledger, c.get("member"), c.req.param("id"), c.req.query()),
        ),
      ),
  )
  .post(
    "/chits/:id/payments",
    describeRoute({
      operationId: "recordPayment",
      summary: "Record a payment, with receipt files (multipart) or without (JSON); defaults come from the schedule.",
      description:
        "Send an `Idempotency-Key` header (1-255 visible ASCII characters, e.g. a UUID) to " +
        "make retries safe: the same key with the same request within a day answers the first " +
        "payment again (201, with `Idempotent-Replayed: true`) instead of recording a second one.",
      tags,
      params: idParam("chit"),
      body: paymentBody,
      responses: {
        201: {
          description: "The payment, and warnings when the same receipt or reference was used before.",
          json: paymentResultSchema,
          headers: {
            "Idempotent-Replayed":
              "true when this answers a retry with the same Idempotency-Key (no new payment was made).",
          },
        },
        400: "BadInput",
        404: "NotFound",
        409: {
          description:
            "The chit is closed (chit-closed) or cannot be scheduled (chit-unschedulable); the " +
            "Idempotency-Key was used for a different request (idempotency-key-reused) or its " +
            "first request is still under way (idempotency-key-in-use).",
          json: errorSchema,
        },
        413: "TooLarge",
        415: "UnsupportedFile",
        ...guarded,
      },
    }),
    async (c) => {
      const key = c.req.header("idempotency-key");
      const { fields, files } = await readFieldsAndFiles(c);
      const ledger = c.get("services").ledger;
      const result =
        key === undefined
          ? { ...(await recordPayment(ledger, c.get("member"), c.req.param("id"), fields, files)), replayed: false }
          : await recordPaymentOnce(
              ledger,
              c.get("member"),
              c.req.param("id"),
              fields,
              files,
              checkIdempotencyKey(key),
            );
      return c.json(paymentResultJson(result), 201, {
        location: `/api/v1/payments/${result.payment.id}`,
        ...(result.replayed ? { "idempotent-replayed": "true" } : {}),
      });
    },
  )
  .get(
    "/payments",
    describeRoute({
      operationId: "findPayments",
      summary: "Payment history across all chits, newest first.",
      tags,
      query: paymentQuery,
      responses: {
        200: { description: "One page of payments, newest first.", json: paymentPageSchema },
        400: "BadInput",
        ...guarded,
      },
    }),
    ledgerCached,
    async (c) => {
      const found = await findPayments(c.get("services").ledger, c.get("member"), c.req.query());
      return c.json(paymentPageJson(found));
    },
  )
  .get(
    "/payments/:id",
    describeRoute({
      operationId: "getPayment",
      summary: "One payment with its receipts.",
      tags,
      params: idParam("payment"),
      responses: { 200: { description: "The payment.", json: paymentSchema }, 404: "NotFound", ...guarded },
    }),
    async (c) =>
      c.json(paymentJson(await findPayment(c.get("services").ledger.payments, c.get("member").id, c.req.param("id")))),
  )
  .patch(
    "/payments/:id",
    describeRoute({
      operationId: "updatePayment",
      summary: "Correct a payment; receipt files sent (multipart) are added to it.",
      description: "Fields left out keep their value.",
      tags,
      params: idParam("payment"),
      body: paymentBody,
      responses: {
        200: { description: "The payment.", json: paymentResultSchema },
        400: "BadInput",
        404: "NotFound",
        413: "TooLarge",
        415: "UnsupportedFile",
        ...guarded,
      },
    }),
    async (c) => {
      const { fields, files } = await readFieldsAndFiles(c);
      return c.json(
        paymentResultJson(
          await updatePayment(c.get("services").ledger, c.get("member"), c.req.param("id"), fields, files),
        ),
      );
    },
  )
  .delete(
    "/payments/:id",
    describeRoute({
      operationId: "deletePayment",
      summary: "Delete a payment and its receipt files.",
      tags,
      params: idParam("payment"),
      responses: { 204: { description: "Done; no body." }, 404: "NotFound", ...guarded },
    }),
    async (c) => {
      await deletePayment(c.get("services").ledger, c.get("member").id, c.req.param("id"));
      return c.body(null, 204);
    },
  );
