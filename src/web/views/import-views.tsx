// Bulk import of payments from CSV: the upload form, then the preview with its column mapping and an error beside
// each bad row, and the button that imports everything once no row has an error.
import { FIELD_LABELS, IMPORT_FIELDS, type ImportField } from "../../domain/payment-import.ts";
import type { ImportPreview } from "../../ports/import-repository.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatDate, formatMoney } from "../format.ts";
import { FileInput, Form, FormError, Select } from "./form.tsx";

const METHOD_LABELS: Record<string, string> = { upi: "UPI", cash: "Cash", bank: "Bank transfer", cheque: "Cheque", other: "Other" };
/** Rows without problems shown in the preview; every row with a problem is always shown. */
export const PREVIEW_ROWS_SHOWN = 200;

const chitOptions = (chits: Chit[]) => [
  { value: "", label: "(none: the file names the chit on each row)" },
  ...chits.map((c) => ({ value: c.id, label: c.name })),
];

export function ImportUploadView(p: { csrfToken: string; chits: Chit[]; message?: string | null; imported?: number | null; maxRows: number; maxMb: number }) {
  return (
    <>
      <h1 class="h3 mb-3">Import payments from a spreadsheet</h1>
      {p.imported != null && (
        <div class="alert alert-success" role="status">
          Imported {p.imported} payment{p.imported === 1 ? "" : "s"}. <a href="/payments">See them in Payments</a>.
        </div>
      )}
      <p>
        Save your spreadsheet as CSV and upload it. Each row is one payment with its <strong>date</strong>, <strong>amount</strong> and <strong>chit</strong>{" "}
        (the chit's name as in this ledger), and if you have them the <strong>instalment</strong> number, <strong>reference</strong> (UTR),{" "}
        <strong>method</strong> and <strong>notes</strong>. You will see every row checked before anything is imported, and then it is all or nothing.
      </p>
      <ul class="small text-muted">
        <li>Dates as DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD; amounts like 5000, 1,00,000.00 or ₹5,000.</li>
        <li>Comma, semicolon or tab between columns; UTF-8, UTF-16 or Windows (Excel) text.</li>
        <li>
          At most {p.maxRows.toLocaleString("en-IN")} rows and {p.maxMb} MB per file. A row with the same reference, or the same chit, date and amount, as a
          payment already recorded (or another row) is flagged as a duplicate.
        </li>
        <li>Rows without an instalment number go to the chit's first instalment not yet fully paid.</li>
      </ul>
      <FormError message={p.message} />
      <Form action="/imports" csrfToken={p.csrfToken} enctype="multipart/form-data" label="Upload a CSV file">
        <FileInput name="file" id="import-file" label="CSV file" accept=".csv,.tsv,.txt,text/csv,text/plain" maxBytes={p.maxMb * 1024 * 1024} />
        <Select name="chit" label="Chit for rows that name none" options={chitOptions(p.chits)} help="Only needed when the file has no chit column." />
        <button class="btn btn-primary" type="submit">
          Upload and check
        </button>
      </Form>
    </>
  );
}

export function ImportPreviewView(p: {
  csrfToken: string;
  preview: ImportPreview;
  chits: Chit[];
  columns: Partial<Record<ImportField, number>>;
  message?: string | null;
}) {
  const { preview } = p;
  const byRow = new Map<number, string[]>();
  for (const e of preview.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.message]);
  const headerProblems = byRow.get(1) ?? [];
  const badRows = new Set(preview.errors.map((e) => e.row).filter((r) => r > 1)).size;
  const ready = preview.errors.length === 0 && preview.rows.length > 0;
  const shown = preview.rows.filter((r, i) => byRow.has(r.row) || i < PREVIEW_ROWS_SHOWN);
  const headerOptions = [{ value: "", label: "(not in the file)" }, ...preview.source.headers.map((h) => ({ value: h, label: h }))];
  return (
    <>
      <h1 class="h3 mb-1">Check the import</h1>
      <p class="text-muted">
        {preview.fileName} · {preview.rows.length || preview.source.cells.length} rows · {preview.source.encoding.toUpperCase()}, {preview.source.delimiter}
        -separated
      </p>
      <FormError message={p.message} />
      {headerProblems.length > 0 && (
        <div class="alert alert-danger" role="alert">
          <p class="mb-1">Choose which column holds each field below:</p>
          <ul class="mb-0">
            {headerProblems.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {!headerProblems.length &&
        (ready ? (
          <div class="alert alert-success" role="status">
            All {preview.rows.length} rows are ready to import.
          </div>
        ) : (
          <div class="alert alert-danger" role="alert">
            {badRows} row{badRows === 1 ? " has" : "s have"} errors (shown beside each row). Nothing is imported until every row is right: fix the file and
            upload it again, or change the column mapping.
          </div>
        ))}
      {ready && (
        <Form action={`/imports/${preview.id}/commit`} csrfToken={p.csrfToken} label="Import the payments" class="mb-4">
          <button class="btn btn-primary btn-lg" type="submit">
            Import {preview.rows.length} payment{preview.rows.length === 1 ? "" : "s"}
          </button>{" "}
          <a class="btn btn-link" href="/imports">
            Cancel
          </a>
        </Form>
      )}
      <details class="card mb-4" open={headerProblems.length > 0 || undefined}>
        <summary class="card-header">Columns</summary>
        <div class="card-body">
          <Form action={`/imports/${preview.id}/mapping`} csrfToken={p.csrfToken} label="Column mapping">
            <div class="row">
              {IMPORT_FIELDS.map((field) => {
                const index = p.columns[field];
                return (
                  <div class="col-md-3">
                    <Select
                      name={`map_${field}`}
                      label={FIELD_LABELS[field]}
                      options={headerOptions}
                      value={index === undefined ? "" : preview.source.headers[index]}
                    />
                  </div>
                );
              })}
              <div class="col-md-6">
                <Select name="chit" label="Chit for rows that name none" options={chitOptions(p.chits)} value={preview.defaultChitId ?? ""} />
              </div>
            </div>
            <button class="btn btn-outline-primary" type="submit">
              Check again with these columns
            </button>
          </Form>
        </div>
      </details>
      {preview.rows.length > 0 && (
        <div class="table-responsive">
          <table class="table table-sm align-middle" aria-label="Rows to import">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Date</th>
                <th scope="col">Chit</th>
                <th scope="col" class="text-end">
                  Instalment
                </th>
                <th scope="col" class="text-end">
                  Amount
                </th>
                <th scope="col">Method</th>
                <th scope="col">Reference</th>
                <th scope="col">Notes</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const problems = byRow.get(r.row);
                return (
                  <tr class={problems ? "table-danger" : undefined} id={`row-${r.row}`}>
                    <th scope="row">{r.row}</th>
                    <td>{r.paidOn ? formatDate(r.paidOn) : "—"}</td>
                    <td>{r.chitName || "—"}</td>
                    <td class="text-end">{r.instalment ?? "—"}</td>
                    <td class="text-end amount">{r.amount === null ? "—" : formatMoney(r.amount)}</td>
                    <td>{METHOD_LABELS[r.method] ?? r.method}</td>
                    <td>{r.reference}</td>
                    <td>{r.notes}</td>
                    <td>
                      {problems ? (
                        <ul class="list-unstyled mb-0 text-danger small">
                          {problems.map((m) => (
                            <li>{m}</li>
                          ))}
                        </ul>
                      ) : (
                        <span class="text-success small">OK</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown.length < preview.rows.length && <p class="text-muted small">…and {preview.rows.length - shown.length} more rows without problems.</p>}
        </div>
      )}
      <p>
        <a href="/imports">Upload another file</a>
      </p>
    </>
  );
}
