// One payment's page (details, receipts, warnings about duplicates) and the question asked before deleting it.

import type { PaymentWarning } from "../../app/flag-duplicates.ts";
import type { ScheduleRow } from "../../domain/schedule.ts";
import { say } from "../../i18n/words.ts";
import type { Chit, Payment, Receipt } from "../../ports/ledger.ts";
import { formatBytes, formatDate, formatInstant, formatMoney } from "../format.ts";
import { localeOf, type T, translatorFor } from "../i18n/index.ts";
import {
  Breadcrumb,
  ConfirmDeleteView,
  DeleteButton,
  InstalmentBadge,
  methodLabel,
  withNodes,
} from "./ledger-parts.tsx";

export function deletePaymentQuestion(payment: Payment, chit: Chit, t: T = translatorFor("en")): string {
  const n = payment.receipts.length;
  return t("payment.deleteQuestion", {
    amount: formatMoney(payment.amount),
    date: formatDate(payment.paidOn, localeOf(t)),
    chit: chit.name,
    receipts: t(n === 1 ? "payment.receiptOne" : "payment.receiptMany", { count: n }),
  });
}

/** A duplicate warning in the reader's language (flagDuplicates gives its words). */
function warningWords(t: T, w: PaymentWarning): string {
  return say(t, w.words);
}

