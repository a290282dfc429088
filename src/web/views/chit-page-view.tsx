// A chit's own page: its terms and status, the actions on it, the schedule to the rupee, its payments and its real
// rate.
import type { ChitFigures, ChitReport } from "../../app/build-chit-report.ts";
import { daysPerPeriod } from "../../domain/dates.ts";
import type { ProjectionAssumption } from "../../domain/rates.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatDate, formatMoney } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { BidAdviceSection, type BidView } from "./bid-advice-view.tsx";
import { ChitRateSection } from "./chit-rate-view.tsx";
import { ScheduleTable } from "./chit-schedule-table.tsx";
import { deleteChitQuestion } from "./chit-views.tsx";
import { Form } from "./form.tsx";
import { Breadcrumb, ChitStatusBadges, DeleteButton, methodLabel, ReceiptThumbnails } from "./ledger-parts.tsx";

export type RateOptions = { assumption: ProjectionAssumption; benchmark: string; benchmarkError?: string };

const FREQUENCY_WORDS = {
  daily: "rules.daily",
  weekly: "rules.weekly",
  fortnightly: "rules.fortnightly",
  monthly: "chits.monthly",
  quarterly: "chits.quarterly",
  "half-yearly": "chits.halfYearly",
} as const;

function lateWords(t: T, terms: Chit["terms"]): string | null {
  const parts: string[] = [];
  if (terms.lateRule === "interest") parts.push(t("rules.lateInterest", { percent: terms.latePenaltyPercent }));
  if (terms.lateRule === "fixed-fee") parts.push(t("rules.lateFee", { amount: formatMoney(terms.lateFee) }));
  if (terms.lateForfeitsDividend) parts.push(t("rules.lateForfeits"));
  return parts.length ? parts.join("; ") : null;
}

