// Bulk import of payments from CSV: the upload form, then the preview with its column mapping and an error beside
// each bad row, and the button that imports everything once no row has an error.
import { IMPORT_FIELDS, type ImportField } from "../../domain/payment-import.ts";
import type { ImportPreview } from "../../ports/import-repository.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatDate, formatMoney } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { FileInput, Form, FormError, Select } from "./form.tsx";
import { methodLabel } from "./ledger-parts.tsx";
/** Rows without problems shown in the preview; every row with a problem is always shown. */
export const PREVIEW_ROWS_SHOWN = 200;

const chitOptions = (t: T, chits: Chit[]) => [
  { value: "", label: t("imports.noneFileNamesChit") },
  ...chits.map((c) => ({ value: c.id, label: c.name })),
];

export function ImportUploadView(p: {
  t: T;
  csrfToken: string;
  chits: Chit[];
  message?: string | null;
  imported?: number | null;
  maxRows: number;
  maxMb: number;
}) {
  const { t } = p;
  return (
    <>
      <h1 class="h3 mb-3">{t("imports.importPaymentsFromSpreadsheet")}</h1>
      {p.imported != null && (
        <div class="alert alert-success" role="status">
          {t("imports.imported", { count: p.imported })} <a href="/payments">{t("imports.seeThemPayments")}</a>.
        </div>
      )}
      <p>{t("imports.intro")}</p>
      <ul class="small text-muted">
        <li>{t("imports.datesDdMmYyyy")}</li>
        <li>{t("imports.commaSemicolonTabBetween")}</li>
        <li>{t("imports.limits", { rows: p.maxRows.toLocaleString("en-IN"), mb: p.maxMb })}</li>
        <li>{t("imports.rowsWithoutInstalmentNumber")}</li>
      </ul>
      <FormError message={p.message} />
      <Form action="/imports" csrfToken={p.csrfToken} enctype="multipart/form-data" label={t("imports.uploadCsvFile")}>
        <FileInput
          name="file"
          id="import-file"
          label={t("imports.csvFile")}
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          maxBytes={p.maxMb * 1024 * 1024}
        />
        <Select
          name="chit"
          label={t("imports.chitRowsNameNone")}
          options={chitOptions(t, p.chits)}
          help={t("imports.onlyNeededWhenFile")}
        />
        <button class="btn btn-primary" type="submit">
          {t("imports.uploadCheck")}
        </button>
      </Form>
    </>
  );
}

export function ImportPreviewView(p: {
  t: T;
  csrfToken: string;
  preview: ImportPreview;
  chits: Chit[];
  columns: Partial<Record<ImportField, number>>;
  message?: string | null;
}) {
  const { preview, t } = p;
  const byRow = new Map<number, string[]>();
  for (const e of preview.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.message]);
  const headerProblems = byRow.get(1) ?? [];
  const badRows = new Set(preview.errors.map((e) => e.row).filter((r) => r > 1)).size;
  const ready = preview.errors.length === 0 && preview.rows.length > 0;
  const shown = preview.rows.filter((r, i) => byRow.has(r.row) || i < PREVIEW_ROWS_SHOWN);
  const headerOptions = [
    { value: "", label: t("imports.notFile") },
    ...preview.source.headers.map((h) => ({ value: h, label: h })),
  ];
  return (
    <>
      <h1 class="h3 mb-1">{t("imports.checkImport")}</h1>
      <p class="text-muted">
        {t("imports.fileLine", {
          name: preview.fileName,
          count: preview.rows.length || preview.source.cells.length,
          encoding: preview.source.encoding.toUpperCase(),
          delimiter: preview.source.delimiter,
        })}
      </p>
      <FormError message={p.message} />
      {headerProblems.length > 0 && (
        <div class="alert alert-danger" role="alert">
          <p class="mb-1">{t("imports.chooseWhichColumnHolds")}</p>
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
            {t("imports.allReady", { count: preview.rows.length })}
          </div>
        ) : (
          <div class="alert alert-danger" role="alert">
            {t("imports.rowsWithErrors", { count: badRows })}
          </div>
        ))}
      {ready && (
        <Form
          action={`/imports/${preview.id}/commit`}
          csrfToken={p.csrfToken}
          label={t("imports.importPayments")}
          class="mb-4"
        >
          <button class="btn btn-primary btn-lg" type="submit">
            {t("imports.importCount", { count: preview.rows.length })}
          </button>{" "}
          <a class="btn btn-link" href="/imports">
            {t("imports.cancel")}
          </a>
        </Form>
      )}
      <details class="card mb-4" open={headerProblems.length > 0 || undefined}>
        <summary class="card-header">{t("imports.columns")}</summary>
        <div class="card-body">
          <Form action={`/imports/${preview.id}/mapping`} csrfToken={p.csrfToken} label={t("imports.columnMapping")}>
            <div class="row">
              {IMPORT_FIELDS.map((field) => {
                const index = p.columns[field];
                return (
                  <div class="col-md-3">
                    <Select
                      name={`map_${field}`}
                      label={t(`imports.field.${field}`)}
                      options={headerOptions}
                      value={index === undefined ? "" : preview.source.headers[index]}
                    />
                  </div>
                );
              })}
              <div class="col-md-6">
                <Select
                  name="chit"
                  label={t("imports.chitRowsNameNone")}
                  options={chitOptions(t, p.chits)}
                  value={preview.defaultChitId ?? ""}
                />
              </div>
            </div>
            <button class="btn btn-outline-primary" type="submit">
              {t("imports.checkAgainTheseColumns")}
            </button>
          </Form>
        </div>
      </details>
      {preview.rows.length > 0 && (
        <div class="table-responsive">
          <table class="table table-sm align-middle" aria-label={t("imports.rowsImport")}>
            <thead>
              <tr>
                <th scope="col">{t("imports.row")}</th>
                <th scope="col">{t("imports.date2")}</th>
                <th scope="col">{t("imports.chit2")}</th>
                <th scope="col" class="text-end">
                  {t("imports.instalment")}
                </th>
                <th scope="col" class="text-end">
                  {t("imports.amount")}
                </th>
                <th scope="col">{t("imports.method2")}</th>
                <th scope="col">{t("imports.reference2")}</th>
                <th scope="col">{t("imports.notes2")}</th>
                <th scope="col">{t("imports.problems")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const problems = byRow.get(r.row);
                return (
                  <tr class={problems ? "table-danger" : undefined} id={`row-${r.row}`}>
                    <th scope="row">{r.row}</th>
                    <td>{r.paidOn ? formatDate(r.paidOn, localeOf(t)) : "—"}</td>
                    <td>{r.chitName || "—"}</td>
                    <td class="text-end">{r.instalment ?? "—"}</td>
                    <td class="text-end amount">{r.amount === null ? "—" : formatMoney(r.amount)}</td>
                    <td>{methodLabel(t, r.method as never)}</td>
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
                        <span class="text-success small">{t("imports.ok")}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown.length < preview.rows.length && (
            <p class="text-muted small">{t("imports.moreRows", { count: preview.rows.length - shown.length })}</p>
          )}
        </div>
      )}
      <p>
        <a href="/imports">{t("imports.uploadAnotherFile")}</a>
      </p>
    </>
  );
}
