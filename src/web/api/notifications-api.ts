// /api/v1/notifications: the member's in-app notifications (approval, overdue, duplicate receipt), mark read.
import { Hono } from "hono";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../../app/notifications.ts";
import type { WebEnv } from "../env.ts";
import { notificationJson } from "./json.ts";

export const notificationsApi = new Hono<WebEnv>()
  .get("/notifications", async (c) => {
    const deps = c.get("services").ledger;
    const ownerId = c.get("member").id;
    const unreadOnly = ["true", "1", "yes"].includes(c.req.query("unread") ?? "");
    const [list, unread] = await Promise.all([listNotifications(deps, ownerId, unreadOnly), deps.notifications.unreadCount(ownerId)]);
    return c.json({ notifications: list.map(notificationJson), unread });
  })
  .post("/notifications/read-all", async (c) => {
    const marked = await markAllNotificationsRead(c.get("services").ledger, c.get("member").id);
    return c.json({ marked });
  })
  .post("/notifications/:id/read", async (c) => {
    await markNotificationRead(c.get("services").ledger, c.get("member").id, c.req.param("id"));
    return c.body(null, 204);
  });
