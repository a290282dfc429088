// The dashboard: totals, what is due in the next 30 days and overdue, a card per chit, and two charts.
import type { DueItem, Summary } from "../../app/build-summary.ts";
import { formatINR, paiseToRupees } from "../../domain/money.ts";
import { formatDate } from "../format.ts";

const inr = (p: number) => formatINR(p, { withSymbol: true });

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

function DueList(p: { items: DueItem[]; empty: string; timeZone: string; label: string }) {
  if (p.items.length === 0) return <p class="text-muted">{p.empty}</p>;
  return (
    <ul class="list-group" aria-label={p.label}>
      {p.items.map((d) => (
        <li class="list-group-item d-flex justify-content-between align-items-start gap-2">
          <div>
            <a href={`/chits/${d.chitId}`} class="fw-semibold">
              {d.chitName}
            </a>
            <div class="small text-muted">
              Instalment {d.number} · due {formatDate(d.dueDate)}
              {d.estimated ? " · estimated (auction not recorded)" : ""}
            </div>
          </div>
          <div class="text-end">
            <div class="amount fw-semibold">{inr(d.balance)}</div>
            <a class="btn btn-sm btn-outline-primary mt-1" href={`/chits/${d.chitId}/payments/new?instalment=${d.number}`}>
              Pay
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function DashboardView(p: { name: string; summary: Summary; timeZone: string }) {
  const s = p.summary;
  const chartData = {
    months: s.charts.months,
    byChit: s.charts.byChit.map((c) => ({ name: c.name, paid: c.paid.map(paiseToRupees) })),
    cumulativePaid: s.charts.cumulativePaid.map(paiseToRupees),
    cumulativeExpected: s.charts.cumulativeExpected.map(paiseToRupees),
  };
  return (
    <>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <div>
          <h1 class="h3 mb-0">Dashboard</h1>
          <p class="text-muted mb-0">
            Welcome, {p.name}. Today is {formatDate(s.today)}.
          </p>
        </div>
        <div class="d-flex gap-2">
          <a class="btn btn-primary" href="/chits/new">
            Add chit
          </a>
          <a class="btn btn-outline-primary" href="/payments">
            Payment history
          </a>
        </div>
      </div>
      <div class="row g-3 mb-4">
        <Stat label="Total paid" value={s.totals.paid} help="All payments recorded" />
        <Stat label="Due this month" value={s.totals.dueThisMonth} help="Still to pay this month" tone={s.totals.dueThisMonth ? "primary" : undefined} />
        <Stat label="Overdue" value={s.totals.overdue} help="Past the due date" tone={s.totals.overdue ? "danger" : undefined} />
        <Stat label="Dividends earned" value={s.totals.dividends} help="Lowered your instalments" tone="success" />
        <Stat label="Prizes received" value={s.totals.prizesReceived} help="Chits you took" />
      </div>
      {s.chits.length === 0 ? (
        <div class="card card-body text-center py-5">
          <h2 class="h5">No chits yet</h2>
          <p class="text-muted">Add the chits you hold to see what is due, what you paid and what each chit really costs or earns.</p>
          <div>
            <a class="btn btn-primary" href="/chits/new">
              Add your first chit
            </a>
          </div>
        </div>
      ) : (
        <>
          <div class="row g-4 mb-4">
            <section class="col-12 col-lg-6" aria-labelledby="overdue-heading">
              <h2 class="h5" id="overdue-heading">
                Overdue
              </h2>
              <DueList items={s.overdue} empty="Nothing overdue." timeZone={p.timeZone} label="Overdue instalments" />
            </section>
            <section class="col-12 col-lg-6" aria-labelledby="upcoming-heading">
              <h2 class="h5" id="upcoming-heading">
                Due in the next 30 days
              </h2>
              <DueList items={s.upcoming} empty="Nothing due in the next 30 days." timeZone={p.timeZone} label="Upcoming instalments" />
            </section>
          </div>
          <h2 class="h5">Your chits</h2>
          <div class="row g-3 mb-4">
            {s.chits.map((c) => (
              <div class="col-12 col-md-6 col-xl-4">
                <div class="card card-chit h-100">
                  <div class="card-body">
                    <div class="d-flex justify-content-between gap-2">
                      <h3 class="h6 mb-1">
                        <a href={`/chits/${c.id}`}>{c.name}</a>
                      </h3>
                      <div class="d-flex gap-1">
                        {c.prized && <span class="badge text-bg-info">prized</span>}
                        {c.status === "closed" && <span class="badge text-bg-secondary">closed</span>}
                        {c.overdue > 0 && <span class="badge text-bg-danger">overdue</span>}
                      </div>
                    </div>
                    <div class="small text-muted mb-2">{c.organizer || "No foreman recorded"}</div>
                    <label class="small d-block" for={`progress-${c.id}`}>
                      Paid {inr(c.paid)} of {inr(c.totalPayable)} payable · {c.paidInstalments} of {c.instalments} instalments
                    </label>
                    <progress class="w-100" id={`progress-${c.id}`} max={Math.max(1, c.totalPayable)} value={Math.min(c.paid, c.totalPayable)}>
                      {c.totalPayable ? Math.round((c.paid / c.totalPayable) * 100) : 0}%
                    </progress>
                    {c.next && (
                      <div class="small mt-2">
                        Next: instalment {c.next.number}, {inr(c.next.balance)} due {formatDate(c.next.dueDate)}
                      </div>
                    )}
                  </div>
                </div>
              </div>
            ))}
          </div>
          <div class="row g-4">
            <section class="col-12 col-lg-6" aria-labelledby="chart-monthly-heading">
              <h2 class="h5" id="chart-monthly-heading">
                Payments per month, by chit
              </h2>
              <canvas id="chart-monthly" role="img" aria-label="Bar chart of payments per month for each chit"></canvas>
            </section>
            <section class="col-12 col-lg-6" aria-labelledby="chart-cumulative-heading">
              <h2 class="h5" id="chart-cumulative-heading">
                Paid so far against expected
              </h2>
              <canvas id="chart-cumulative" role="img" aria-label="Line chart of cumulative payments against the cumulative payable"></canvas>
            </section>
          </div>
          <div id="dashboard-data" hidden data-chart={JSON.stringify(chartData)}></div>
          <script src="/assets/chart/chart.umd.min.js" defer></script>
          <script src="/assets/dashboard.js" defer></script>
        </>
      )}
    </>
  );
}
