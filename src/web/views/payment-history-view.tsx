// Payment history across all chits: filters (chit, dates, method, status), a search box, the rows, and pages.
import type { ChitChoice, PaymentHistory } from "../../app/find-payments.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { formatDate, formatMoney } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { Field, FormError, Select } from "./form.tsx";
import { InstalmentBadge, METHOD_LABELS, methodLabel, ReceiptThumbnails } from "./ledger-parts.tsx";
import { Pager } from "./pager.tsx";

function pageHref(filters: FormValues, page: number): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ""));
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/payments?${text}` : "/payments";
}

function Filters(p: { t: T; chits: ChitChoice[]; values: FormValues; errors: FormErrors }) {
  const { t } = p;
  const v = p.values;
  const e = p.errors;
  return (
    <form method="get" action="/payments" class="card card-body mb-3" aria-label={t("payments.filterLabel")}>
      <div class="row g-2">
        <div class="col-12 col-md-6 col-lg-4">
          <Field name="q" label={t("payments.search")} type="search" value={v.q} error={e.q} maxlength={100} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <Select
            name="chit"
            label={t("payments.chit")}
            value={v.chit}
            error={e.chit}
            options={[
              { value: "", label: t("payments.allChits") },
              ...p.chits.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        </div>
        <div class="col-6 col-lg-2">
          <Select
            name="method"
            label={t("payments.method")}
            value={v.method}
            error={e.method}
            options={[
              { value: "", label: t("payments.any") },
              ...Object.keys(METHOD_LABELS).map((value) => ({
                value,
                label: methodLabel(t, value as keyof typeof METHOD_LABELS),
              })),
            ]}
          />
        </div>
        <div class="col-6 col-lg-2">
          <Select
            name="status"
            label={t("payments.instalment")}
            value={v.status}
            error={e.status}
            options={[
              { value: "", label: t("payments.any") },
              { value: "full", label: t("payments.fullyPaid") },
              { value: "part", label: t("payments.notFullyPaid") },
            ]}
          />
        </div>
        <div class="col-6 col-md-3">
          <Field name="from" label={t("payments.from")} type="date" value={v.from} error={e.from} />
        </div>
        <div class="col-6 col-md-3">
          <Field name="to" label={t("payments.to")} type="date" value={v.to} error={e.to} />
        </div>
        <div class="col-12 col-md-6 d-flex align-items-end gap-2 mb-3">
          <button class="btn btn-primary" type="submit">
            {t("payments.show")}
          </button>
          <a class="btn btn-outline-secondary" href="/payments">
            {t("payments.clear")}
          </a>
        </div>
      </div>
    </form>
  );
}

export function PaymentHistoryView(p: {
  t: T;
  chits: ChitChoice[];
  values: FormValues;
  errors?: FormErrors;
  message?: string | null;
  result: PaymentHistory | null;
}) {
  const { t } = p;
  const r = p.result;
  return (
    <>
      <h1 class="h3">{t("payments.title")}</h1>
      <FormError message={p.message} />
      <Filters t={t} chits={p.chits} values={p.values} errors={p.errors ?? {}} />
      {r && (
        <>
          <p class="text-muted" role="status">
            {r.total === 0
              ? t("payments.noneMatch")
              : t(r.total === 1 ? "payments.countOne" : "payments.countMany", { count: r.total }) +
                (r.pages > 1 ? t("payments.pageOf", { page: r.page, pages: r.pages }) : "") +
                t("payments.end")}
          </p>
          {r.payments.length > 0 && (
            <div class="table-responsive">
              <table class="table table-hover align-middle">
                <thead>
                  <tr>
                    <th scope="col">{t("payments.paidOn")}</th>
                    <th scope="col">{t("payments.chit")}</th>
                    <th scope="col">{t("payments.instalment")}</th>
                    <th scope="col" class="text-end">
                      {t("payments.amount")}
                    </th>
                    <th scope="col">{t("payments.method")}</th>
                    <th scope="col">{t("payments.reference")}</th>
                    <th scope="col">{t("payments.receipts")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.payments.map((pay) => (
                    <tr>
                      <td class="text-nowrap">
                        <a
                          href={`/payments/${pay.id}`}
                          aria-label={t("payments.rowLabel", {
                            amount: formatMoney(pay.amount),
                            date: formatDate(pay.paidOn, localeOf(t)),
                            chit: pay.chitName,
                          })}
                        >
                          {formatDate(pay.paidOn, localeOf(t))}
                        </a>
                      </td>
                      <td>{pay.chitName}</td>
                      <td class="text-nowrap">
                        {pay.instalment} <InstalmentBadge status={pay.instalmentStatus} t={t} />
                      </td>
                      <td class="text-end amount">{formatMoney(pay.amount)}</td>
                      <td>{methodLabel(t, pay.method)}</td>
                      <td class="text-break">
                        {pay.reference || <span class="text-muted">—</span>}
                        {pay.notes && <div class="small text-muted text-truncate history-notes">{pay.notes}</div>}
                      </td>
                      <td>
                        <ReceiptThumbnails
                          t={t}
                          receipts={pay.receipts}
                          label={t("payments.receiptsLabel", { date: formatDate(pay.paidOn, localeOf(t)) })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            t={t}
            page={r.page}
            pages={r.pages}
            href={(page) => pageHref(p.values, page)}
            label={t("payments.pagesLabel")}
          />
        </>
      )}
    </>
  );
}
