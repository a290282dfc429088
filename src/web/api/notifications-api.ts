// /api/v1/notifications: the member's in-app notifications (approval, overdue, duplicate receipt), mark read.
import { Hono } from "hono";
import { z } from "zod";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../../app/notifications.ts";
import type { WebEnv } from "../env.ts";
import { idParam } from "./json/common.ts";
import { markedSchema, notificationJson, notificationListSchema } from "./json/notification-json.ts";
import { describeRoute, guarded } from "./openapi/describe-route.ts";

const notificationQuery = z.object({
  unread: z
    .string()
    .optional()
    .transform((v) => ["true", "1", "yes"].includes(v ?? ""))
    .meta({ description: "true: unread only." }),
});
const tags = ["notifications"];

export const notificationsApi = new Hono<WebEnv>()
  .get(
    "/notifications",
    describeRoute({
      operationId: "listNotifications",
      summary: "The member's latest notifications and the unread count.",
      tags,
      query: notificationQuery,
      responses: { 200: { description: "Notifications.", json: notificationListSchema }, ...guarded },
    }),
    async (c) => {
      const deps = c.get("services").ledger;
      const ownerId = c.get("member").id;
      const { unread: unreadOnly } = notificationQuery.parse(c.req.query());
      const [list, unread] = await Promise.all([
        listNotifications(deps, ownerId, unreadOnly),
        deps.notifications.unreadCount(ownerId),
      ]);
      return c.json({ notifications: list.map(notificationJson), unread } satisfies z.infer<
        typeof notificationListSchema
      >);
    },
  )
  .post(
    "/notifications/read-all",
    describeRoute({
      operationId: "markAllNotificationsRead",
      summary: "Mark every notification read.",
      tags,
      responses: { 200: { description: "How many were marked.", json: markedSchema }, ...guarded },
    }),
    async (c) => {
      const marked = await markAllNotificationsRead(c.get("services").ledger, c.get("member").id);
      return c.json({ marked } satisfies z.infer<typeof markedSchema>);
    },
  )
  .post(
    "/notifications/:id/read",
    describeRoute({
      operationId: "markNotificationRead",
      summary: "Mark one notification read.",
      tags,
      params: idParam("notification"),
      responses: { 204: { description: "Done; no body." }, 404: "NotFound", ...guarded },
    }),
    async (c) => {
      await markNotificationRead(c.get("services").ledger, c.get("member").id, c.req.param("id"));
      return c.body(null, 204);
    },
  );
