// POST /api/v1/cron/run: an outside scheduler (for hosts that sleep) runs the reminder job with the CRON_TOKEN.
import { Hono } from "hono";
import { AppError } from "../../app/errors.ts";
import { sendReminders } from "../../app/send-reminders.ts";
import type { WebEnv } from "../env.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { bearerOf, sameSecret } from "../same-secret.ts";

export const cronApi = new Hono<WebEnv>().post("/cron/run", rateLimit({ name: "cron", max: 10, windowMs: 60_000 }), async (c) => {
  const services = c.get("services");
  const token = services.config.cronToken;
  if (!token) {
    throw new AppError(503, "cron-not-configured", "This endpoint is off: set CRON_TOKEN on the server to let an outside scheduler run the reminder job.");
  }
  const given = bearerOf(c.req.header("authorization"));
  if (!given || !sameSecret(given, token)) {
    c.header("www-authenticate", 'Bearer realm="cron"');
    throw new AppError(401, "invalid-cron-token", "Send the server's CRON_TOKEN as: Authorization: Bearer <token>.");
  }
  const run = await sendReminders(services.reminders);
  return c.json({
    ran: run.ran,
    members: run.members,
    sent: run.sent,
    failed: run.failed,
    message: run.ran ? `Reminder job done: ${run.sent} sent, ${run.failed} to retry.` : "Another instance is running the reminder job right now.",
  });
});
