// A CSV import preview as the API sends it: the rows as they would be imported (money in rupees), with their errors.
import { z } from "zod";
import { matchColumns } from "../../../domain/payment-import.ts";
import type { ImportPreview } from "../../../ports/import-repository.ts";
import { PAYMENT_METHODS } from "../../../ports/ledger.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { count, day, instant, maybeRupees, rupeesOut } from "./common.ts";

const problem = z.object({
  field: z
    .string()
    .meta({ description: "date, amount, chit, instalment, method, reference, notes, duplicate or row." }),
  message: z.string(),
});

export const importPreviewSchema = responseSchema(
  "ImportPreview",
  z.object({
    id: z.string(),
    fileName: z.string(),
    createdAt: instant(),
    expiresAt: instant(),
    encoding: z.string().meta({ description: "utf-8, utf-16le, utf-16be or windows-1252." }),
    delimiter: z.string().meta({ description: "comma, semicolon or tab." }),
    headers: z.array(z.string()),
    columns: z.record(z.string(), z.string().nullable()).meta({ description: "Field -> the column it was read from." }),
    ready: z.boolean().meta({ description: "True when the preview can be committed." }),
    rows: z.array(
      z.object({
        row: count(),
        chitId: z.string().nullable(),
        chit: z.string(),
        instalment: z.number().int().nullable(),
        amount: rupeesOut().nullable(),
        paidOn: day().nullable(),
        method: z.enum(PAYMENT_METHODS),
        reference: z.string(),
        notes: z.string(),
        errors: z.array(problem),
      }),
    ),
    errors: z.array(problem.extend({ row: count("Spreadsheet row: the header is row 1.") })),
    commitUrl: z.string(),
  }),
);

export function importPreviewJson(p: ImportPreview): z.infer<typeof importPreviewSchema> {
  const { columns } = matchColumns(p.source.headers, p.mapping, []);
  const errorsByRow = new Map<number, { field: string; message: string }[]>();
  for (const e of p.errors)
    errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), { field: e.field, message: e.message }]);
  return {
    id: p.id,
    fileName: p.fileName,
    createdAt: p.createdAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    encoding: p.source.encoding,
    delimiter: p.source.delimiter,
    headers: p.source.headers,
    columns: Object.fromEntries(
      Object.entries(columns).map(([field, index]) => [field, p.source.headers[index] ?? null]),
    ),
    ready: p.errors.length === 0 && p.rows.length > 0,
    rows: p.rows.map((r) => ({
      row: r.row,
      chitId: r.chitId,
      chit: r.chitName,
      instalment: r.instalment,
      amount: maybeRupees(r.amount),
      paidOn: r.paidOn,
      method: r.method,
      reference: r.reference,
      notes: r.notes,
      errors: errorsByRow.get(r.row) ?? [],
    })),
    errors: p.errors.map((e) => ({ row: e.row, field: e.field, message: e.message })),
    commitUrl: `/api/v1/imports/${p.id}/commit`,
  };
}

export const importCommittedSchema = responseSchema(
  "ImportCommitted",
  z.object({ imported: count("How many payments."), paymentIds: z.array(z.string()) }),
);
