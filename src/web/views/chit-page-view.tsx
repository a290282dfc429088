// A chit's own page: its terms and status, the actions on it, the schedule to the rupee, its payments and its real rate.
import type { ChitReport } from "../../app/build-chit-report.ts";
import { commissionOf, subscriptionOf } from "../../domain/chit.ts";
import type { ProjectionAssumption } from "../../domain/rates.ts";
import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatDate, formatMoney } from "../format.ts";
import { ChitRateSection } from "./chit-rate-view.tsx";
import { deleteChitQuestion } from "./chit-views.tsx";
import { Form } from "./form.tsx";
import { ChitStatusBadges, DeleteButton, InstalmentBadge, METHOD_LABELS, ReceiptThumbnails } from "./ledger-parts.tsx";

export type RateOptions = { assumption: ProjectionAssumption; benchmark: string; benchmarkError?: string };

const FREQUENCY_WORDS = { monthly: "every month", quarterly: "every quarter", "half-yearly": "every six months" } as const;

function KeyTerms(p: { chit: Chit }) {
  const t = p.chit.terms;
  const items: [string, string][] = [
    ["Chit value", formatMoney(t.chitValue)],
    ["Members and instalments", String(t.members)],
    ["Subscription", `${formatMoney(subscriptionOf(t))} per instalment`],
    ["Foreman's commission", `${t.commissionPercent}% (${formatMoney(commissionOf(t))})`],
    ["Instalments", `from ${formatDate(t.startDate)}, ${FREQUENCY_WORDS[t.frequency]} on day ${t.dueDay}`],
    ["Maximum discount", `${t.maxDiscountPercent}%`],
  ];
  return (
    <dl class="row small mb-0">
      {items.map(([term, value]) => (
        <>
          <dt class="col-5 col-md-3 fw-normal text-muted">{term}</dt>
          <dd class="col-7 col-md-3 mb-1">{value}</dd>
        </>
      ))}
    </dl>
  );
}

