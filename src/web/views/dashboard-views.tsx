// The dashboard: totals, what is due in the next 30 days and overdue, a card per chit, and two charts.
import { formatINR } from "../../domain/money.ts";
import type { ChitCard, DueItem, MonthSeries, Summary } from "../../domain/summary.ts";
import { assetPath } from "../assets.ts";
import { chartRupees, formatDate } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { UnschedulableNotice } from "./chit-views.tsx";

const inr = (p: number) => formatINR(p, { withSymbol: true });

/** How much of each list the dashboard shows; the rest is one link away (the dues pages, the chit list). */
export const DASHBOARD_DUES = 8;
export const DASHBOARD_CHITS = 12;
/** Bars per month for this many chits (those paid the most in the chart's months); the others share one bar. */
const CHART_CHITS = 8;

/**
 * Chits that need the member first: active ones with something overdue, then by the next due date; closed ones last.
 */
function byUrgency(a: ChitCard, b: ChitCard): number {
  const closed = Number(a.status === "closed") - Number(b.status === "closed");
  if (closed) return closed;
  const overdue = Number(b.overdue > 0) - Number(a.overdue > 0);
  if (overdue) return overdue;
  const [x, y] = [a.next?.dueDate ?? "9999", b.next?.dueDate ?? "9999"];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The monthly chart's series: the chits paid the most in those months, and all the others summed as one. */
function chartSeries(t: T, byChit: MonthSeries["byChit"]) {
  const total = (c: MonthSeries["byChit"][number]) => c.paid.reduce((sum, p) => sum + p, 0);
  const ranked = byChit.filter((c) => total(c) > 0).sort((a, b) => total(b) - total(a));
  const shown = ranked.slice(0, CHART_CHITS).map((c) => ({ name: c.name, paid: c.paid.map(chartRupees) }));
  const rest = ranked.slice(CHART_CHITS);
  if (rest.length) {
    const paid = rest[0]!.paid.map((_, i) => rest.reduce((sum, c) => sum + (c.paid[i] ?? 0), 0));
    shown.push({ name: t("dashboard.otherChits", { count: rest.length }), paid: paid.map(chartRupees) });
  }
  return shown;
}

function Stat(p: { label: string; value: number; tone?: string; help: string }) {
  return (
    <div class="col-6 col-lg">
      <div class={`card h-100 border-${p.tone ?? "light"}`}>
        <div class="card-body">
          <div class="small text-muted">{p.label}</div>
          <div class={`fs-4 fw-semibold amount${p.tone ? ` text-${p.tone}` : ""}`}>{inr(p.value)}</div>
          <div class="small text-muted">{p.help}</div>
        </div>
      </div>
    </div>
  );
}

function DueList(p: {
  t: T;
  items: DueItem[];
  empty: string;
  timeZone: string;
  label: string;
  all: { href: string; text: string };
}) {
  const { t } = p;
  if (p.items.length === 0) return <p class="text-muted">{p.empty}</p>;
  return (
    <>
      <ul class="list-group" aria-label={p.label}>
        {p.items.slice(0, DASHBOARD_DUES).map((d) => (
          <li class="list-group-item d-flex justify-content-between align-items-start gap-2">
            <div>
              <a href={`/chits/${d.chitId}`} class="fw-semibold">
                {d.chitName}
              </a>
              <div class="small text-muted">
                {t("dashboard.instalmentDue", { number: d.number, date: formatDate(d.dueDate, localeOf(t)) })}
                {d.estimated ? t("dashboard.estimated") : ""}
              </div>
            </div>
            <div class="text-end">
              <div class="amount fw-semibold">{inr(d.balance)}</div>
              <a
                class="btn btn-sm btn-outline-primary mt-1"
                href={`/chits/${d.chitId}/payments/new?instalment=${d.number}`}
              >
                {t("dashboard.pay")}
              </a>
            </div>
          </li>
        ))}
      </ul>
      {p.items.length > DASHBOARD_DUES && (
        <p class="mt-2 mb-0">
          <a href={p.all.href}>{p.all.text}</a>
        </p>
      )}
    </>
  );
}

export function DashboardView(p: { t: T; name: string; summary: Summary; timeZone: string }) {
  const { t } = p;
  const s = p.summary;
  const chartData = {
    months: s.charts.months,
    byChit: chartSeries(t, s.charts.byChit),
    cumulativePaid: s.charts.cumulativePaid.map(chartRupees),
    cumulativeExpected: s.charts.cumulativeExpected.map(chartRupees),
  };
  return (
    <>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <div>
          <h1 class="h3 mb-0">{t("dashboard.title")}</h1>
          <p class="text-muted mb-0">
            {t("dashboard.welcome", { name: p.name, date: formatDate(s.today, localeOf(t)) })}
          </p>
        </div>
        <div class="d-flex gap-2">
          <a class="btn btn-primary" href="/chits/new">
            {t("dashboard.addChit")}
          </a>
          <a class="btn btn-outline-primary" href="/payments">
            {t("dashboard.paymentHistory")}
          </a>
        </div>
      </div>
      <div class="row g-3 mb-4">
        <Stat label={t("dashboard.totalPaid")} value={s.totals.paid} help={t("dashboard.totalPaidHelp")} />
        <Stat
          label={t("dashboard.dueThisMonth")}
          value={s.totals.dueThisMonth}
          help={t("dashboard.dueThisMonthHelp")}
          tone={s.totals.dueThisMonth ? "primary" : undefined}
        />
        <Stat
          label={t("dashboard.overdue")}
          value={s.totals.overdue}
          help={t("dashboard.overdueHelp")}
          tone={s.totals.overdue ? "danger" : undefined}
        />
        <Stat
          label={t("dashboard.dividends")}
          value={s.totals.dividends}
          help={t("dashboard.dividendsHelp")}
          tone="success"
        />
        <Stat label={t("dashboard.prizes")} value={s.totals.prizesReceived} help={t("dashboard.prizesHelp")} />
      </div>
      {s.chits.length === 0 ? (
        <div class="card card-body text-center py-5">
          <h2 class="h5">{t("dashboard.noChits")}</h2>
          <p class="text-muted">{t("dashboard.noChitsLead")}</p>
          <div>
            <a class="btn btn-primary" href="/chits/new">
              {t("dashboard.addFirstChit")}
            </a>
          </div>
        </div>
      ) : (
        <>
          <div class="row g-4 mb-4">
            <section class="col-12 col-lg-6" aria-labelledby="overdue-heading">
              <h2 class="h5" id="overdue-heading">
                {t("dashboard.overdue")}
              </h2>
              <DueList
                t={t}
                items={s.overdue}
                empty={t("dashboard.nothingOverdue")}
                timeZone={p.timeZone}
                label={t("dashboard.overdueList")}
                all={{ href: "/dues?status=overdue", text: t("dashboard.allOverdue", { count: s.overdue.length }) }}
              />
            </section>
            <section class="col-12 col-lg-6" aria-labelledby="upcoming-heading">
              <h2 class="h5" id="upcoming-heading">
                {t("dashboard.upcoming")}
              </h2>
              <DueList
                t={t}
                items={s.upcoming}
                empty={t("dashboard.nothingUpcoming")}
                timeZone={p.timeZone}
                label={t("dashboard.upcomingList")}
                all={{ href: "/dues?status=upcoming", text: t("dashboard.allUpcoming", { count: s.upcoming.length }) }}
              />
            </section>
          </div>
          <h2 class="h5">{t("dashboard.yourChits")}</h2>
          <div class="row g-3 mb-4">
            {[...s.chits]
              .sort(byUrgency)
              .slice(0, DASHBOARD_CHITS)
              .map((c) => (
                <div class="col-12 col-md-6 col-xl-4">
                  <div class="card card-chit h-100">
                    <div class="card-body">
                      <div class="d-flex justify-content-between gap-2">
                        <h3 class="h6 mb-1">
                          <a href={`/chits/${c.id}`}>{c.name}</a>
                        </h3>
                        <div class="d-flex gap-1">
                          {c.prized && <span class="badge text-bg-info">{t("dashboard.prized")}</span>}
                          {c.status === "closed" && (
                            <span class="badge text-bg-secondary">{t("dashboard.closed")}</span>
                          )}
                          {c.overdue > 0 && <span class="badge text-bg-danger">{t("dashboard.overdueBadge")}</span>}
                        </div>
                      </div>
                      <div class="small text-muted mb-2">{c.organizer || t("dashboard.noForeman")}</div>
                      {c.problem !== null && <UnschedulableNotice t={t} chitId={c.id} />}
                      <label class="small d-block" for={`progress-${c.id}`}>
                        {t("dashboard.progress", {
                          paid: inr(c.paid),
                          payable: inr(c.totalPayable),
                          paidInstalments: c.paidInstalments,
                          instalments: c.instalments,
                        })}
                      </label>
                      <progress
                        class="w-100"
                        id={`progress-${c.id}`}
                        max={Math.max(1, c.totalPayable)}
                        value={Math.min(c.paid, c.totalPayable)}
                      >
                        {c.totalPayable ? Math.round((c.paid / c.totalPayable) * 100) : 0}%
                      </progress>
                      {c.next && (
                        <div class="small mt-2">
                          {t("dashboard.next", {
                            number: c.next.number,
                            amount: inr(c.next.balance),
                            date: formatDate(c.next.dueDate, localeOf(t)),
                          })}
                        </div>
                      )}
                    </div>
                  </div>
                </div>
              ))}
          </div>
          {s.chits.length > DASHBOARD_CHITS && (
            <p class="mb-4">
              <a href="/chits">{t("dashboard.allChits", { count: s.chits.length })}</a>
            </p>
          )}
          <div class="row g-4">
            <section class="col-12 col-lg-6" aria-labelledby="chart-monthly-heading">
              <h2 class="h5" id="chart-monthly-heading">
                {t("dashboard.monthlyChart")}
              </h2>
              <canvas id="chart-monthly" role="img" aria-label={t("dashboard.monthlyChartLabel")}></canvas>
            </section>
            <section class="col-12 col-lg-6" aria-labelledby="chart-cumulative-heading">
              <h2 class="h5" id="chart-cumulative-heading">
                {t("dashboard.cumulativeChart")}
              </h2>
              <canvas id="chart-cumulative" role="img" aria-label={t("dashboard.cumulativeChartLabel")}></canvas>
            </section>
          </div>
          <div id="dashboard-data" hidden data-chart={JSON.stringify(chartData)}></div>
          <script src={assetPath("chart/chart.umd.min.js")} defer></script>
          <script src={assetPath("dashboard.js")} defer></script>
        </>
      )}
    </>
  );
}
