// The member's dashboard: what is due, overdue, paid and earned across their chits.
import { Hono } from "hono";
import { buildSummary } from "../../app/build-summary.ts";
import type { WebEnv } from "../env.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";

export const dashboardRoutes = new Hono<WebEnv>().use("/dashboard", requireMember).get("/dashboard", async (c) => {
  const member = c.get("member");
  const summary = await buildSummary(c.get("services").ledger, member);
  return renderPage(
    c,
    "Dashboard",
    <>
      <h1 class="h3">Dashboard</h1>
      <p class="text-muted">
        Welcome, {member.name}. Today is {summary.today}.
      </p>
      {summary.chits.length === 0 && <p>You have not added a chit yet.</p>}
    </>,
    { active: "dashboard" },
  );
});
