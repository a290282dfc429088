// Pages for notifications: the list, mark one or all read, and the unread count for the badge beside the menu link.
import { Hono } from "hono";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../../app/notifications.ts";
import type { WebEnv } from "../env.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { NotificationsView } from "../views/notification-views.tsx";

export const notificationRoutes = new Hono<WebEnv>()
  .use("/notifications", requireMember)
  .use("/notifications/*", requireMember)
  .get("/notifications", async (c) => {
    const member = c.get("member");
    const { notifications } = c.get("services").ledger;
    const [list, unread] = await Promise.all([
      listNotifications({ notifications }, member.id),
      notifications.unreadCount(member.id),
    ]);
    const view = (
      <NotificationsView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        notifications={list}
        unread={unread}
        timeZone={member.timeZone}
      />
    );
    return renderPage(c, c.get("t")("notifications.title"), view, { active: "notifications" });
  })
  .get("/notifications/unread-count", async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ unread: await c.get("services").ledger.notifications.unreadCount(c.get("member").id) });
  })
  .post("/notifications/read-all", async (c) => {
    await markAllNotificationsRead(c.get("services").ledger, c.get("member").id);
    return c.redirect("/notifications?notice=notifications-read", 303);
  })
  .post("/notifications/:id/read", async (c) => {
    await markNotificationRead(c.get("services").ledger, c.get("member").id, c.req.param("id"));
    return c.redirect("/notifications?notice=notification-read", 303);
  });
