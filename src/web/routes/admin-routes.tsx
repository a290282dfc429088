// Admin pages: approve or reject waiting members, list/search/ban members, read the outbox. Non-admins get 404.
import { type Context, Hono } from "hono";
import { adminTwoFactorRequired, setAdminTwoFactorRequired } from "../../app/admin-two-factor.ts";
import { approveMember } from "../../app/approve-member.ts";
import { checkStore } from "../../app/check-store.ts";
import { ACCOUNT_DELETED } from "../../app/erase-member.ts";
import { listMembers, memberListQuery } from "../../app/list-members.ts";
import { rejectMember } from "../../app/reject-member.ts";
import { setMemberBan } from "../../app/set-member-ban.ts";
import type { WebEnv } from "../env.ts";
import { formFields } from "../form-values.ts";
import { requireAdmin, requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { refererPath } from "../same-site-path.ts";
import { AdminSecurityView } from "../views/admin-security-view.tsx";
import { MembersView, OutboxView, PendingMembersView } from "../views/admin-views.tsx";
import { StorageUsed } from "../views/storage-view.tsx";

/** Back to the admin page the action was taken on (a same-site Referer under /admin), without its old notice. */
const back = (c: Context<WebEnv>, fallback: string) => {
  const path = refererPath(c.req.header("referer"), new URL(c.get("services").config.baseUrl).origin, fallback);
  if (!path.startsWith("/admin")) return fallback;
  return path.replace(/([?&])notice=[^&]*&?/, "$1").replace(/[?&]$/, "");
};
const withNotice = (path: string, notice: string) => `${path}${path.includes("?") ? "&" : "?"}notice=${notice}`;

export const adminRoutes = new Hono<WebEnv>()
  .use("/admin", requireMember, requireAdmin)
  .use("/admin/*", requireMember, requireAdmin)
  .get("/admin", async (c) => {
    const services = c.get("services");
    const [{ members }, storage, required, audit] = await Promise.all([
      listMembers(services, { status: "pending", page: 1 }),
      checkStore(services.storeHealth),
      adminTwoFactorRequired(services.settings),
      services.audit.list({ limit: 1000 }),
    ]);
    return renderPage(
      c,
      c.get("t")("admin.admin"),
      <>
        <PendingMembersView
          t={c.get("t")}
          csrfToken={c.get("csrfToken")}
          members={members}
          timeZone={c.get("member").timeZone}
        />
        <StorageUsed t={c.get("t")} check={storage} />
        <AdminSecurityView
          t={c.get("t")}
          locale={c.get("locale")}
          timeZone={c.get("member").timeZone}
          csrfToken={c.get("csrfToken")}
          required={required}
          deletions={audit.filter((e) => e.action === ACCOUNT_DELETED).slice(0, 20)}
        />
      </>,
      { active: "admin" },
    );
  })
  .post("/admin/security/two-factor", async (c) => {
    const { required } = await formFields(c, ["required"]);
    const on = required === "on";
    await setAdminTwoFactorRequired(c.get("services"), c.get("member").id, on);
    return c.redirect(`/admin?notice=${on ? "admin-two-factor-required" : "admin-two-factor-optional"}`, 303);
  })
  .get("/admin/members", async (c) => {
    const query = memberListQuery.parse(c.req.query());
    const result = await listMembers(c.get("services"), query);
    return renderPage(
      c,
      c.get("t")("admin.tabMembers"),
      <MembersView
        csrfToken={c.get("csrfToken")}
        {...result}
        q={query.q}
        status={query.status}
        viewerId={c.get("member").id}
        timeZone={c.get("member").timeZone}
        sessionCacheSeconds={c.get("services").config.sessionCacheSeconds}
        t={c.get("t")}
      />,
      { active: "admin" },
    );
  })
  .post("/admin/members/:id/approve", async (c) => {
    await approveMember(c.get("services").approval, c.req.param("id"), c.get("member").id);
    return c.redirect(withNotice(back(c, "/admin"), "approved"), 303);
  })
  .post("/admin/members/:id/reject", async (c) => {
    const body = await c.req.parseBody();
    await rejectMember(
      c.get("services").approval,
      c.req.param("id"),
      typeof body.reason === "string" ? body.reason : null,
      c.get("member").id,
    );
    return c.redirect(withNotice(back(c, "/admin"), "rejected"), 303);
  })
  .post("/admin/members/:id/ban", async (c) => {
    await setMemberBan(c.get("services"), c.req.param("id"), { banned: true }, c.get("member").id);
    return c.redirect(withNotice(back(c, "/admin/members"), "banned"), 303);
  })
  .post("/admin/members/:id/unban", async (c) => {
    await setMemberBan(c.get("services"), c.req.param("id"), { banned: false }, c.get("member").id);
    return c.redirect(withNotice(back(c, "/admin/members"), "unbanned"), 303);
  })
  .get("/admin/outbox", async (c) => {
    const { outbox, config } = c.get("services");
    const { entries, total } = await outbox.list({ limit: 100, offset: 0 });
    return renderPage(
      c,
      c.get("t")("admin.tabOutbox"),
      <OutboxView
        t={c.get("t")}
        entries={entries}
        total={total}
        smtpConfigured={Boolean(config.smtpUrl)}
        timeZone={c.get("member").timeZone}
      />,
      { active: "admin" },
    );
  });