function ScheduleTable(p: { chit: Chit; rows: ScheduleRow[]; today: string }) {
  const { chit } = p;
  const overridden = new Set(chit.instalments.filter((r) => r.payableOverride !== undefined).map((r) => r.number));
  const dividendWhen = chit.terms.dividendApplies === "next" ? "lowers the next instalment" : "lowers the same instalment";
  return (
    <>
      <div class="table-responsive">
        <table class="table table-sm table-hover align-middle schedule-table">
          <caption class="visually-hidden">Instalments of {chit.name}</caption>
          <thead>
            <tr>
              <th scope="col">Instalment</th>
              <th scope="col">Due date</th>
              <th scope="col" class="text-end">
                Discount
              </th>
              <th scope="col" class="text-end">
                Dividend
              </th>
              <th scope="col" class="text-end">
                Payable
              </th>
              <th scope="col" class="text-end">
                Paid
              </th>
              <th scope="col" class="text-end">
                Balance
              </th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => (
              <tr class={row.status === "overdue" ? "table-danger" : row.status === "due" ? "table-primary" : undefined}>
                <th scope="row">{row.number}</th>
                <td class="text-nowrap">{formatDate(row.dueDate)}</td>
                <td class="text-end amount">
                  {row.number === 1 && chit.terms.firstInstalment === "foreman" ? (
                    <span class="text-muted small">foreman</span>
                  ) : row.discount === null ? (
                    <span class="text-muted">—</span>
                  ) : (
                    formatMoney(row.discount)
                  )}
                </td>
                <td class="text-end amount">{row.dividend === null ? <span class="text-muted">—</span> : formatMoney(row.dividend)}</td>
                <td class="text-end amount">
                  {formatMoney(row.payable)}
                  {row.estimated && <span class="badge text-bg-light border ms-1">estimated</span>}
                  {overridden.has(row.number) && <span class="badge text-bg-light border ms-1">notice</span>}
                </td>
                <td class="text-end amount">{formatMoney(row.paid)}</td>
                <td class="text-end amount">{formatMoney(row.balance)}</td>
                <td>
                  <span class="d-inline-flex flex-wrap gap-1">
                    <InstalmentBadge status={row.status} />
                    {row.wonByMe && <span class="badge text-bg-info">Won by you</span>}
                  </span>
                </td>
                <td class="text-nowrap">
                  <a
                    class="btn btn-sm btn-outline-secondary"
                    href={`/chits/${chit.id}/instalments/${row.number}`}
                    aria-label={`Record auction for instalment ${row.number}`}
                  >
                    Record auction
                  </a>
                  {row.balance > 0 && chit.status === "active" && (
                    <a
                      class="btn btn-sm btn-outline-primary ms-1"
                      href={`/chits/${chit.id}/payments/new?instalment=${row.number}`}
                      aria-label={`Pay instalment ${row.number}`}
                    >
                      Pay
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="small text-muted">
        Each auction's discount, less the commission, is shared as a dividend that {dividendWhen}. "Estimated" payables assume no dividend until that auction is
        recorded; "notice" marks the figure you copied from the foreman's notice.
      </p>
    </>
  );
}

function PaymentList(p: { report: ChitReport }) {
  const payments = [...p.report.payments].sort((a, b) => (a.paidOn < b.paidOn ? 1 : a.paidOn > b.paidOn ? -1 : b.instalment - a.instalment));
  if (payments.length === 0) return <p class="text-muted">No payments recorded yet.</p>;
  return (
    <ul class="list-group" aria-label="Payments for this chit">
      {payments.map((pay) => (
        <li class="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
          <div>
            <a class="fw-semibold" href={`/payments/${pay.id}`}>
              {formatDate(pay.paidOn)}: <span class="amount">{formatMoney(pay.amount)}</span>
            </a>
            <div class="small text-muted">
              Instalment {pay.instalment} · {METHOD_LABELS[pay.method]}
              {pay.reference ? ` · ref ${pay.reference}` : ""}
            </div>
          </div>
          <ReceiptThumbnails receipts={pay.receipts} label={`Payment of ${formatMoney(pay.amount)} on ${formatDate(pay.paidOn)}`} />
        </li>
      ))}
    </ul>
  );
}

export function ChitPageView(p: { csrfToken: string; report: ChitReport; receiptCount: number; rateOptions: RateOptions }) {
  const { chit, schedule } = p.report;
  const totals = schedule.totals;
  const closed = chit.status === "closed";
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href="/chits">Chits</a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {chit.name}
          </li>
        </ol>
      </nav>
      <header class="mb-4">
        <div class="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <div>
            <h1 class="h3 mb-1">
              {chit.name} <ChitStatusBadges chit={chit} />
            </h1>
            <p class="text-muted mb-2">
              {chit.organizer || "No foreman recorded"}
              {chit.ticketNo ? ` · ticket ${chit.ticketNo}` : ""}
            </p>
          </div>
          <div class="d-flex flex-wrap gap-2">
            {!closed && (
              <a class="btn btn-primary" href={`/chits/${chit.id}/payments/new`}>
                Record payment
              </a>
            )}
            <a class="btn btn-outline-secondary" href={`/chits/${chit.id}/edit`}>
              Edit
            </a>
            <Form action={`/chits/${chit.id}/status`} csrfToken={p.csrfToken} class="d-inline" label={closed ? "Reopen chit" : "Close chit"}>
              <input type="hidden" name="status" value={closed ? "active" : "closed"} />
              <button class="btn btn-outline-secondary" type="submit">
                {closed ? "Reopen" : "Close"}
              </button>
            </Form>
            <DeleteButton
              csrfToken={p.csrfToken}
              action={`/chits/${chit.id}/delete`}
              question={`${deleteChitQuestion(chit, p.report.payments.length, p.receiptCount)} This cannot be undone.`}
              label="Delete"
            />
          </div>
        </div>
        <KeyTerms chit={chit} />
        {chit.notes && <p class="small text-muted mt-2 mb-0 keep-lines">{chit.notes}</p>}
      </header>
      {closed && (
        <div class="alert alert-secondary" role="status">
          This chit is closed: it is left out of what is due. Reopen it to record payments.
        </div>
      )}
      <section class="mb-4" aria-labelledby="totals-heading">
        <h2 class="h5 visually-hidden" id="totals-heading">
          Totals
        </h2>
        <div class="row g-2 text-center">
          {(
            [
              ["Paid", totals.paid, ""],
              ["Total payable", totals.payable, ""],
              ["Still to pay", totals.balance, ""],
              ["Overdue", totals.overdue, totals.overdue ? "text-danger" : ""],
              ["Dividends so far", totals.dividends, "text-success"],
            ] as const
          ).map(([label, value, tone]) => (
            <div class="col-6 col-md">
              <div class="border rounded p-2 h-100">
                <div class="small text-muted">{label}</div>
                <div class={`fw-semibold amount ${tone}`}>{formatMoney(value)}</div>
              </div>
            </div>
          ))}
        </div>
        {totals.estimated && <p class="small text-muted mt-2 mb-0">Some payables are estimated: they assume no dividend until the auction is recorded.</p>}
      </section>
      <section class="mb-4" aria-labelledby="schedule-heading">
        <h2 class="h5" id="schedule-heading">
          Schedule
        </h2>
        <ScheduleTable chit={chit} rows={schedule.instalments} today={p.report.today} />
      </section>
      <section class="mb-4" aria-labelledby="payments-heading">
        <h2 class="h5" id="payments-heading">
          Payments
        </h2>
        <PaymentList report={p.report} />
      </section>
      <ChitRateSection chit={chit} rate={p.report.rate} options={p.rateOptions} unfinished={totals.balance > 0} />
    </>
  );
}
