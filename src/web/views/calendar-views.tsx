// The calendar page: a month of due dates across the member's chits, coloured by status (with the status in words too).
import type { CalendarMonthView } from "../../app/build-calendar-month.ts";
import type { InstalmentDue } from "../../app/instalments-across-chits.ts";
import { paymentPath } from "../../app/instalments-across-chits.ts";
import { formatMonth, weekdayNames } from "../../i18n/format.ts";
import { assetPath } from "../assets.ts";
import { formatMoney } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { InstalmentBadge } from "./ledger-parts.tsx";

/** "2026-03" -> "Mar 2026" for narrow screens. */
const formatMonthShort = (month: string, t: T) => formatMonth(month, localeOf(t), "short");

/** "2026-03" -> "March 2026", in the reader's language. */
export const monthTitle = (month: string, t: T) => formatMonth(month, localeOf(t));

function Due(p: { t: T; due: InstalmentDue }) {
  const { t } = p;
  const d = p.due;
  const open = d.balance > 0;
  return (
    <li class={`calendar-due calendar-due-${d.status}`}>
      <a
        href={open ? paymentPath(d.chitId, d.number) : `/chits/${encodeURIComponent(d.chitId)}`}
        class="text-decoration-none"
      >
        <InstalmentBadge t={t} status={d.status} /> <span class="calendar-due-name">{d.chitName}</span>{" "}
        <span class="text-body-secondary">#{d.number}</span>{" "}
        <span class="amount">{formatMoney(open ? d.balance : d.payable)}</span>
        {d.estimated && <span class="visually-hidden"> {t("calendar.estimate")}</span>}
        {open && <span class="visually-hidden">{t("calendar.recordPayment")}</span>}
      </a>
    </li>
  );
}

export function CalendarView(p: { t: T; view: CalendarMonthView }) {
  const { t } = p;
  const v = p.view;
  const monthOf = (month: string) => monthTitle(month, t);
  const title = monthOf(v.month);
  const weekdays = weekdayNames(localeOf(t));
  const weekdaysLong = weekdayNames(localeOf(t), "long");
  return (
    <div>
      <link rel="stylesheet" href={assetPath("calendar.css")} />
      <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <h1 class="h3 mb-0">{t("calendar.calendar")}</h1>
        <form method="get" action="/calendar" class="d-flex gap-2" aria-label={t("calendar.goMonth")}>
          <label class="visually-hidden" for="calendar-month">
            {t("calendar.month")}
          </label>
          <input
            class="form-control form-control-sm"
            type="month"
            id="calendar-month"
            name="month"
            value={v.month}
            required
          />
          <button class="btn btn-sm btn-outline-primary" type="submit">
            {t("calendar.show")}
          </button>
        </form>
      </div>
      <nav class="d-flex align-items-center justify-content-between mb-2" aria-label={t("calendar.months")}>
        <a
          class="btn btn-outline-secondary btn-sm"
          href={`/calendar?month=${v.previous}`}
          rel="prev"
          aria-label={t("calendar.previousMonth", { month: monthOf(v.previous) })}
        >
          <span aria-hidden="true">‹ </span>
          <span class="d-sm-none">{formatMonthShort(v.previous, t)}</span>
          <span class="d-none d-sm-inline">{monthOf(v.previous)}</span>
        </a>
        <h2 class="h5 mb-0" id="calendar-title" aria-live="polite">
          {title}
        </h2>
        <a
          class="btn btn-outline-secondary btn-sm"
          href={`/calendar?month=${v.next}`}
          rel="next"
          aria-label={t("calendar.nextMonth", { month: monthOf(v.next) })}
        >
          <span class="d-sm-none">{formatMonthShort(v.next, t)}</span>
          <span class="d-none d-sm-inline">{monthOf(v.next)}</span>
          <span aria-hidden="true"> ›</span>
        </a>
      </nav>
      <p class="text-body-secondary small mb-2">
        {v.totals.count === 0
          ? t("calendar.noneThisMonth")
          : t(v.totals.overdue ? "calendar.totalsOverdue" : "calendar.totals", {
              count: v.totals.count,
              payable: formatMoney(v.totals.payable),
              balance: formatMoney(v.totals.balance),
              overdue: formatMoney(v.totals.overdue),
            })}{" "}
        {v.today.startsWith(v.month) ? null : (
          <a href="/calendar" class="text-nowrap">
            {t("calendar.backMonth")}
          </a>
        )}
      </p>
      <ul class="list-inline small mb-3" aria-label={t("calendar.colours")}>
        {(["overdue", "due", "part-paid", "upcoming", "paid"] as const).map((s) => (
          <li class="list-inline-item">
            <InstalmentBadge t={t} status={s} />
          </li>
        ))}
      </ul>
      <table class="table table-bordered calendar-month" aria-labelledby="calendar-title">
        <thead>
          <tr>
            {weekdays.map((short, i) => (
              <th scope="col">
                <abbr title={weekdaysLong[i]}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.weeks.map((week) => (
            <tr>
              {week.map((cell, i) =>
                cell.date === null ? (
                  <td class="calendar-day calendar-outside" aria-hidden="true"></td>
                ) : (
                  <td
                    class={[
                      "calendar-day",
                      cell.dues.length ? "" : " calendar-empty",
                      cell.date === v.today ? " calendar-today" : "",
                    ].join("")}
                    aria-current={cell.date === v.today ? "date" : undefined}
                  >
                    <div class="calendar-date">
                      <span class="calendar-weekday">{weekdays[i]} </span>
                      <time datetime={cell.date}>{Number(cell.date.slice(8, 10))}</time>
                      {cell.date === v.today && (
                        <span class="badge rounded-pill text-bg-info ms-1">{t("calendar.today")}</span>
                      )}
                    </div>
                    {cell.dues.length > 0 && (
                      <ul class="list-unstyled mb-0">
                        {cell.dues.map((due) => (
                          <Due t={t} due={due} />
                        ))}
                      </ul>
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="small text-body-secondary">
        {t("calendar.subscribeBefore")}
        <a href="/settings/reminders">{t("calendar.remindersCalendarSettings")}</a>
        {t("calendar.subscribeAfter")}
      </p>
    </div>
  );
}
