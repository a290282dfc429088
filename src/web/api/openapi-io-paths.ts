// The OpenAPI paths and schemas for what goes in and out in bulk: CSV exports, PDF statements and the annual summary,
// CSV imports of payments, and personal API tokens (merged into the document by openapi.ts).
import {
  arrayOf,
  bool,
  date,
  instant,
  int,
  json,
  type Method,
  nullable,
  num,
  type Operation,
  object,
  type Parameter,
  type Response,
  ref,
  type Schema,
  str,
} from "./openapi-types.ts";

const err = (code: string) => ({ $ref: `#/components/responses/${code}` });
const guarded = { "401": err("Unauthenticated"), "403": err("Forbidden") };
const errorWith = (description: string): Response => ({ description, content: json(ref("Error")) });
const idParam = (what: string): Parameter => ({
  name: "id",
  in: "path",
  required: true,
  description: `The ${what}'s id; another member's id answers 404.`,
  schema: { type: "string" },
});
const query = (name: string, schema: Schema, description: string): Parameter => ({ name, in: "query", schema, description });
const file = (contentType: string, description: string): Response => ({
  description: `${description} Sent as an attachment (Content-Disposition) with Cache-Control: private, no-store.`,
  content: { [contentType]: { schema: { type: "string", contentMediaType: contentType } } },
});

export const ioTags = [
  { name: "exports", description: "CSV and PDF downloads: payments, schedules, statements, the annual summary." },
  { name: "imports", description: "Bulk import of payments from a CSV file: preview with errors, then commit all or nothing." },
  { name: "tokens", description: "Personal API tokens for `Authorization: Bearer <token>`." },
];

