// In-app notifications as the API (and the live event stream) sends them.
import { z } from "zod";
import type { Notification } from "../../../ports/ledger.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { count, instant } from "./common.ts";

const notificationSchema = responseSchema(
  "Notification",
  z.object({
    id: z.string(),
    kind: z.enum(["approval", "overdue", "duplicate-receipt", "duplicate-reference", "reminder"]),
    message: z.string(),
    link: z.string().nullable(),
    read: z.boolean(),
    readAt: instant().nullable(),
    createdAt: instant(),
  }),
);
export type NotificationJson = z.infer<typeof notificationSchema>;

export function notificationJson(n: Notification): NotificationJson {
  return {
    id: n.id,
    kind: n.kind,
    message: n.message,
    link: n.link,
    read: n.readAt !== null,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

export const notificationListSchema = responseSchema(
  "NotificationList",
  z.object({ notifications: z.array(notificationSchema), unread: count("Unread notifications in all.") }),
);
export const markedSchema = responseSchema("MarkedRead", z.object({ marked: count("How many were marked read.") }));
