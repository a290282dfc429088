// The calendar page: /calendar?month=YYYY-MM shows a month of due dates across the member's chits.
import { Hono } from "hono";
import { buildCalendarMonth } from "../../app/build-calendar-month.ts";
import type { WebEnv } from "../env.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { CalendarView, monthTitle } from "../views/calendar-views.tsx";

export const calendarRoutes = new Hono<WebEnv>().get("/calendar", requireMember, async (c) => {
  const view = await buildCalendarMonth(c.get("services").ledger, c.get("member"), c.req.query("month"));
  const t = c.get("t");
  return renderPage(
    c,
    t("calendar.pageTitle", { month: monthTitle(view.month, t) }),
    <CalendarView t={t} view={view} />,
    { active: "calendar" },
  );
});