export const ioPaths: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/v1/payments/export.csv": {
    get: {
      operationId: "exportPaymentsCsv",
      summary: "Payments as CSV, one row per payment, oldest first.",
      description:
        "Columns: date (YYYY-MM-DD), chit, instalment, amount (rupees, 2 decimals, no grouping), method, reference, notes, receipts (how many). RFC 4180 quoting, CRLF line ends, UTF-8; text cells starting with = + - @ get a leading apostrophe so spreadsheets do not run them.",
      tags: ["exports"],
      parameters: [
        query("chit", { type: "string" }, "Only this chit's payments (its id)."),
        query("from", { type: "string", format: "date" }, "Paid on or after, YYYY-MM-DD."),
        query("to", { type: "string", format: "date" }, "Paid on or before, YYYY-MM-DD."),
      ],
      responses: { "200": file("text/csv", "The CSV; X-Row-Count says how many payments."), "400": err("BadInput"), "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/chits/{id}/schedule.csv": {
    get: {
      operationId: "exportScheduleCsv",
      summary:
        "The chit's schedule as CSV: instalment, due_date, discount, dividend, dividend_applied, payable, paid, balance, status, estimated, prize, won_by_me.",
      tags: ["exports"],
      parameters: [idParam("chit")],
      responses: { "200": file("text/csv", "The CSV."), "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/chits/{id}/statement.pdf": {
    get: {
      operationId: "chitStatementPdf",
      summary: "The chit's statement as a PDF: member, foreman, terms, every instalment with its payments, prize, totals, the rate, receipt thumbnails.",
      tags: ["exports"],
      parameters: [idParam("chit")],
      responses: { "200": file("application/pdf", "The PDF (A4 landscape, page numbers, generated date)."), "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/reports/annual.pdf": {
    get: {
      operationId: "annualSummaryPdf",
      summary: "A year across all chits as a PDF: paid, fell due, dividends, prize money, by chit and by month, and every payment.",
      tags: ["exports"],
      parameters: [query("year", { type: "integer", minimum: 1990, maximum: 2200 }, "The calendar year; default this year in the member's time zone.")],
      responses: { "200": file("application/pdf", "The PDF."), "400": err("BadInput"), ...guarded },
    },
  },
  "/api/v1/imports": {
    post: {
      operationId: "previewImport",
      summary: "Upload a CSV of payments and get it checked: a preview with an error beside each bad row. Nothing is imported yet.",
      description:
        "UTF-8 (with or without BOM), UTF-16 or Windows-1252; comma, semicolon or tab; dates DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD; amounts such as 1,00,000.00 or ₹5,000. Columns are matched by header name (date, amount, chit, instalment, reference, method, notes and common synonyms) unless `mapping` names them. Rows are numbered as in a spreadsheet (the header is row 1). A row with the same reference, or the same chit, date and amount, as a recorded payment or another row is a duplicate (an error). At most 10,000 rows; the preview is kept for 24 hours.",
      tags: ["imports"],
      requestBody: { required: true, content: { "multipart/form-data": { schema: ref("ImportUpload") } } },
      responses: {
        "201": { description: "The preview (errors may be non-empty).", content: json(ref("ImportPreview")) },
        "400": errorWith("The file cannot be read (encoding, delimiter, no rows) or its columns do not match (code missing-columns, with fields)."),
        "413": errorWith("The file has more than 10,000 rows (code too-many-rows) or is larger than 20 MB."),
        "415": errorWith("Not a multipart upload."),
        ...guarded,
      },
    },
  },
  "/api/v1/imports/{id}": {
    get: {
      operationId: "getImport",
      summary: "A preview again (until it expires or is committed).",
      tags: ["imports"],
      parameters: [idParam("import")],
      responses: { "200": { description: "The preview.", content: json(ref("ImportPreview")) }, "404": err("NotFound"), ...guarded },
    },
  },
  "/api/v1/imports/{id}/commit": {
    post: {
      operationId: "commitImport",
      summary: "Import every row of a preview, all or nothing.",
      tags: ["imports"],
      parameters: [idParam("import")],
      responses: {
        "200": { description: "Imported.", content: json(object({ imported: int("How many payments."), paymentIds: arrayOf(str()) })) },
        "404": err("NotFound"),
        "409": errorWith("Rows have errors (code import-has-errors); nothing was imported. Fix the file and upload it again."),
        ...guarded,
      },
    },
  },
  "/api/v1/tokens": {
    get: {
      operationId: "listTokens",
      summary: "The member's API tokens (never the tokens themselves), with when each was last used.",
      tags: ["tokens"],
      responses: { "200": { description: "The tokens.", content: json(object({ tokens: arrayOf(ref("ApiToken")) })) }, ...guarded },
    },
    post: {
      operationId: "createToken",
      summary: "Create a token; the answer holds it once. Needs a signed-in session: a request made with a token gets 403.",
      tags: ["tokens"],
      security: [{ cookieAuth: [] }],
      requestBody: {
        required: true,
        content: json(
          object(
            {
              name: str("What it is for.", { maxLength: 60 }),
              expiresInDays: nullable(int("Days until it stops working; null or absent: never.", { minimum: 1, maximum: 3650 })),
            },
            ["name"],
          ),
        ),
      },
      responses: {
        "201": { description: "The token, shown only this once.", content: json(ref("NewApiToken")) },
        "400": err("BadInput"),
        "403": errorWith("Called with a token (code token-cannot-create-tokens), or the account may not use the app."),
        "409": errorWith("The member already has the most tokens allowed (50)."),
        "401": err("Unauthenticated"),
      },
    },
  },
  "/api/v1/tokens/{id}": {
    delete: {
      operationId: "revokeToken",
      summary: "Revoke a token: it stops working at once.",
      tags: ["tokens"],
      parameters: [idParam("token")],
      responses: { "204": { description: "Revoked." }, "404": err("NotFound"), ...guarded },
    },
  },
};

const apiToken: Record<string, Schema> = {
  id: str(),
  name: str(),
  prefix: str("The token's first characters, to tell tokens apart."),
  createdAt: instant,
  lastUsedAt: nullable({ ...instant, description: "Updated at most once a minute." }),
  expiresAt: nullable(instant),
  expired: bool(),
};

const fields = ["date", "amount", "chit", "instalment", "reference", "method", "notes"];
const rowError = object({
  row: int("Spreadsheet row: the header is row 1."),
  field: str("date, amount, chit, instalment, method, reference, notes, duplicate or row."),
  message: str(),
});

export const ioSchemas: Record<string, Schema> = {
  ApiToken: object(apiToken),
  NewApiToken: object({ ...apiToken, token: str("The token: send it as Authorization: Bearer <token>. Shown only this once."), notice: str() }),
  ImportUpload: object(
    {
      file: { type: "string", contentMediaType: "text/csv", description: "The CSV file." },
      mapping: str(`JSON object from ${fields.join(", ")} to the file's column names, e.g. {"date": "Paid on"}. Fields left out are matched by header name.`),
      chit: str("A chit (id or name) for rows that name none, when the file has no chit column."),
    },
    ["file"],
  ),
  ImportPreview: object({
    id: str(),
    fileName: str(),
    createdAt: instant,
    expiresAt: instant,
    encoding: str("utf-8, utf-16le, utf-16be or windows-1252."),
    delimiter: str("comma, semicolon or tab."),
    headers: arrayOf(str()),
    columns: { type: "object", description: "Field -> the column it was read from.", additionalProperties: { type: ["string", "null"] } },
    ready: bool("True when the preview can be committed."),
    rows: arrayOf(
      object({
        row: int(),
        chitId: nullable(str()),
        chit: str(),
        instalment: nullable(int()),
        amount: nullable(num("Rupees.")),
        paidOn: nullable(date()),
        method: str(),
        reference: str(),
        notes: str(),
        errors: arrayOf(object({ field: str(), message: str() })),
      }),
    ),
    errors: arrayOf(rowError),
    commitUrl: str(),
  }),
};
