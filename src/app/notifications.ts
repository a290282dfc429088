// A member's in-app notifications: list, count unread, mark one or all read; and the sink other use cases tell.

import { randomUUID } from "node:crypto";
import { translatorFor } from "../i18n/index.ts";
import { say } from "../i18n/words.ts";
import type { Clock } from "../ports/clock.ts";
import type { NotificationRepository } from "../ports/ledger.ts";
import { notFound } from "./errors.ts";
import type { NotificationSink } from "./notify.ts";

export function listNotifications(
  deps: { notifications: NotificationRepository },
  ownerId: string,
  unreadOnly = false,
) {
  return deps.notifications.list(ownerId, { limit: 100, unreadOnly });
}

export async function markNotificationRead(
  deps: { notifications: NotificationRepository; clock: Clock },
  ownerId: string,
  id: string,
) {
  const changed = await deps.notifications.markRead(ownerId, id, deps.clock.now());
  if (!changed) {
    if (!(await deps.notifications.exists(ownerId, id))) throw notFound("notification");
  }
}

export function markAllNotificationsRead(
  deps: { notifications: NotificationRepository; clock: Clock },
  ownerId: string,
) {
  return deps.notifications.markAllRead(ownerId, deps.clock.now());
}

export function notificationSink(deps: { notifications: NotificationRepository; clock: Clock }): NotificationSink {
  return async (memberId, kind, message) => {
    await deps.notifications.add({
      id: randomUUID(),
      ownerId: memberId,
      kind,
      message: say(translatorFor("en"), message),
      words: message,
      link: null,
      dedupeKey: null,
      readAt: null,
      createdAt: deps.clock.now(),
    });
  };
}
