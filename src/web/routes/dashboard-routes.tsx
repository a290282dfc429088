// The member's dashboard: what is due, overdue, paid and earned across their chits.
import { Hono } from "hono";
import { raw } from "hono/html";
import { buildSummary } from "../../app/build-summary.ts";
import type { Summary } from "../../domain/summary.ts";
import type { WebEnv } from "../env.ts";
import type { T } from "../i18n/index.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { DashboardView } from "../views/dashboard-views.tsx";

/** buildSummary hands back the same object while nothing changed, so its rendered HTML can be kept with it. */
const rendered = new WeakMap<Summary, { name: string; t: T; html: string }>();

async function dashboardHtml(t: T, summary: Summary, name: string, timeZone: string): Promise<string> {
  const hit = rendered.get(summary);
  if (hit?.name === name && hit.t === t) return hit.html;
  const html = (await (<DashboardView t={t} name={name} summary={summary} timeZone={timeZone} />).toString()) as string;
  rendered.set(summary, { name, t, html });
  return html;
}

export const dashboardRoutes = new Hono<WebEnv>().use("/dashboard", requireMember).get("/dashboard", async (c) => {
  const member = c.get("member");
  const summary = await buildSummary(c.get("services").ledger, member);
  const t = c.get("t");
  return renderPage(c, t("dashboard.title"), raw(await dashboardHtml(t, summary, member.name, member.timeZone)), { active: "dashboard" });
});
