// GET /events: live in-app notifications as Server-Sent Events. The database is the source of truth: each stream polls
// the member's unread notifications every EVENTS_POLL_SECONDS, so a notification made by any instance reaches every
// open page. Heartbeat comments keep proxies from closing a quiet stream; X-Accel-Buffering stops nginx buffering it.
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { streamSSE } from "hono/streaming";
import { AppError } from "../../app/errors.ts";
import type { Notification } from "../../ports/ledger.ts";
import { notificationJson } from "../api/json/notification-json.ts";
import type { WebEnv } from "../env.ts";
import { blockedReason, loadViewer, requireMember } from "../middleware/session.ts";
import { notificationText } from "../views/notification-views.tsx";

const HEARTBEAT_MS = 20_000;
const SESSION_CHECK_MS = 60_000;
const MAX_SEEN = 500;

/**
 * An EventSource cannot follow the sign-in redirect pages get, so a stream without a session answers 401 (it stops
 * retrying).
 */
const signedIn = createMiddleware<WebEnv>(async (c, next) => {
  if (!(await loadViewer(c))) throw new AppError(401, "unauthenticated", "Sign in first.");
  await next();
});

export const eventsRoutes = new Hono<WebEnv>().get("/events", signedIn, requireMember, (c) => {
  const services = c.get("services");
  const memberId = c.get("member").id;
  const { notifications } = services.ledger;
  // The toast speaks the member's language (pageLanguage chose it for this request).
  const t = c.get("t");
  const requestHeaders = new Headers(c.req.raw.headers);
  // After a reconnect the browser sends the last event's id (a notification's time): what came since is sent first.
  const lastEventAt = Number(c.req.header("last-event-id"));
  c.header("X-Accel-Buffering", "no");
  c.header("Cache-Control", "no-cache, no-transform");

  return streamSSE(c, async (stream) => {
    const stopped = new AbortController();
    const stop = () => stopped.abort();
    stream.onAbort(stop);
    services.live.signal.addEventListener("abort", stop, { once: true });
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          stopped.signal.removeEventListener("abort", done);
          resolve();
        }
        stopped.signal.addEventListener("abort", done, { once: true });
      });

    try {
      const seen = new Set<string>();
      for (const n of await notifications.list(memberId, { limit: 50, unreadOnly: true })) {
        if (!Number.isFinite(lastEventAt) || lastEventAt <= 0 || n.createdAt.getTime() <= lastEventAt) seen.add(n.id);
      }
      let unread = await notifications.unreadCount(memberId);
      await stream.writeSSE({ event: "unread", data: JSON.stringify({ unread }), retry: 5_000 });
      let lastWrite = Date.now();
      let lastPoll = Date.now();
      let lastSessionCheck = Date.now();
      const tick = Math.min(services.live.pollMs, HEARTBEAT_MS / 2);

      while (!stopped.signal.aborted) {
        await wait(tick);
        if (stopped.signal.aborted) break;
        if (Date.now() - lastPoll >= services.live.pollMs) {
          lastPoll = Date.now();
          const recent = await notifications.list(memberId, { limit: 20, unreadOnly: true });
          const fresh: Notification[] = recent.filter((n) => !seen.has(n.id)).reverse();
          for (const n of fresh) {
            seen.add(n.id);
            await stream.writeSSE({
              event: "notification",
              id: String(n.createdAt.getTime()),
              data: JSON.stringify({ ...notificationJson(n), message: notificationText(t, n) }),
            });
          }
          if (seen.size > MAX_SEEN) {
            seen.clear();
            for (const n of recent) seen.add(n.id);
          }
          const count = await notifications.unreadCount(memberId);
          if (count !== unread || fresh.length) {
            unread = count;
            await stream.writeSSE({ event: "unread", data: JSON.stringify({ unread }) });
            lastWrite = Date.now();
          }
        }
        if (Date.now() - lastWrite >= HEARTBEAT_MS) {
          await stream.write(": keep-alive\n\n");
          lastWrite = Date.now();
        }
        if (Date.now() - lastSessionCheck >= SESSION_CHECK_MS) {
          // A stream outlives its request: end it when the member signs out, is banned or is removed.
          lastSessionCheck = Date.now();
          const { member } = await services.accounts.session(requestHeaders);
          if (!member || blockedReason(member)) break;
        }
      }
    } catch (error) {
      // The page reconnects by itself (retry); only an error while the app is still up is worth a log line.
      if (!stopped.signal.aborted) c.get("log").warn({ err: error }, "live notification stream ended by an error");
    } finally {
      services.live.signal.removeEventListener("abort", stop);
    }
  });
});
