// The member's dashboard: what is due, overdue, paid and earned across their chits.
import { Hono } from "hono";
import { buildSummary } from "../../app/build-summary.ts";
import type { WebEnv } from "../env.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { DashboardView } from "../views/dashboard-views.tsx";

export const dashboardRoutes = new Hono<WebEnv>().use("/dashboard", requireMember).get("/dashboard", async (c) => {
  const member = c.get("member");
  const summary = await buildSummary(c.get("services").ledger, member);
  return renderPage(c, "Dashboard", <DashboardView name={member.name} summary={summary} timeZone={member.timeZone} />, { active: "dashboard" });
});
