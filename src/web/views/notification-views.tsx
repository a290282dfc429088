// The member's notifications: unread ones highlighted, each with its link and "Mark read", and "Mark all read".
import { say } from "../../i18n/words.ts";
import type { Notification } from "../../ports/ledger.ts";
import { formatInstant } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { Form } from "./form.tsx";

const KIND_LABELS = {
  approval: "notifications.kind.approval",
  overdue: "notifications.kind.overdue",
  "duplicate-receipt": "notifications.kind.duplicateReceipt",
  "duplicate-reference": "notifications.kind.duplicateReference",
  reminder: "notifications.kind.reminder",
} as const satisfies Record<Notification["kind"], string>;

/** A notification in the reader's language when it carries its words; older ones keep their English text. */
export function notificationText(t: T, n: Notification): string {
  return n.words ? say(t, n.words) : n.message;
}

export function NotificationsView(p: {
  t: T;
  csrfToken: string;
  notifications: Notification[];
  unread: number;
  timeZone: string;
}) {
  const { t } = p;
  return (
    <>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 class="h3 mb-0">
          {t("notifications.title")}{" "}
          {p.unread > 0 && (
            <span class="badge text-bg-primary align-middle">
              {t("notifications.unreadCount", { count: p.unread })}
            </span>
          )}
        </h1>
        {p.unread > 0 && (
          <Form
            action="/notifications/read-all"
            csrfToken={p.csrfToken}
            label={t("notifications.markAllNotificationsRead")}
          >
            <button class="btn btn-outline-primary" type="submit">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        )}
      </div>
      {p.notifications.length === 0 ? (
        <p class="text-muted">{t("notifications.nothingYetWillTold")}</p>
      ) : (
        <ul class="list-group" aria-label={t("notifications.title")}>
          {p.notifications.map((n) => {
            const unread = n.readAt === null;
            return (
              <li
                class={
                  "list-group-item d-flex flex-wrap justify-content-between align-items-start " +
                  `gap-2${unread ? " list-group-item-primary" : ""}`
                }
              >
                <div class="flex-grow-1">
                  <div class={unread ? "fw-semibold" : undefined}>
                    {unread && <span class="visually-hidden">{t("notifications.unread")} </span>}
                    {notificationText(t, n)}
                  </div>
                  <div class="small text-muted">
                    {Object.hasOwn(KIND_LABELS, n.kind) ? t(KIND_LABELS[n.kind]) : n.kind} ·{" "}
                    {formatInstant(n.createdAt, p.timeZone, localeOf(t))}
                    {n.link?.startsWith("/") && (
                      <>
                        {" · "}
                        <a href={n.link}>{t("notifications.open")}</a>
                      </>
                    )}
                  </div>
                </div>
                {unread && (
                  <Form
                    action={`/notifications/${n.id}/read`}
                    csrfToken={p.csrfToken}
                    label={t("notifications.markRead")}
                  >
                    <button
                      class="btn btn-sm btn-outline-secondary"
                      type="submit"
                      aria-label={t("notifications.markReadLabel", { text: notificationText(t, n) })}
                    >
                      {t("notifications.markRead")}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
