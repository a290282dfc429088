// The OpenAPI 3.1 paths of /api/v1, one entry per route the Hono app registers (a test checks they match).
import { json, type Method, type Operation, type Parameter, type Response, ref, type Schema } from "./openapi-types.ts";

const ok = (description: string, schema: Schema): Response => ({ description, content: json(schema) });
const noContent: Response = { description: "Done; no body." };
const err = (code: string) => ({ $ref: `#/components/responses/${code}` });
/** Every /api/v1 route can answer these: not signed in, and signed in but not (yet) approved. */
const guarded = { "401": err("Unauthenticated"), "403": err("Forbidden") };

const idParam = (what: string): Parameter => ({
  name: "id",
  in: "path",
  required: true,
  description: `The ${what}'s id; another member's id answers 404.`,
  schema: { type: "string" },
});
const query = (name: string, schema: Schema, description?: string): Parameter => ({ name, in: "query", schema, ...(description ? { description } : {}) });
const paymentBody = {
  required: false,
  content: {
    "multipart/form-data": { schema: ref("PaymentForm") },
    "application/x-www-form-urlencoded": { schema: ref("PaymentForm") },
    ...json(ref("PaymentInput")),
  },
};
const receiptBytes: Response = {
  description: "The file, with X-Content-Type-Options: nosniff, Cache-Control: private, and Content-Disposition inline for images or attachment for PDF.",
  content: {
    "image/jpeg": { schema: { type: "string", contentMediaType: "image/jpeg" } },
    "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } },
  },
};

