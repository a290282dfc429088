// "Thinking of bidding this month?": what winning an instalment at a discount means for the member, in plain words,
// with a small chart of the yearly rate against the discount (drawn by /assets/bid-chart.js: no inline script).
import type { BidAdvice } from "../../app/advise-bid.ts";
import { projectionNoteText } from "../../i18n/rate-words.ts";
import type { Chit } from "../../ports/ledger.ts";
import { assetPath } from "../assets.ts";
import { amountForInput, chartRupees, formatMoney, formatPercent } from "../format.ts";
import type { T } from "../i18n/index.ts";
import type { RateOptions } from "./chit-page-view.tsx";
import { Field } from "./form.tsx";

/** The section's state: advice, or the field errors of what the member typed (with what they typed). */
export type BidView = {
  advice: BidAdvice | null;
  instalment: string;
  discount: string;
  errors: Record<string, string>;
};

function reasonWords(t: T, a: BidAdvice): string {
  switch (a.reasonCode) {
    case "multiple-rates":
      return t("rate.multipleRates", { rates: a.rates.map((r) => formatPercent(r)).join(t("rate.and")) });
    case "always-less":
      return t("rate.alwaysLess");
    case "always-more":
      return t("rate.alwaysMore");
    case "no-sign-change":
      return t("rate.onlyPaid");
    default:
      return t("rate.notEnoughFlows");
  }
}

function Sentences(p: { t: T; a: BidAdvice; benchmark: string }) {
  const { t, a } = p;
  const values = { number: a.instalment, discount: formatMoney(a.discount) };
  const benchmark = formatPercent(a.benchmarkRate, 1);
  return (
    <div id="bid-advice-result">
      <p class="fw-semibold mb-1" data-bid-rate={a.rate ?? ""}>
        {a.rate === null
          ? t("bid.noRate", values)
          : t(a.meaning === "return" ? "bid.earn" : a.rate < 0 ? "bid.costNegative" : "bid.cost", {
              ...values,
              rate: formatPercent(a.rate),
            })}
      </p>
      {a.rate === null && <p class="mb-1">{reasonWords(t, a)}</p>}
      {a.rate !== null && a.rates.length > 1 && (
        <p class="small mb-1">
          {t("bid.alsoFits", {
            rates: a.rates
              .filter((r) => r !== a.rate)
              .map((r) => formatPercent(r))
              .join(t("rate.and")),
          })}
        </p>
      )}
      <p class="mb-1">{a.waitRate === null ? t("bid.waitNone") : t("bid.wait", { rate: formatPercent(a.waitRate) })}</p>
      <p class="mb-1" data-break-even={a.breakEvenDiscount ?? ""}>
        {a.breakEvenDiscount !== null
          ? t("bid.breakEven", { benchmark, discount: formatMoney(a.breakEvenDiscount) })
          : t(a.breakEvenCode === "costs-more-even-at-lowest-bid" ? "bid.breakEvenMore" : "bid.breakEvenLess", {
              benchmark,
            })}
      </p>
      <ul class="small text-muted">
        {a.notes.map((note) => (
          <li>{projectionNoteText(t, note)}</li>
        ))}
      </ul>
    </div>
  );
}

export function BidAdviceSection(p: { t: T; chit: Chit; bid: BidView; rateOptions: RateOptions }) {
  const { t, bid } = p;
  const a = bid.advice;
  const chart = a
    ? {
        points: a.curve.map((c) => ({ x: chartRupees(c.discount), y: c.rate === null ? null : c.rate * 100 })),
        rateLabel: t("bid.rateAxis"),
        discountLabel: t("bid.discountAxis"),
      }
    : null;
  return (
    <section class="mb-4" id="bid" aria-labelledby="bid-heading">
      <h2 class="h5" id="bid-heading">
        {t("bid.heading")}
      </h2>
      <p class="small text-muted">{t("bid.intro")}</p>
      <div class="card card-body">
        <form
          method="get"
          action={`/chits/${p.chit.id}#bid`}
          class="row g-2 align-items-end"
          aria-label={t("bid.heading")}
        >
          <input type="hidden" name="assumption" value={p.rateOptions.assumption} />
          <input type="hidden" name="benchmark" value={p.rateOptions.benchmark} />
          <div class="col-5 col-md-3">
            <Field
              name="bidInstalment"
              label={t("bid.instalment")}
              type="number"
              value={bid.instalment}
              error={bid.errors.instalment}
              min="1"
              inputmode="numeric"
            />
          </div>
          <div class="col-7 col-md-5">
            <Field
              name="bidDiscount"
              label={t("bid.discount")}
              value={bid.discount}
              error={bid.errors.discount}
              inputmode="decimal"
              help={
                a ? t("bid.discountHelp", { floor: formatMoney(a.floor), ceiling: formatMoney(a.ceiling) }) : undefined
              }
            />
          </div>
          <div class="col-12 col-md-4 mb-3">
            <button class="btn btn-outline-primary w-100" type="submit">
              {t("bid.show")}
            </button>
          </div>
        </form>
        {a && <Sentences t={t} a={a} benchmark={p.rateOptions.benchmark} />}
        {a && chart && (
          <figure class="mb-0 bid-chart">
            <figcaption class="small text-muted">{t("bid.chart")}</figcaption>
            <canvas
              id="bid-chart"
              role="img"
              aria-label={t("bid.chartLabel", { floor: formatMoney(a.floor), ceiling: formatMoney(a.ceiling) })}
            ></canvas>
            <div id="bid-chart-data" hidden data-chart={JSON.stringify(chart)}></div>
            <script src={assetPath("chart/chart.umd.min.js")} defer></script>
            <script src={assetPath("bid-chart.js")} defer></script>
          </figure>
        )}
      </div>
    </section>
  );
}

/** The discount field's value for a given advice: what was typed, else the advice's own discount. */
export function bidDiscountValue(typed: string | undefined, advice: BidAdvice | null): string {
  return typed?.trim() ? typed : advice ? amountForInput(advice.discount) : "";
}