export function PaymentView(p: {
  t: T;
  csrfToken: string;
  payment: Payment;
  chit: Chit;
  row: ScheduleRow | null;
  warnings: PaymentWarning[];
  timeZone: string;
  /** Said right after saving when the payment's amount or reference differs from what its screenshot shows. */
  screenshotWarnings?: string[];
}) {
  const { payment, chit, t } = p;
  const details: [string, unknown][] = [
    [t("payment.chit"), <a href={`/chits/${chit.id}`}>{chit.name}</a>],
    [
      t("payment.instalment"),
      <>
        {payment.instalment}
        {p.row && (
          <>
            {t("payment.instalmentDue", {
              date: formatDate(p.row.dueDate, localeOf(t)),
              amount: formatMoney(p.row.payable),
            })}
            <InstalmentBadge status={p.row.status} t={t} />
          </>
        )}
      </>,
    ],
    [t("payment.amount"), <span class="amount">{formatMoney(payment.amount)}</span>],
    [t("payment.paidOn"), formatDate(payment.paidOn, localeOf(t))],
    [t("payment.method"), methodLabel(t, payment.method)],
    [t("payment.reference"), payment.reference || "—"],
    [t("payment.notes"), payment.notes ? <span class="keep-lines">{payment.notes}</span> : "—"],
    [t("payment.recorded"), formatInstant(payment.createdAt, p.timeZone, localeOf(t))],
  ];
  return (
    <>
      <Breadcrumb
        label={t("payment.breadcrumb")}
        links={[{ href: "/payments", label: t("payment.payments") }]}
        current={formatDate(payment.paidOn, localeOf(t))}
      />
      <div class="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-3">
        <h1 class="h3 mb-0">
          {withNodes(t, "payment.paymentOf", { amount: <span class="amount">{formatMoney(payment.amount)}</span> })}
        </h1>
        <div class="d-flex flex-wrap gap-2">
          <a class="btn btn-outline-secondary" href={`/payments/${payment.id}/edit`}>
            {t("payment.edit")}
          </a>
          <DeleteButton
            csrfToken={p.csrfToken}
            action={`/payments/${payment.id}/delete`}
            question={deletePaymentQuestion(payment, chit, t)}
            label={t("payment.delete")}
          />
        </div>
      </div>
      {(p.screenshotWarnings ?? []).map((text) => (
        <div class="alert alert-warning" role="alert" data-screenshot-warning>
          {text}
        </div>
      ))}
      {p.warnings.map((w) => (
        <div class="alert alert-warning" role="alert">
          {warningWords(t, w)}{" "}
          <a class="alert-link" href={`/payments/${w.otherPaymentId}`}>
            {t("payment.seeOther")}
          </a>
        </div>
      ))}
      <dl class="row">
        {details.map(([term, value]) => (
          <>
            <dt class="col-4 col-md-3 text-muted fw-normal">{term}</dt>
            <dd class="col-8 col-md-9">{value}</dd>
          </>
        ))}
      </dl>
      <section aria-labelledby="receipts-heading">
        <h2 class="h5" id="receipts-heading">
          {t("payment.receipts")}
        </h2>
        {payment.receipts.length === 0 ? (
          <p class="text-muted">
            {withNodes(t, "payment.noReceipt", {
              link: <a href={`/payments/${payment.id}/edit`}>{t("payment.addPhoto")}</a>,
            })}
          </p>
        ) : (
          <ul class="row row-cols-2 row-cols-md-4 g-3 list-unstyled">
            {payment.receipts.map((r, i) => {
              const name = r.originalName || t("payment.receiptName", { number: i + 1 });
              const pdf = r.contentType === "application/pdf";
              return (
                <li class="col">
                  <figure class="figure mb-0">
                    <a href={`/receipts/${r.id}`}>
                      <img
                        class="figure-img img-fluid rounded border"
                        src={`/receipts/${r.id}/thumbnail`}
                        alt={`${t("payment.receiptAlt", { number: i + 1, name })}${pdf ? " (PDF)" : ""}`}
                      />
                    </a>
                    <figcaption class="figure-caption text-break">
                      {name} · {t(pdf ? "payment.pdf" : "payment.photo")} · {formatBytes(r.size)}
                      <br />
                      <a href={`/receipts/${r.id}/view`} aria-label={t("payment.openReceipt", { number: i + 1 })}>
                        {t("payment.open")}
                      </a>{" "}
                      ·{" "}
                      <a
                        href={`/receipts/${r.id}?download=1`}
                        aria-label={t("payment.downloadReceipt", { number: i + 1 })}
                      >
                        {t("payment.download")}
                      </a>
                    </figcaption>
                  </figure>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

export function DeletePaymentView(p: { t: T; csrfToken: string; payment: Payment; chit: Chit }) {
  const { t } = p;
  return (
    <ConfirmDeleteView
      t={t}
      csrfToken={p.csrfToken}
      title={t("payment.deleteTitle")}
      question={deletePaymentQuestion(p.payment, p.chit, t)}
      details={<p>{t("payment.deleteDetails")}</p>}
      action={`/payments/${p.payment.id}/delete`}
      cancelHref={`/payments/${p.payment.id}`}
      button={t("payment.deleteButton")}
    />
  );
}

/** A receipt at full size inside the app, with a download link and the way back to its payment. */
export function ReceiptView(p: { t: T; receipt: Receipt; timeZone: string }) {
  const { t } = p;
  const r = p.receipt;
  const name = r.originalName || t("payment.receipt");
  const pdf = r.contentType === "application/pdf";
  return (
    <>
      <Breadcrumb
        label={t("payment.breadcrumb")}
        links={[
          { href: "/payments", label: t("payment.payments") },
          { href: `/payments/${r.paymentId}`, label: t("payment.title") },
        ]}
        current={t("payment.receipt")}
      />
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 class="h4 mb-0 text-break">{name}</h1>
        <div class="d-flex flex-wrap gap-2">
          <a class="btn btn-primary" href={`/receipts/${r.id}?download=1`}>
            {t("payment.download")}
          </a>
          <a class="btn btn-outline-secondary" href={`/payments/${r.paymentId}`}>
            {t("payment.backToPayment")}
          </a>
        </div>
      </div>
      <p class="small text-muted">
        {pdf ? t("payment.pdf") : t("payment.photoSize", { width: String(r.width), height: String(r.height) })} ·{" "}
        {formatBytes(r.size)} · {t("payment.added", { when: formatInstant(r.createdAt, p.timeZone, localeOf(t)) })}
      </p>
      {pdf ? (
        <p>{t("payment.pdfNote")}</p>
      ) : (
        <img
          class="img-fluid border rounded receipt-full"
          src={`/receipts/${r.id}`}
          alt={t("payment.receiptFullAlt", { name })}
          width={r.width ?? undefined}
          height={r.height ?? undefined}
        />
      )}
    </>
  );
}
