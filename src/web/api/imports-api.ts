// /api/v1/imports: bulk import of payments from CSV. POST a file (multipart `file`, optional `mapping` JSON and default
// `chit`) to get a checked preview; POST /imports/{id}/commit imports it all-or-nothing, or answers 409 while errors
// remain.
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { commitPaymentImport } from "../../app/commit-payment-import.ts";
import { badInput } from "../../app/errors.ts";
import { findImportPreview } from "../../app/find-import-preview.ts";
import { previewPaymentImport } from "../../app/preview-payment-import.ts";
import type { WebEnv } from "../env.ts";
import { errorSchema, idParam } from "./json/common.ts";
import { importCommittedSchema, importPreviewJson, importPreviewSchema } from "./json/import-json.ts";
import { describeRoute, guarded, requestSchema } from "./openapi/describe-route.ts";
import { readMultipart } from "./request-body.ts";

const FIELDS = ["date", "amount", "chit", "instalment", "reference", "method", "notes"];

const importUpload = requestSchema(
  "ImportUpload",
  z.object({
    file: z.file().min(1).meta({ contentMediaType: "text/csv", description: "The CSV file." }),
    mapping: z
      .string()
      .optional()
      .catch(undefined)
      .meta({
        description:
          `JSON object from ${FIELDS.join(", ")} to the file's column names, e.g. {"date": "Paid ` +
          `on"}. Fields left out are matched by header name.`,
      }),
    chit: z
      .string()
      .optional()
      .catch(undefined)
      .meta({ description: "A chit (id or name) for rows that name none, when the file has no chit column." }),
  }),
);

/** The uploaded CSV and the optional mapping and default chit from a multipart form. */
export async function readImportUpload(
  c: Context<WebEnv>,
): Promise<{ fileName: string; bytes: Uint8Array; mapping?: string; chit?: string }> {
  const body = await readMultipart(c, {
    message: "Send the CSV as multipart/form-data in a field named file.",
    file: "Choose a CSV file.",
  });
  const upload = importUpload.safeParse(body);
  if (!upload.success) throw badInput({ file: "Choose a CSV file." }, "Choose a CSV file to import.");
  const { file, mapping, chit } = upload.data;
  return { fileName: file.name || "upload.csv", bytes: new Uint8Array(await file.arrayBuffer()), mapping, chit };
}

const tags = ["imports"];

export const importsApi = new Hono<WebEnv>()
  .post(
    "/imports",
    describeRoute({
      operationId: "previewImport",
      summary:
        "Upload a CSV of payments and get it checked: a preview with an error beside each bad " +
        "row. Nothing is imported yet.",
      description:
        "UTF-8 (with or without BOM), UTF-16 or Windows-1252; comma, semicolon or tab; dates " +
        "DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD; amounts such as 1,00,000.00 or ₹5,000. Columns " +
        "are matched by header name (date, amount, chit, instalment, reference, method, notes " +
        "and common synonyms) unless `mapping` names them. Rows are numbered as in a " +
        "spreadsheet (the header is row 1). A row with the same reference, or the same chit, " +
        "date and amount, as a recorded payment or another row is a duplicate (an error). At " +
        "most 10,000 rows; the preview is kept for 24 hours.",
      tags,
      body: { required: true, content: { "multipart/form-data": importUpload } },
      responses: {
        201: { description: "The preview (errors may be non-empty).", json: importPreviewSchema },
        400: {
          description:
            "The file cannot be read (encoding, delimiter, no rows) or its columns do not match " +
            "(code missing-columns, with fields).",
          json: errorSchema,
        },
        413: {
          description: "The file has more than 10,000 rows (code too-many-rows) or is larger than 20 MB.",
          json: errorSchema,
        },
        415: { description: "Not a multipart upload.", json: errorSchema },
        ...guarded,
      },
    }),
    async (c) => {
      const upload = await readImportUpload(c);
      const preview = await previewPaymentImport(c.get("services").paymentImports, c.get("member"), {
        ...upload,
        strictColumns: true,
      });
      return c.json(importPreviewJson(preview), 201, { location: `/api/v1/imports/${preview.id}` });
    },
  )
  .get(
    "/imports/:id",
    describeRoute({
      operationId: "getImport",
      summary: "A preview again (until it expires or is committed).",
      tags,
      params: idParam("import"),
      responses: { 200: { description: "The preview.", json: importPreviewSchema }, 404: "NotFound", ...guarded },
    }),
    async (c) =>
      c.json(
        importPreviewJson(
          await findImportPreview(c.get("services").paymentImports, c.get("member"), c.req.param("id")),
        ),
      ),
  )
  .post(
    "/imports/:id/commit",
    describeRoute({
      operationId: "commitImport",
      summary: "Import every row of a preview, all or nothing.",
      tags,
      params: idParam("import"),
      responses: {
        200: { description: "Imported.", json: importCommittedSchema },
        404: "NotFound",
        409: {
          description:
            "Rows have errors (code import-has-errors); nothing was imported. Fix the file and upload it again.",
          json: errorSchema,
        },
        ...guarded,
      },
    }),
    async (c) => {
      const { imported, payments } = await commitPaymentImport(
        c.get("services").paymentImports,
        c.get("member"),
        c.req.param("id"),
      );
      return c.json({ imported, paymentIds: payments.map((p) => p.id) } satisfies z.infer<
        typeof importCommittedSchema
      >);
    },
  );
