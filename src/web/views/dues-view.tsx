// All the instalments overdue, or due in the next 30 days, across the member's chits, a page at a time (the dashboard
// shows the first few of each and links here).
import type { DuePage, DueStatus } from "../../app/list-dues.ts";
import { formatINR } from "../../domain/money.ts";
import { formatDate } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { Pager } from "./pager.tsx";

const inr = (p: number) => formatINR(p, { withSymbol: true });
const hrefOf = (status: DueStatus, page = 1) => `/dues?status=${status}${page > 1 ? `&page=${page}` : ""}`;

export function DuesView(p: { t: T; dues: DuePage }) {
  const { t, dues } = p;
  const title = (status: DueStatus) =>
    t(status === "overdue" ? "dashboard.duesOverdueTitle" : "dashboard.duesUpcomingTitle");
  return (
    <>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 class="h3 mb-0">{title(dues.status)}</h1>
        <a class="btn btn-outline-primary" href="/dashboard">
          {t("dashboard.backToDashboard")}
        </a>
      </div>
      <ul class="nav nav-tabs mb-3">
        {(["overdue", "upcoming"] as const).map((status) => (
          <li class="nav-item">
            <a
              class={`nav-link${status === dues.status ? " active" : ""}`}
              href={hrefOf(status)}
              aria-current={status === dues.status ? "page" : undefined}
            >
              {title(status)}
            </a>
          </li>
        ))}
      </ul>
      {dues.total === 0 ? (
        <p class="text-muted">
          {t(dues.status === "overdue" ? "dashboard.nothingOverdue" : "dashboard.nothingUpcoming")}
        </p>
      ) : (
        <>
          <p class="text-muted">
            {t("dashboard.duesCount", { count: dues.total })}
            {dues.pages > 1 ? t("payments.pageOf", { page: dues.page, pages: dues.pages }) : ""}
          </p>
          <div class="table-responsive">
            <table class="table align-middle">
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.duesChit")}</th>
                  <th scope="col">{t("dashboard.duesInstalment")}</th>
                  <th scope="col">{t("dashboard.duesDueDate")}</th>
                  <th scope="col" class="text-end">
                    {t("dashboard.duesPayable")}
                  </th>
                  <th scope="col" class="text-end">
                    {t("dashboard.duesBalance")}
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">{t("dashboard.pay")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dues.items.map((d) => (
                  <tr>
                    <td>
                      <a href={`/chits/${d.chitId}`}>{d.chitName}</a>
                    </td>
                    <td>
                      {d.number}
                      {d.estimated ? <span class="small text-muted">{t("dashboard.estimated")}</span> : ""}
                    </td>
                    <td>{formatDate(d.dueDate, localeOf(t))}</td>
                    <td class="text-end amount">{inr(d.payable)}</td>
                    <td class="text-end amount fw-semibold">{inr(d.balance)}</td>
                    <td class="text-end">
                      <a
                        class="btn btn-sm btn-outline-primary"
                        href={`/chits/${d.chitId}/payments/new?instalment=${d.number}`}
                      >
                        {t("dashboard.pay")}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            t={t}
            page={dues.page}
            pages={dues.pages}
            href={(page) => hrefOf(dues.status, page)}
            label={t("dashboard.duesPagesLabel")}
          />
        </>
      )}
    </>
  );
}
