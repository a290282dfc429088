// The member's dashboard (what is due, overdue, paid and earned across their chits) and the dues pages behind its
// lists.
import { Hono } from "hono";
import { buildSummary } from "../../app/build-summary.ts";
import { listDues } from "../../app/list-dues.ts";
import type { WebEnv } from "../env.ts";
import { ledgerCached } from "../middleware/ledger-cache.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { DashboardView } from "../views/dashboard-views.tsx";
import { DuesView } from "../views/dues-view.tsx";

export const dashboardRoutes = new Hono<WebEnv>()
  .use("/dashboard", requireMember)
  .use("/dues", requireMember)
  .get("/dashboard", ledgerCached, async (c) => {
    const member = c.get("member");
    const summary = await buildSummary(c.get("services").ledger, member);
    const t = c.get("t");
    return renderPage(
      c,
      t("dashboard.title"),
      <DashboardView t={t} name={member.name} summary={summary} timeZone={member.timeZone} />,
      {
        active: "dashboard",
      },
    );
  })
  .get("/dues", ledgerCached, async (c) => {
    const t = c.get("t");
    const dues = await listDues(c.get("services").ledger, c.get("member"), c.req.query());
    const title = t(dues.status === "overdue" ? "dashboard.duesOverdueTitle" : "dashboard.duesUpcomingTitle");
    return renderPage(c, title, <DuesView t={t} dues={dues} />, { active: "dashboard" });
  });
