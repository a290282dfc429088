// The member's notifications: unread ones highlighted, each with its link and "Mark read", and "Mark all read".
import type { Notification } from "../../ports/ledger.ts";
import { formatInstant } from "../format.ts";
import { Form } from "./form.tsx";

const KIND_LABELS: Record<Notification["kind"], string> = {
  approval: "Account",
  overdue: "Overdue",
  "duplicate-receipt": "Duplicate receipt",
  "duplicate-reference": "Duplicate reference",
  reminder: "Reminder",
};

export function NotificationsView(p: { csrfToken: string; notifications: Notification[]; unread: number; timeZone: string }) {
  return (
    <>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 class="h3 mb-0">Notifications {p.unread > 0 && <span class="badge text-bg-primary align-middle">{p.unread} unread</span>}</h1>
        {p.unread > 0 && (
          <Form action="/notifications/read-all" csrfToken={p.csrfToken} label="Mark all notifications read">
            <button class="btn btn-outline-primary" type="submit">
              Mark all read
            </button>
          </Form>
        )}
      </div>
      {p.notifications.length === 0 ? (
        <p class="text-muted">Nothing yet. You will be told here about overdue instalments and receipts recorded twice.</p>
      ) : (
        <ul class="list-group" aria-label="Notifications">
          {p.notifications.map((n) => {
            const unread = n.readAt === null;
            return (
              <li class={`list-group-item d-flex flex-wrap justify-content-between align-items-start gap-2${unread ? " list-group-item-primary" : ""}`}>
                <div class="flex-grow-1">
                  <div class={unread ? "fw-semibold" : undefined}>
                    {unread && <span class="visually-hidden">Unread: </span>}
                    {n.message}
                  </div>
                  <div class="small text-muted">
                    {KIND_LABELS[n.kind] ?? n.kind} · {formatInstant(n.createdAt, p.timeZone)}
                    {n.link?.startsWith("/") && (
                      <>
                        {" · "}
                        <a href={n.link}>Open</a>
                      </>
                    )}
                  </div>
                </div>
                {unread && (
                  <Form action={`/notifications/${n.id}/read`} csrfToken={p.csrfToken} label="Mark read">
                    <button class="btn btn-sm btn-outline-secondary" type="submit" aria-label={`Mark read: ${n.message}`}>
                      Mark read
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
