// The real rate of a chit: XIRR on what actually happened and projected to the end, NPV at a benchmark, MIRR; plain
// words instead of a number where no single rate exists.
import type { ChitRate, RateView } from "../../app/chit-rate.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatPercent, formatRupees } from "../format.ts";
import type { RateOptions } from "./chit-page-view.tsx";
import { Field, Select } from "./form.tsx";

/** What a rate means for this member: the cost of taking the prize early, or what their money earned. */
function meaning(rate: number, netGain: number): string {
  if (rate < 0) return "Negative: you get back less than you pay in.";
  if (netGain < 0) return "You take the prize before paying it all in: this is what that money costs you, as a yearly interest rate.";
  return "What your money earns, as a yearly interest rate.";
}

function RateFigures(p: { view: RateView; heading: string; id: string; note?: string | null }) {
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
          <dt class="fw-normal text-muted small">Real rate (XIRR, a year)</dt>
          <dd class="fs-5 fw-semibold" data-rate={p.id}>
            {v.xirr !== null ? formatPercent(v.xirr) : <span class="fs-6 fw-normal d-block">{v.reason ?? "No rate."}</span>}
          </dd>
          {v.xirr !== null && <dd class="small text-muted">{meaning(v.xirr, v.netGain)}</dd>}
          <dt class="fw-normal text-muted small">{v.netGain < 0 ? "Net loss" : "Net gain"} (received minus paid)</dt>
          <dd class="amount">{formatRupees(Math.abs(v.netGain))}</dd>
          <dt class="fw-normal text-muted small">NPV at {benchmark} a year</dt>
          <dd>
            <span class="amount">{formatRupees(v.npv)}</span>
            <div class="small text-muted">
              {v.npv >= 0 ? "Better than your benchmark by this much, in today's money." : "Worse than your benchmark by this much, in today's money."}
            </div>
          </dd>
          <dt class="fw-normal text-muted small">MIRR (borrowing and reinvesting at {benchmark})</dt>
          <dd class="mb-0">{v.mirr !== null ? formatPercent(v.mirr) : <span class="text-muted">Needs both payments and a prize.</span>}</dd>
        </dl>
      </div>
    </div>
  );
}

export function ChitRateSection(p: { chit: Chit; rate: ChitRate; options: RateOptions; unfinished: boolean }) {
  const { rate } = p;
  const wonEarly = p.unfinished && p.chit.instalments.some((r) => r.wonByMe);
  return (
    <section class="mb-4" id="rate" aria-labelledby="rate-heading">
      <h2 class="h5" id="rate-heading">
        What this chit really costs or earns
      </h2>
      <p class="small text-muted">
        Your payments count as money out on the day you paid, the prize as money in. Winning early is like borrowing (a rate you pay); winning late is like
        saving (a rate you earn). Some chits have no single rate: then the net result, NPV and MIRR say more.
      </p>
      <div class="row g-3 mb-3">
        <div class="col-12 col-lg-6">
          <RateFigures
            view={rate}
            heading="So far (actual payments and prize)"
            id="rate-actual"
            note={wonEarly ? "You have the prize but still owe instalments, so this looks better than it will end: see the projection." : null}
          />
        </div>
        <div class="col-12 col-lg-6">
          <RateFigures view={rate.projected} heading="Projected to the end of the chit" id="rate-projected" />
        </div>
      </div>
      <div class="card card-body">
        <h3 class="h6">Assumptions for the projection</h3>
        <ul class="small">
          {rate.projected.notes.map((note) => (
            <li>{note}</li>
          ))}
        </ul>
        <form method="get" action={`/chits/${p.chit.id}#rate`} class="row g-2 align-items-end" aria-label="Change the assumptions">
          <div class="col-12 col-md-6">
            <Select
              name="assumption"
              label="Auctions not yet held"
              value={p.options.assumption}
              options={[
                { value: "no-more-dividends", label: "At the lowest bid: no more dividends (cautious)" },
                { value: "average-discount", label: "At the average of the discounts so far" },
              ]}
            />
          </div>
          <div class="col-7 col-md-3">
            <Field
              name="benchmark"
              label="Benchmark rate (% a year)"
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
              Recalculate
            </button>
          </div>
        </form>
        <p class="small text-muted mb-0">The benchmark is what your money would earn elsewhere, e.g. a fixed deposit (7% if you are not sure).</p>
      </div>
    </section>
  );
}
