// Payment history across all chits: filters (chit, dates, method, status), a search box, the rows, and pages.
import type { PaymentRow } from "../../app/find-payments.ts";
import type { Chit } from "../../ports/ledger.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { formatDate, formatMoney } from "../format.ts";
import { Field, FormError, Select } from "./form.tsx";
import { InstalmentBadge, METHOD_LABELS, ReceiptThumbnails } from "./ledger-parts.tsx";

export const HISTORY_FILTERS = ["chit", "from", "to", "method", "status", "q"] as const;

export type HistoryResult = { payments: PaymentRow[]; total: number; page: number; pages: number };

function pageHref(filters: FormValues, page: number): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ""));
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/payments?${text}` : "/payments";
}

function Filters(p: { chits: Chit[]; values: FormValues; errors: FormErrors }) {
  const v = p.values;
  const e = p.errors;
  return (
    <form method="get" action="/payments" class="card card-body mb-3" aria-label="Filter payments">
      <div class="row g-2">
        <div class="col-12 col-md-6 col-lg-4">
          <Field name="q" label="Search reference and notes" type="search" value={v.q} error={e.q} maxlength={100} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <Select
            name="chit"
            label="Chit"
            value={v.chit}
            error={e.chit}
            options={[{ value: "", label: "All chits" }, ...p.chits.map((c) => ({ value: c.id, label: c.name }))]}
          />
        </div>
        <div class="col-6 col-lg-2">
          <Select
            name="method"
            label="Method"
            value={v.method}
            error={e.method}
            options={[{ value: "", label: "Any" }, ...Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))]}
          />
        </div>
        <div class="col-6 col-lg-2">
          <Select
            name="status"
            label="Instalment"
            value={v.status}
            error={e.status}
            options={[
              { value: "", label: "Any" },
              { value: "full", label: "Fully paid" },
              { value: "part", label: "Not fully paid" },
            ]}
          />
        </div>
        <div class="col-6 col-md-3">
          <Field name="from" label="From" type="date" value={v.from} error={e.from} />
        </div>
        <div class="col-6 col-md-3">
          <Field name="to" label="To" type="date" value={v.to} error={e.to} />
        </div>
        <div class="col-12 col-md-6 d-flex align-items-end gap-2 mb-3">
          <button class="btn btn-primary" type="submit">
            Show payments
          </button>
          <a class="btn btn-outline-secondary" href="/payments">
            Clear filters
          </a>
        </div>
      </div>
    </form>
  );
}

export function PaymentHistoryView(p: { chits: Chit[]; values: FormValues; errors?: FormErrors; message?: string | null; result: HistoryResult | null }) {
  const r = p.result;
  return (
    <>
      <h1 class="h3">Payments</h1>
      <FormError message={p.message} />
      <Filters chits={p.chits} values={p.values} errors={p.errors ?? {}} />
      {r && (
        <>
          <p class="text-muted" role="status">
            {r.total === 0 ? "No payments match." : `${r.total} payment${r.total === 1 ? "" : "s"}${r.pages > 1 ? `, page ${r.page} of ${r.pages}` : ""}.`}
          </p>
          {r.payments.length > 0 && (
            <div class="table-responsive">
              <table class="table table-hover align-middle">
                <thead>
                  <tr>
                    <th scope="col">Paid on</th>
                    <th scope="col">Chit</th>
                    <th scope="col">Instalment</th>
                    <th scope="col" class="text-end">
                      Amount
                    </th>
                    <th scope="col">Method</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Receipts</th>
                  </tr>
                </thead>
                <tbody>
                  {r.payments.map((pay) => (
                    <tr>
                      <td class="text-nowrap">
                        <a href={`/payments/${pay.id}`} aria-label={`Payment of ${formatMoney(pay.amount)} on ${formatDate(pay.paidOn)} for ${pay.chitName}`}>
                          {formatDate(pay.paidOn)}
                        </a>
                      </td>
                      <td>{pay.chitName}</td>
                      <td class="text-nowrap">
                        {pay.instalment} <InstalmentBadge status={pay.instalmentStatus} />
                      </td>
                      <td class="text-end amount">{formatMoney(pay.amount)}</td>
                      <td>{METHOD_LABELS[pay.method]}</td>
                      <td class="text-break">
                        {pay.reference || <span class="text-muted">—</span>}
                        {pay.notes && <div class="small text-muted text-truncate history-notes">{pay.notes}</div>}
                      </td>
                      <td>
                        <ReceiptThumbnails receipts={pay.receipts} label={`Payment on ${formatDate(pay.paidOn)}`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {r.pages > 1 && (
            <nav aria-label="Pages of payments">
              <ul class="pagination flex-wrap">
                <li class={`page-item${r.page <= 1 ? " disabled" : ""}`}>
                  <a class="page-link" href={r.page <= 1 ? undefined : pageHref(p.values, r.page - 1)} aria-disabled={r.page <= 1 ? "true" : undefined}>
                    Previous
                  </a>
                </li>
                <li class="page-item active" aria-current="page">
                  <span class="page-link">
                    Page {r.page} of {r.pages}
                  </span>
                </li>
                <li class={`page-item${r.page >= r.pages ? " disabled" : ""}`}>
                  <a
                    class="page-link"
                    href={r.page >= r.pages ? undefined : pageHref(p.values, r.page + 1)}
                    aria-disabled={r.page >= r.pages ? "true" : undefined}
                  >
                    Next
                  </a>
                </li>
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  );
}
