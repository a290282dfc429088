// Renders a page inside the layout with the request's viewer, CSRF token and notice.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { WebEnv } from "./env.ts";
import { Layout } from "./views/layout.tsx";

/** Fixed notices chosen by a `notice` query key, so a link cannot inject text into a page. */
const NOTICES: Record<string, string> = {
  "code-sent": "We sent a 6-digit code to your email. It is valid for 10 minutes.",
  "reset-sent": "If an account exists for that email, we sent it a 6-digit code.",
  "password-reset": "Your password was changed. Log in with the new one.",
  "password-changed": "Your password was changed. Other devices were signed out.",
  "profile-saved": "Your profile was saved.",
  "logged-out": "You are logged out.",
  approved: "Member approved; they have been told by email.",
  rejected: "Member rejected; they have been told by email.",
  banned: "Member banned and signed out everywhere.",
  unbanned: "Ban lifted.",
  verified: "Your email is confirmed.",
  "chit-added": "Chit added. Record each auction's discount as the foreman's notices arrive.",
  "chit-saved": "Chit saved.",
  "chit-closed": "Chit closed: it no longer counts towards what is due.",
  "chit-reopened": "Chit reopened.",
  "chit-deleted": "Chit deleted, with its payments and receipts.",
  "instalment-saved": "Instalment saved; the schedule is updated.",
  "payment-saved": "Payment recorded.",
  "payment-updated": "Payment saved.",
  "payment-deleted": "Payment deleted, with its receipts.",
  "receipt-removed": "Receipt removed.",
  "notification-read": "Marked as read.",
  "notifications-read": "All notifications marked as read.",
};

export function noticeFrom(c: Context<WebEnv>): string | null {
  const key = c.req.query("notice");
  return key ? (NOTICES[key] ?? null) : null;
}

export function renderPage(
  c: Context<WebEnv>,
  title: string,
  body: Child,
  options: { status?: ContentfulStatusCode; active?: string; error?: string | null; notice?: string | null } = {},
) {
  return c.html(
    <Layout
      title={title}
      viewer={c.get("viewer") ?? null}
      csrfToken={c.get("csrfToken")}
      notice={options.notice === undefined ? noticeFrom(c) : options.notice}
      error={options.error ?? null}
      active={options.active}
    >
      {body}
    </Layout>,
    options.status ?? 200,
  );
}