function KeyTerms(p: { t: T; chit: Chit; figures: ChitFigures }) {
  const { t, figures } = p;
  const terms = p.chit.terms;
  const items: [string, string][] = [
    [t("chits.chitValue"), formatMoney(terms.chitValue)],
    [
      t("chits.membersAndInstalments"),
      terms.instalments === terms.members
        ? String(terms.members)
        : `${terms.members} · ${t("rules.instalmentsCount", { count: terms.instalments })}`,
    ],
    ...(terms.prizesPerAuction > 1
      ? ([[t("rules.prizesPerAuction"), String(terms.prizesPerAuction)]] as [string, string][])
      : []),
    [t("chits.subscription"), t("chits.perInstalment", { amount: formatMoney(figures.subscription) })],
    [t("chits.commission"), `${terms.commissionPercent}% (${formatMoney(figures.commission)})`],
    [
      t("chits.instalments"),
      daysPerPeriod(terms.frequency) > 0
        ? t("rules.instalmentsFromDays", {
            date: formatDate(terms.startDate, localeOf(t)),
            frequency: t(FREQUENCY_WORDS[terms.frequency]),
          })
        : t("chits.instalmentsFrom", {
            date: formatDate(terms.startDate, localeOf(t)),
            frequency: t(FREQUENCY_WORDS[terms.frequency]),
            day: terms.dueDay,
          }),
    ],
    [t("chits.maxDiscount"), `${terms.maxDiscountPercent}%`],
  ];
  if (terms.taxMode !== "none") {
    const rate =
      terms.taxOnCommissionPercent === null
        ? t("rules.taxByDate")
        : t("rules.taxFixed", { percent: terms.taxOnCommissionPercent });
    items.push([
      t("rules.tax"),
      `${rate}, ${t(terms.taxMode === "deducted-from-prize" ? "rules.taxDeducted" : "rules.taxCharged")}`,
    ]);
  }
  const late = lateWords(t, terms);
  if (late) items.push([t("rules.lateRule"), late]);
  if (terms.rounding === "rupee") items.push([t("rules.wholeRupees"), "✓"]);
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

function PaymentList(p: { t: T; report: ChitReport }) {
  const { t } = p;
  const payments = p.report.payments; // the latest, newest first
  if (payments.length === 0) return <p class="text-muted">{t("chits.noPayments")}</p>;
  const more = p.report.paymentCount - payments.length;
  return (
    <>
      <ul class="list-group" aria-label={t("chits.paymentsLabel")}>
        {payments.map((pay) => (
          <li class="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
            <div>
              <a class="fw-semibold" href={`/payments/${pay.id}`}>
                {formatDate(pay.paidOn, localeOf(t))}: <span class="amount">{formatMoney(pay.amount)}</span>
              </a>
              <div class="small text-muted">
                {t("chits.paymentLine", { number: pay.instalment, method: methodLabel(t, pay.method) })}
                {pay.reference ? t("chits.ref", { ref: pay.reference }) : ""}
              </div>
            </div>
            <ReceiptThumbnails
              t={t}
              receipts={pay.receipts}
              label={t("chits.paymentOf", {
                amount: formatMoney(pay.amount),
                date: formatDate(pay.paidOn, localeOf(t)),
              })}
            />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p class="mt-2">
          <a href={`/payments?chit=${encodeURIComponent(p.report.chit.id)}`}>
            {t("chits.allPayments", { count: p.report.paymentCount })}
          </a>
        </p>
      )}
    </>
  );
}

export function ChitPageView(p: {
  t: T;
  csrfToken: string;
  report: ChitReport;
  rateOptions: RateOptions;
  bid?: BidView | null;
}) {
  const { t } = p;
  const { chit, schedule } = p.report;
  const totals = schedule.totals;
  const closed = chit.status === "closed";
  return (
    <>
      <Breadcrumb
        label={t("chits.breadcrumb")}
        links={[{ href: "/chits", label: t("chits.title") }]}
        current={chit.name}
      />
      <header class="mb-4">
        <div class="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <div>
            <h1 class="h3 mb-1">
              {chit.name} <ChitStatusBadges chit={chit} t={t} />
            </h1>
            <p class="text-muted mb-2">
              {chit.organizer || t("chits.noForeman")}
              {chit.ticketNo ? t("chits.ticket", { ticket: chit.ticketNo }) : ""}
            </p>
          </div>
          <div class="d-flex flex-wrap gap-2">
            {!closed && (
              <a class="btn btn-primary" href={`/chits/${chit.id}/payments/new`}>
                {t("chits.recordPayment")}
              </a>
            )}
            <a class="btn btn-outline-secondary" href={`/chits/${chit.id}/edit`}>
              {t("chits.edit")}
            </a>
            <Form
              action={`/chits/${chit.id}/status`}
              csrfToken={p.csrfToken}
              class="d-inline"
              label={t(closed ? "chits.reopenChit" : "chits.closeChit")}
            >
              <input type="hidden" name="status" value={closed ? "active" : "closed"} />
              <button class="btn btn-outline-secondary" type="submit">
                {t(closed ? "chits.reopen" : "chits.close")}
              </button>
            </Form>
            <DeleteButton
              csrfToken={p.csrfToken}
              action={`/chits/${chit.id}/delete`}
              question={
                `${deleteChitQuestion(chit, p.report.paymentCount, p.report.receiptCount, t)} ` +
                `${t("chits.cannotUndo")}`
              }
              label={t("chits.delete")}
            />
          </div>
        </div>
        <KeyTerms t={t} chit={chit} figures={p.report.figures} />
        {chit.notes && <p class="small text-muted mt-2 mb-0 keep-lines">{chit.notes}</p>}
      </header>
      {closed && (
        <div class="alert alert-secondary" role="status">
          {t("chits.closedAlert")}
        </div>
      )}
      <section class="mb-4" aria-labelledby="totals-heading">
        <h2 class="h5 visually-hidden" id="totals-heading">
          {t("chits.totals")}
        </h2>
        <div class="row g-2 text-center">
          {(
            [
              [t("chits.paid"), totals.paid, ""],
              [t("chits.totalPayable"), totals.payable, ""],
              [t("chits.stillToPay"), totals.balance, ""],
              [t("chits.overdue"), totals.overdue, totals.overdue ? "text-danger" : ""],
              [t("chits.dividendsSoFar"), totals.dividends, "text-success"],
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
        {totals.estimated && <p class="small text-muted mt-2 mb-0">{t("chits.someEstimated")}</p>}
        {(totals.latenessCost > 0 || lateWords(t, chit.terms)) && (
          <p class="mt-2 mb-0" id="lateness-cost">
            <span class="fw-semibold">{t("rules.latenessCost")}: </span>
            <span class={`amount ${totals.latenessCost > 0 ? "text-danger" : ""}`}>
              {formatMoney(totals.latenessCost)}
            </span>{" "}
            <span class="small text-muted">
              {t("rules.latenessDetail", {
                penalties: formatMoney(totals.penalties),
                forfeited: formatMoney(totals.dividendsForfeited),
              })}
            </span>
          </p>
        )}
      </section>
      <section class="mb-4" aria-labelledby="schedule-heading">
        <h2 class="h5" id="schedule-heading">
          {t("chits.schedule")}
        </h2>
        <ScheduleTable t={t} chit={chit} rows={schedule.instalments} today={p.report.today} />
      </section>
      <section class="mb-4" aria-labelledby="payments-heading">
        <h2 class="h5" id="payments-heading">
          {t("chits.payments")}
        </h2>
        <PaymentList t={t} report={p.report} />
      </section>
      <ChitRateSection t={t} chit={chit} rate={p.report.rate} options={p.rateOptions} unfinished={totals.balance > 0} />
      {p.bid && <BidAdviceSection t={t} chit={chit} bid={p.bid} rateOptions={p.rateOptions} />}
    </>
  );
}
