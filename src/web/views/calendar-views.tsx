// The calendar page: a month of due dates across the member's chits, coloured by status (with the status in words too).
import type { CalendarMonthView } from "../../app/build-calendar-month.ts";
import type { InstalmentDue } from "../../app/instalments-across-chits.ts";
import { paymentPath } from "../../app/instalments-across-chits.ts";
import { assetPath } from "../assets.ts";
import { formatMoney } from "../format.ts";
import { InstalmentBadge, plural } from "./ledger-parts.tsx";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

/** "2026-03" -> "March 2026". */
export const monthTitle = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

function Due(p: { due: InstalmentDue }) {
  const d = p.due;
  const open = d.balance > 0;
  return (
    <li class={`calendar-due calendar-due-${d.status}`}>
      <a href={open ? paymentPath(d.chitId, d.number) : `/chits/${encodeURIComponent(d.chitId)}`} class="text-decoration-none">
        <InstalmentBadge status={d.status} /> <span class="calendar-due-name">{d.chitName}</span> <span class="text-body-secondary">#{d.number}</span>{" "}
        <span class="amount">{formatMoney(open ? d.balance : d.payable)}</span>
        {d.estimated && <span class="visually-hidden"> (estimate)</span>}
        {open && <span class="visually-hidden">: record a payment</span>}
      </a>
    </li>
  );
}

export function CalendarView(p: { view: CalendarMonthView }) {
  const v = p.view;
  const title = monthTitle(v.month);
  return (
    <div>
      <link rel="stylesheet" href={assetPath("calendar.css")} />
      <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <h1 class="h3 mb-0">Calendar</h1>
        <form method="get" action="/calendar" class="d-flex gap-2" aria-label="Go to a month">
          <label class="visually-hidden" for="calendar-month">
            Month
          </label>
          <input class="form-control form-control-sm" type="month" id="calendar-month" name="month" value={v.month} required />
          <button class="btn btn-sm btn-outline-primary" type="submit">
            Show
          </button>
        </form>
      </div>
      <nav class="d-flex align-items-center justify-content-between mb-2" aria-label="Months">
        <a class="btn btn-outline-secondary btn-sm" href={`/calendar?month=${v.previous}`} rel="prev" aria-label={`Previous month, ${monthTitle(v.previous)}`}>
          <span aria-hidden="true">‹ </span>
          <span class="d-sm-none">{monthTitle(v.previous).slice(0, 3)}</span>
          <span class="d-none d-sm-inline">{monthTitle(v.previous)}</span>
        </a>
        <h2 class="h5 mb-0" id="calendar-title" aria-live="polite">
          {title}
        </h2>
        <a class="btn btn-outline-secondary btn-sm" href={`/calendar?month=${v.next}`} rel="next" aria-label={`Next month, ${monthTitle(v.next)}`}>
          <span class="d-sm-none">{monthTitle(v.next).slice(0, 3)}</span>
          <span class="d-none d-sm-inline">{monthTitle(v.next)}</span>
          <span aria-hidden="true"> ›</span>
        </a>
      </nav>
      <p class="text-body-secondary small mb-2">
        {v.totals.count === 0
          ? "No instalments fall due this month."
          : `${plural(v.totals.count, "instalment")} due this month: ${formatMoney(v.totals.payable)} payable, ${formatMoney(v.totals.balance)} still to pay${
              v.totals.overdue ? `, ${formatMoney(v.totals.overdue)} overdue` : ""
            }.`}{" "}
        {v.today.startsWith(v.month) ? null : (
          <a href="/calendar" class="text-nowrap">
            Back to this month
          </a>
        )}
      </p>
      <ul class="list-inline small mb-3" aria-label="Colours">
        {(["overdue", "due", "part-paid", "upcoming", "paid"] as const).map((s) => (
          <li class="list-inline-item">
            <InstalmentBadge status={s} />
          </li>
        ))}
      </ul>
      <table class="table table-bordered calendar-month" aria-labelledby="calendar-title">
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th scope="col">
                <abbr title={long}>{short}</abbr>
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
                    class={`calendar-day${cell.dues.length ? "" : " calendar-empty"}${cell.date === v.today ? " calendar-today" : ""}`}
                    aria-current={cell.date === v.today ? "date" : undefined}
                  >
                    <div class="calendar-date">
                      <span class="calendar-weekday">{WEEKDAYS[i]?.[0]} </span>
                      <time datetime={cell.date}>{Number(cell.date.slice(8, 10))}</time>
                      {cell.date === v.today && <span class="badge rounded-pill text-bg-info ms-1">Today</span>}
                    </div>
                    {cell.dues.length > 0 && (
                      <ul class="list-unstyled mb-0">
                        {cell.dues.map((due) => (
                          <Due due={due} />
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
        Subscribe from Google or Apple Calendar with your private feed link in <a href="/settings/reminders">Reminders and calendar settings</a>.
      </p>
    </div>
  );
}
