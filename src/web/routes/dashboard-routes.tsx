// The member's dashboard: what is due, overdue, paid and earned across their chits.
import { Hono } from "hono";
import { buildSummary } from "../../app/build-summary.ts";
import type { WebEnv } from "../env.ts";
import { ledgerCached } from "../middleware/ledger-cache.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { DashboardView } from "../views/dashboard-views.tsx";

export const dashboardRoutes = new Hono<WebEnv>().use("/dashboard", requireMember).get("/dashboard", ledgerCached, async (c) => {
  const member = c.get("member");
  const summary = await buildSummary(c.get("services").ledger, member);
  const t = c.get("t");
  return renderPage(c, t("dashboard.title"), <DashboardView t={t} name={member.name} summary={summary} timeZone={member.timeZone} />, { active: "dashboard" });
});
