// The real rate of a chit: XIRR on what actually happened and projected to the end, NPV at a benchmark, MIRR; plain
// words instead of a number where no single rate exists.
import type { ChitRate, RateView } from "../../app/chit-rate.ts";
import { projectionNoteText, rateReasonText } from "../../i18n/rate-words.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatMoney, formatPercent } from "../format.ts";
import type { T } from "../i18n/index.ts";
import type { RateOptions } from "./chit-page-view.tsx";
import { Field, Select } from "./form.tsx";

/** What a rate means for this member: the cost of taking the prize early, or what their money earned. */
function meaning(t: T, rate: number, netGain: number): string {
  if (Math.abs(rate) < 0.00005) return t("rate.breakEven");
  if (rate < 0) return t("rate.negative");
  if (netGain < 0) return t("rate.borrowing");
  return t("rate.earning");
}

function reasonWords(t: T, v: RateView): string {
  return rateReasonText(t, v.reasonCode, v.rates) ?? t("rate.noRate");
}

function RateFigures(p: { t: T; view: RateView; heading: string; id: string; note?: string | null }) {
  const { t } = p;
  const v = p.view;
  const benchmark = formatPercent(v.benchmarkRate, 1);
  return (
    <div class="card h-100">
      <div class="card-body">
        <h3 class="h6" id={p.id}>
          {p.heading}
        </h3>
        {p.note && <p class="small text-muted">{p.note}</p>}
        <dl class="mb-0">
          <dt class="fw-normal text-muted small">{t("rate.realRate")}</dt>
          <dd class="fs-5 fw-semibold" data-rate={p.id}>
            {v.xirr !== null ? formatPercent(v.xirr) : <span class="fs-6 fw-normal d-block">{reasonWords(t, v)}</span>}
          </dd>
          {v.xirr !== null && <dd class="small text-muted">{meaning(t, v.xirr, v.netGain)}</dd>}
          <dt class="fw-normal text-muted small">{t(v.netGain < 0 ? "rate.netLoss" : "rate.netGain")}</dt>
          <dd class="amount">{formatMoney(Math.abs(v.netGain))}</dd>
          <dt class="fw-normal text-muted small">{t("rate.npvAt", { rate: benchmark })}</dt>
          <dd>
            {v.npv === null ? (
              <span class="text-muted">{t("rate.npvNothing")}</span>
            ) : (
              <>
                <span class="amount">{formatMoney(v.npv)}</span>
                <div class="small text-muted">{t(v.npv >= 0 ? "rate.better" : "rate.worse")}</div>
              </>
            )}
          </dd>
          <dt class="fw-normal text-muted small">{t("rate.mirr", { rate: benchmark })}</dt>
          <dd class="mb-0">
            {v.mirr !== null ? formatPercent(v.mirr) : <span class="text-muted">{t("rate.mirrNeeds")}</span>}
          </dd>
        </dl>
      </div>
    </div>
  );
}

export function ChitRateSection(p: { t: T; chit: Chit; rate: ChitRate; options: RateOptions; unfinished: boolean }) {
  const { rate, t } = p;
  const wonEarly = p.unfinished && p.chit.instalments.some((r) => r.wonByMe);
  return (
    <section class="mb-4" id="rate" aria-labelledby="rate-heading">
      <h2 class="h5" id="rate-heading">
        {t("rate.heading")}
      </h2>
      <p class="small text-muted">{t("rate.intro")}</p>
      <div class="row g-3 mb-3">
        <div class="col-12 col-lg-6">
          <RateFigures
            t={t}
            view={rate}
            heading={t("rate.soFar")}
            id="rate-actual"
            note={wonEarly ? t("rate.wonEarly") : null}
          />
        </div>
        <div class="col-12 col-lg-6">
          <RateFigures t={t} view={rate.projected} heading={t("rate.projected")} id="rate-projected" />
        </div>
      </div>
      <div class="card card-body">
        <h3 class="h6">{t("rate.assumptions")}</h3>
        <ul class="small">
          {rate.projected.notes.map((note) => (
            <li>{projectionNoteText(t, note)}</li>
          ))}
        </ul>
        <form
          method="get"
          action={`/chits/${p.chit.id}#rate`}
          class="row g-2 align-items-end"
          aria-label={t("rate.changeAssumptions")}
        >
          <div class="col-12 col-md-6">
            <Select
              name="assumption"
              label={t("rate.auctionsNotHeld")}
              value={p.options.assumption}
              options={[
                { value: "no-more-dividends", label: t("rate.assumeLowest") },
                { value: "average-discount", label: t("rate.assumeAverage") },
              ]}
            />
          </div>
          <div class="col-7 col-md-3">
            <Field
              name="benchmark"
              label={t("rate.benchmark")}
              type="number"
              value={p.options.benchmark}
              error={p.options.benchmarkError}
              min="0"
              max="100"
              step="0.1"
              inputmode="decimal"
            />
          </div>
          <div class="col-5 col-md-3 mb-3">
            <button class="btn btn-outline-primary w-100" type="submit">
              {t("rate.recalculate")}
            </button>
          </div>
        </form>
        <p class="small text-muted mb-0">{t("rate.benchmarkHelp")}</p>
      </div>
    </section>
  );
}