export const paths: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/v1/chits": {
    get: {
      operationId: "listChits",
      summary: "The member's chits, each with paid, total payable, balance and next due.",
      tags: ["chits"],
      responses: { "200": ok("The chits.", ref("ChitList")), ...guarded },
    },
    post: {
      operationId: "createChit",
      summary: "Add a chit with its rules; unset settings take the common defaults.",
      tags: ["chits"],
      requestBody: { required: true, content: json(ref("ChitInput")) },
      responses: { "201": ok("The chit.", ref("Chit")), "400": err("BadInput"), ...guarded },
    },
  },
  "/api/v1/chits/{id}": {
    get: {
      operationId: "getChit",
      summary: "One chit.",
      tags: ["chits"],
      parameters: [idParam("chit")],
      responses: { "200": ok("The chit.", ref("Chit")), "404": err("NotFound"), ...guarded },
    },
    patch: {
      operationId: "updateChit",
      summary: "Change a chit's details or rules, or close/reopen it (status).",
      tags: ["chits"],
      parameters: [idParam("chit")],
      requestBody: { required: true, content: json(ref("ChitPatch")) },
      responses: { "200": ok("The chit.", ref("Chit")), "400": err("BadInput"), "404": err("NotFound"), ...guarded },
    },
    delete: {
      operationId: "deleteChit",
      summary: "Delete a chit with its payments and receipts.",
      tags: ["chits"],
      parameters: [idParam("chit")],
      responses: { "204": noContent, "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/chits/{id}/instalments/{n}": {
    put: {
      operationId: "recordInstalment",
      summary: "Record an instalment: its discount (or the prize, from which the discount follows), the payable on the notice, and winning it.",
      description: "Fields left out keep their value; null clears one.",
      tags: ["chits"],
      parameters: [
        idParam("chit"),
        { name: "n", in: "path", required: true, description: "Instalment number, 1 to members.", schema: { type: "integer", minimum: 1 } },
      ],
      requestBody: { required: true, content: json(ref("InstalmentInput")) },
      responses: {
        "200": ok("The instalment's row of the schedule.", ref("InstalmentResult")),
        "400": err("BadInput"),
        "404": err("NotFound"),
        "409": { description: "The member already won another instalment of this chit.", content: json(ref("Error")) },
        ...guarded,
      },
    },
  },
  "/api/v1/chits/{id}/schedule": {
    get: {
      operationId: "getSchedule",
      summary: "Due dates, discount, dividend, payable, prize, paid, balance and status per instalment, with totals and the real rate.",
      tags: ["chits"],
      parameters: [
        idParam("chit"),
        query("benchmark", { type: "number", default: 7 }, "Benchmark rate for NPV and MIRR, percent a year."),
        query(
          "assumption",
          { type: "string", enum: ["no-more-dividends", "average-discount"], default: "no-more-dividends" },
          "How the projection treats auctions not held yet.",
        ),
      ],
      responses: { "200": ok("The schedule.", ref("Schedule")), "400": err("BadInput"), "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/chits/{id}/payments": {
    get: {
      operationId: "listChitPayments",
      summary: "The chit's payments.",
      tags: ["payments"],
      parameters: [idParam("chit")],
      responses: { "200": ok("Payments.", ref("ChitPayments")), "404": err("NotFound"), ...guarded },
    },
    post: {
      operationId: "recordPayment",
      summary: "Record a payment, with receipt files (multipart) or without (JSON); defaults come from the schedule.",
      tags: ["payments"],
      parameters: [idParam("chit")],
      requestBody: paymentBody,
      responses: {
        "201": ok("The payment, and warnings when the same receipt or reference was used before.", ref("PaymentResult")),
        "400": err("BadInput"),
        "404": err("NotFound"),
        "409": { description: "The chit is closed.", content: json(ref("Error")) },
        "413": err("TooLarge"),
        "415": err("UnsupportedFile"),
        ...guarded,
      },
    },
  },
  "/api/v1/payments": {
    get: {
      operationId: "findPayments",
      summary: "Payment history across all chits.",
      tags: ["payments"],
      parameters: [
        query("chit", { type: "string" }, "A chit id."),
        query("from", { type: "string", format: "date" }),
        query("to", { type: "string", format: "date" }),
        query("method", { type: "string", enum: ["upi", "cash", "bank", "cheque", "other"] }),
        query("status", { type: "string", enum: ["full", "part"] }, "full: the payment's instalment is fully paid; part: not yet."),
        query("q", { type: "string" }, "Searches reference and notes."),
        query("page", { type: "integer", minimum: 1, default: 1 }),
        query("perPage", { type: "integer", minimum: 1, maximum: 200, default: 25 }),
      ],
      responses: { "200": ok("One page of payments, newest first.", ref("PaymentPage")), "400": err("BadInput"), ...guarded },
    },
  },
  "/api/v1/payments/{id}": {
    get: {
      operationId: "getPayment",
      summary: "One payment with its receipts.",
      tags: ["payments"],
      parameters: [idParam("payment")],
      responses: { "200": ok("The payment.", ref("Payment")), "404": err("NotFound"), ...guarded },
    },
    patch: {
      operationId: "updatePayment",
      summary: "Correct a payment; receipt files sent (multipart) are added to it.",
      tags: ["payments"],
      parameters: [idParam("payment")],
      requestBody: paymentBody,
      responses: {
        "200": ok("The payment.", ref("PaymentResult")),
        "400": err("BadInput"),
        "404": err("NotFound"),
        "413": err("TooLarge"),
        "415": err("UnsupportedFile"),
        ...guarded,
      },
    },
    delete: {
      operationId: "deletePayment",
      summary: "Delete a payment and its receipt files.",
      tags: ["payments"],
      parameters: [idParam("payment")],
      responses: { "204": noContent, "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/receipts/read": {
    post: {
      operationId: "readScreenshot",
      summary: "Read a UPI payment screenshot: amount, UPI reference (UTR), date, payee and the payee's UPI id. Nothing is stored.",
      description:
        "OCR runs on the server, offline. Each field is null when it could not be read with confidence (never a guess). The reference is the bank's 12-digit UPI reference, not an app's own transaction or order id. Reads run a few at a time: when too many wait the answer is 503 (code reader-busy), and a read that takes too long ends with 503 (reader-timeout).",
      tags: ["receipts"],
      requestBody: { required: true, content: { "multipart/form-data": { schema: ref("ScreenshotUpload") } } },
      responses: {
        "200": ok("What the screenshot shows; rupees for the amount.", ref("ScreenshotFields")),
        "400": err("BadInput"),
        "413": err("TooLarge"),
        "415": err("UnsupportedImage"),
        "429": err("RateLimited"),
        "503": err("Unavailable"),
        ...guarded,
      },
    },
  },
  "/api/v1/receipts/{id}": {
    get: {
      operationId: "getReceipt",
      summary: "The receipt file, to its owner only.",
      tags: ["receipts"],
      parameters: [idParam("receipt")],
      responses: { "200": receiptBytes, "404": err("NotFound"), ...guarded },
    },
    delete: {
      operationId: "deleteReceipt",
      summary: "Remove one receipt from its payment.",
      tags: ["receipts"],
      parameters: [idParam("receipt")],
      responses: { "204": noContent, "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/receipts/{id}/thumbnail": {
    get: {
      operationId: "getReceiptThumbnail",
      summary: "A small JPEG of the receipt (a PDF icon for PDFs).",
      tags: ["receipts"],
      parameters: [idParam("receipt")],
      responses: {
        "200": { description: "A JPEG, inline.", content: { "image/jpeg": { schema: { type: "string", contentMediaType: "image/jpeg" } } } },
        "404": err("NotFound"),
        ...guarded,
      },
    },
  },
  "/api/v1/summary": {
    get: {
      operationId: "getSummary",
      summary: "Totals across chits, upcoming (30 days) and overdue instalments, a card per chit.",
      tags: ["summary"],
      responses: { "200": ok("The summary.", ref("Summary")), ...guarded },
    },
  },
  "/api/v1/notifications": {
    get: {
      operationId: "listNotifications",
      summary: "The member's latest notifications and the unread count.",
      tags: ["notifications"],
      parameters: [query("unread", { type: "boolean" }, "true: unread only.")],
      responses: { "200": ok("Notifications.", ref("NotificationList")), ...guarded },
    },
  },
  "/api/v1/notifications/{id}/read": {
    post: {
      operationId: "markNotificationRead",
      summary: "Mark one notification read.",
      tags: ["notifications"],
      parameters: [idParam("notification")],
      responses: { "204": noContent, "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/notifications/read-all": {
    post: {
      operationId: "markAllNotificationsRead",
      summary: "Mark every notification read.",
      tags: ["notifications"],
      responses: { "200": ok("How many were marked.", { type: "object", properties: { marked: { type: "integer" } }, required: ["marked"] }), ...guarded },
    },
  },
};
