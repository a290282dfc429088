import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatDate, formatMoney } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { InstalmentBadge } from "./ledger-parts.tsx";

export function ScheduleTable(p: { t: T; chit: Chit; rows: ScheduleRow[]; today: string }) {
  const { chit, t } = p;
  const overridden = new Set(chit.instalments.filter((r) => r.payableOverride !== undefined).map((r) => r.number));
  const dividendWhen = t(chit.terms.dividendApplies === "next" ? "chits.dividendNext" : "chits.dividendSame");
  const late = chit.terms.lateRule !== "none" || p.rows.some((row) => row.penalty > 0);
  return (
    <>
      <div class="table-responsive">
        <table class="table table-sm table-hover align-middle schedule-table">
          <caption class="visually-hidden">{t("chits.scheduleCaption", { name: chit.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("chits.instalment")}</th>
              <th scope="col">{t("chits.dueDate")}</th>
              <th scope="col" class="text-end">
                {t("chits.discount")}
              </th>
              <th scope="col" class="text-end">
                {t("chits.dividend")}
              </th>
              <th scope="col" class="text-end">
                {t("chits.payable")}
              </th>
              <th scope="col" class="text-end">
                {t("rules.prize")}
              </th>
              {late && (
                <th scope="col" class="text-end">
                  {t("rules.penalty")}
                </th>
              )}
              <th scope="col" class="text-end">
                {t("chits.paid")}
              </th>
              <th scope="col" class="text-end">
                {t("chits.balance")}
              </th>
              <th scope="col">{t("chits.status")}</th>
              <th scope="col">{t("chits.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => (
              <tr
                class={row.status === "overdue" ? "table-danger" : row.status === "due" ? "table-primary" : undefined}
              >
                <th scope="row">{row.number}</th>
                <td class="text-nowrap">{formatDate(row.dueDate, localeOf(t))}</td>
                <td class="text-end amount">
                  {row.number === 1 && chit.terms.firstInstalment === "foreman" ? (
                    <span class="text-muted small">{t("chits.foreman")}</span>
                  ) : row.discount === null ? (
                    <span class="text-muted">—</span>
                  ) : (
                    formatMoney(row.discount)
                  )}
                </td>
                <td class="text-end amount">
                  {row.dividend === null ? <span class="text-muted">—</span> : formatMoney(row.dividend)}
                </td>
                <td class="text-end amount">
                  {formatMoney(row.payable)}
                  {row.estimated && <span class="badge text-bg-light border ms-1">{t("chits.estimated")}</span>}
                  {overridden.has(row.number) && (
                    <span class="badge text-bg-light border ms-1">{t("chits.notice")}</span>
                  )}
                </td>
                <td class="text-end amount" data-prize={row.number}>
                  {row.prizes === null ? (
                    <span class="text-muted">—</span>
                  ) : (
                    row.prizes.map((prize, i) => (
                      <span class="d-block">
                        {formatMoney(prize)}
                        {i === 0 && row.wonByMe && row.prizeReceived !== null && row.prizeReceived !== prize && (
                          <span class="d-block small text-muted">{formatMoney(row.prizeReceived)}</span>
                        )}
                      </span>
                    ))
                  )}
                </td>
                {late && (
                  <td class="text-end amount">
                    {row.penalty > 0 ? formatMoney(row.penalty) : <span class="text-muted">—</span>}
                  </td>
                )}
                <td class="text-end amount">{formatMoney(row.paid)}</td>
                <td class="text-end amount">{formatMoney(row.balance)}</td>
                <td>
                  <span class="d-inline-flex flex-wrap gap-1">
                    <InstalmentBadge status={row.status} t={t} />
                    {row.wonByMe && <span class="badge text-bg-info">{t("chits.wonByYou")}</span>}
                  </span>
                </td>
                <td class="text-nowrap">
                  <a
                    class="btn btn-sm btn-outline-secondary"
                    href={`/chits/${chit.id}/instalments/${row.number}`}
                    aria-label={t("chits.recordAuctionFor", { number: row.number })}
                  >
                    {t("chits.recordAuction")}
                  </a>
                  {row.balance > 0 && chit.status === "active" && (
                    <a
                      class="btn btn-sm btn-outline-primary ms-1"
                      href={`/chits/${chit.id}/payments/new?instalment=${row.number}`}
                      aria-label={t("chits.payInstalment", { number: row.number })}
                    >
                      {t("chits.pay")}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="small text-muted">{t("chits.scheduleNote", { when: dividendWhen })}</p>
    </>
  );
}
