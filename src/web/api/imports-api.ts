// /api/v1/imports: bulk import of payments from CSV. POST a file (multipart `file`, optional `mapping` JSON and default
// `chit`) to get a checked preview; POST /imports/{id}/commit imports it all-or-nothing, or answers 409 while errors remain.
import type { Context } from "hono";
import { Hono } from "hono";
import { commitPaymentImport } from "../../app/commit-payment-import.ts";
import { AppError, badInput } from "../../app/errors.ts";
import { findImportPreview, previewPaymentImport } from "../../app/preview-payment-import.ts";
import { paiseToRupees } from "../../domain/money.ts";
import { matchColumns } from "../../domain/payment-import.ts";
import type { ImportPreview } from "../../ports/import-repository.ts";
import type { WebEnv } from "../env.ts";

/** The uploaded CSV and the optional mapping and default chit from a multipart form. */
export async function readImportUpload(c: Context<WebEnv>): Promise<{ fileName: string; bytes: Uint8Array; mapping?: string; chit?: string }> {
  if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
    throw new AppError(415, "multipart-required", "Send the CSV as multipart/form-data in a field named file.", { file: "Choose a CSV file." });
  }
  let body: Record<string, string | File>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new AppError(400, "invalid-form", "The form data could not be read. Send it as multipart/form-data with a boundary.");
  }
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) throw badInput({ file: "Choose a CSV file." }, "Choose a CSV file to import.");
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : undefined);
  return { fileName: file.name || "upload.csv", bytes: new Uint8Array(await file.arrayBuffer()), mapping: text("mapping"), chit: text("chit") };
}

export function importPreviewJson(p: ImportPreview) {
  const { columns } = matchColumns(p.source.headers, p.mapping, []);
  const errorsByRow = new Map<number, { field: string; message: string }[]>();
  for (const e of p.errors) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), { field: e.field, message: e.message }]);
  return {
    id: p.id,
    fileName: p.fileName,
    createdAt: p.createdAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    encoding: p.source.encoding,
    delimiter: p.source.delimiter,
    headers: p.source.headers,
    columns: Object.fromEntries(Object.entries(columns).map(([field, index]) => [field, p.source.headers[index] ?? null])),
    ready: p.errors.length === 0 && p.rows.length > 0,
    rows: p.rows.map((r) => ({
      row: r.row,
      chitId: r.chitId,
      chit: r.chitName,
      instalment: r.instalment,
      amount: r.amount === null ? null : paiseToRupees(r.amount),
      paidOn: r.paidOn,
      method: r.method,
      reference: r.reference,
      notes: r.notes,
      errors: errorsByRow.get(r.row) ?? [],
    })),
    errors: p.errors,
    commitUrl: `/api/v1/imports/${p.id}/commit`,
  };
}

export const importsApi = new Hono<WebEnv>()
  .post("/imports", async (c) => {
    const upload = await readImportUpload(c);
    const preview = await previewPaymentImport(c.get("services").paymentImports, c.get("member"), { ...upload, strictColumns: true });
    return c.json(importPreviewJson(preview), 201, { location: `/api/v1/imports/${preview.id}` });
  })
  .get("/imports/:id", async (c) => c.json(importPreviewJson(await findImportPreview(c.get("services").paymentImports, c.get("member"), c.req.param("id")))))
  .post("/imports/:id/commit", async (c) => {
    const { imported, payments } = await commitPaymentImport(c.get("services").paymentImports, c.get("member"), c.req.param("id"));
    return c.json({ imported, paymentIds: payments.map((p) => p.id) });
  });
