// POST /api/v1/cron/run: an outside scheduler (for hosts that sleep) runs the reminder job with the CRON_TOKEN.
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../../app/errors.ts";
import { sendReminders } from "../../app/send-reminders.ts";
import type { WebEnv } from "../env.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { bearerOf, sameSecret } from "../same-secret.ts";
import { count, errorSchema } from "./json/common.ts";
import { describeRoute, responseSchema } from "./openapi/describe-route.ts";

const cronRunSchema = responseSchema(
  "ReminderJobRun",
  z.object({
    ran: z.boolean(),
    members: count(),
    sent: count("Reminders sent (each instalment in a digest counts)."),
    failed: count("Reminders whose email failed; the next run tries them again."),
    message: z.string(),
  }),
);

const describeCron = describeRoute({
  operationId: "runReminderJob",
  summary: "Run the reminder job now (the same job the in-process schedule runs hourly).",
  description:
    "For free hosts that sleep: an outside scheduler calls this, e.g. hourly, with " +
    "`Authorization: Bearer <CRON_TOKEN>` (the server's setting, not a member's token). " +
    "Each reminder still goes out once: a lease in the database lets one instance run the " +
    "job, and a reminder log records each reminder before it is sent. Rate limited to 10 " +
    "calls a minute.",
  tags: ["reminders"],
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: "The job ran (or another instance was running it: ran false).", json: cronRunSchema },
    401: { description: "A missing or wrong token (code invalid-cron-token).", json: errorSchema },
    429: {
      description: "More than 10 calls a minute (code rate-limited); Retry-After says when to try again.",
      json: errorSchema,
    },
    503: { description: "CRON_TOKEN is not set on the server (code cron-not-configured).", json: errorSchema },
  },
});

export const cronApi = new Hono<WebEnv>().post(
  "/cron/run",
  describeCron,
  rateLimit({ name: "cron", max: 10, windowMs: 60_000 }),
  async (c) => {
    const services = c.get("services");
    const token = services.config.cronToken;
    if (!token) {
      throw new AppError(
        503,
        "cron-not-configured",
        "This endpoint is off: set CRON_TOKEN on the server to let an outside scheduler run the reminder job.",
      );
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
      message: run.ran
        ? `Reminder job done: ${run.sent} sent, ${run.failed} to retry.`
        : "Another instance is running the reminder job right now.",
    } satisfies z.infer<typeof cronRunSchema>);
  },
);
