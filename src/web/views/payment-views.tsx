// One payment's page (details, receipts, warnings about duplicates) and the question asked before deleting it.
import type { PaymentWarning } from "../../app/flag-duplicates.ts";
import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Chit, Payment, Receipt } from "../../ports/ledger.ts";
import { formatBytes, formatDate, formatInstant, formatMoney } from "../format.ts";
import { ConfirmDeleteView, DeleteButton, InstalmentBadge, METHOD_LABELS, plural } from "./ledger-parts.tsx";

export function deletePaymentQuestion(payment: Payment, chit: Chit): string {
  return `Delete the payment of ${formatMoney(payment.amount)} on ${formatDate(payment.paidOn)} for ${chit.name}, with ${plural(payment.receipts.length, "receipt")}?`;
}

export function PaymentView(p: { csrfToken: string; payment: Payment; chit: Chit; row: ScheduleRow | null; warnings: PaymentWarning[]; timeZone: string }) {
  const { payment, chit } = p;
  const details: [string, unknown][] = [
    ["Chit", <a href={`/chits/${chit.id}`}>{chit.name}</a>],
    [
      "Instalment",
      <>
        {payment.instalment}
        {p.row && (
          <>
            {" "}
            · due {formatDate(p.row.dueDate)} · payable {formatMoney(p.row.payable)} · <InstalmentBadge status={p.row.status} />
          </>
        )}
      </>,
    ],
    ["Amount", <span class="amount">{formatMoney(payment.amount)}</span>],
    ["Paid on", formatDate(payment.paidOn)],
    ["Method", METHOD_LABELS[payment.method]],
    ["Reference", payment.reference || "—"],
    ["Notes", payment.notes ? <span class="keep-lines">{payment.notes}</span> : "—"],
    ["Recorded", formatInstant(payment.createdAt, p.timeZone)],
  ];
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href="/payments">Payments</a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {formatDate(payment.paidOn)}
          </li>
        </ol>
      </nav>
      <div class="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-3">
        <h1 class="h3 mb-0">
          Payment of <span class="amount">{formatMoney(payment.amount)}</span>
        </h1>
        <div class="d-flex flex-wrap gap-2">
          <a class="btn btn-outline-secondary" href={`/payments/${payment.id}/edit`}>
            Edit
          </a>
          <DeleteButton csrfToken={p.csrfToken} action={`/payments/${payment.id}/delete`} question={deletePaymentQuestion(payment, chit)} label="Delete" />
        </div>
      </div>
      {p.warnings.map((w) => (
        <div class="alert alert-warning" role="alert">
          {w.message}{" "}
          <a class="alert-link" href={`/payments/${w.otherPaymentId}`}>
            See the other payment
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
          Receipts
        </h2>
        {payment.receipts.length === 0 ? (
          <p class="text-muted">
            No receipt attached. <a href={`/payments/${payment.id}/edit`}>Add a photo or screenshot</a> to keep proof of this payment.
          </p>
        ) : (
          <ul class="row row-cols-2 row-cols-md-4 g-3 list-unstyled">
            {payment.receipts.map((r, i) => {
              const name = r.originalName || `Receipt ${i + 1}`;
              const pdf = r.contentType === "application/pdf";
              return (
                <li class="col">
                  <figure class="figure mb-0">
                    <a href={`/receipts/${r.id}`}>
                      <img
                        class="figure-img img-fluid rounded border"
                        src={`/receipts/${r.id}/thumbnail`}
                        alt={`Receipt ${i + 1}: ${name}${pdf ? " (PDF)" : ""}`}
                      />
                    </a>
                    <figcaption class="figure-caption text-break">
                      {name} · {pdf ? "PDF" : "photo"} · {formatBytes(r.size)}
                      <br />
                      <a href={`/receipts/${r.id}/view`} aria-label={`Open receipt ${i + 1}`}>
                        Open
                      </a>{" "}
                      ·{" "}
                      <a href={`/receipts/${r.id}?download=1`} aria-label={`Download receipt ${i + 1}`}>
                        Download
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

export function DeletePaymentView(p: { csrfToken: string; payment: Payment; chit: Chit }) {
  return (
    <ConfirmDeleteView
      csrfToken={p.csrfToken}
      title="Delete payment"
      question={deletePaymentQuestion(p.payment, p.chit)}
      details={<p>The payment and its receipt files are removed for good; the instalment shows as unpaid again. This cannot be undone.</p>}
      action={`/payments/${p.payment.id}/delete`}
      cancelHref={`/payments/${p.payment.id}`}
      button="Delete payment"
    />
  );
}

/** A receipt at full size inside the app, with a download link and the way back to its payment. */
export function ReceiptView(p: { receipt: Receipt; timeZone: string }) {
  const r = p.receipt;
  const name = r.originalName || "Receipt";
  const pdf = r.contentType === "application/pdf";
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href="/payments">Payments</a>
          </li>
          <li class="breadcrumb-item">
            <a href={`/payments/${r.paymentId}`}>Payment</a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            Receipt
          </li>
        </ol>
      </nav>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 class="h4 mb-0 text-break">{name}</h1>
        <div class="d-flex flex-wrap gap-2">
          <a class="btn btn-primary" href={`/receipts/${r.id}?download=1`}>
            Download
          </a>
          <a class="btn btn-outline-secondary" href={`/payments/${r.paymentId}`}>
            Back to the payment
          </a>
        </div>
      </div>
      <p class="small text-muted">
        {pdf ? "PDF" : `Photo, ${r.width} × ${r.height} pixels`} · {formatBytes(r.size)} · added {formatInstant(r.createdAt, p.timeZone)}
      </p>
      {pdf ? (
        <p>This receipt is a PDF: download it to open it.</p>
      ) : (
        <img
          class="img-fluid border rounded receipt-full"
          src={`/receipts/${r.id}`}
          alt={`Receipt: ${name}`}
          width={r.width ?? undefined}
          height={r.height ?? undefined}
        />
      )}
    </>
  );
}
