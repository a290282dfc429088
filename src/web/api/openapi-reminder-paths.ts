// The OpenAPI paths for reminders and the calendar feed: the outside scheduler's cron endpoint, the private ICS feed and
// the member's feed URL (merged into the document by openapi.ts).
import { json, type Method, type Operation, type Response, str } from "./openapi-types.ts";

const err = (code: string) => ({ $ref: `#/components/responses/${code}` });
const guarded = { "401": err("Unauthenticated"), "403": err("Forbidden") };
const errorWith = (description: string): Response => ({ description, content: json({ $ref: "#/components/schemas/Error" }) });
const feedUrl: Response = {
  description: "The feed's URL, to paste into Google Calendar (From URL) or Apple Calendar (New Calendar Subscription).",
  content: json({ type: "object", properties: { url: str("https://.../api/v1/calendar/{secret}.ics") }, required: ["url"] }),
};

export const reminderTags = [
  { name: "reminders", description: "The reminder job, for an outside scheduler when the host sleeps." },
  { name: "calendar", description: "A private ICS feed of the member's open instalments." },
];

export const reminderPaths: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/v1/cron/run": {
    post: {
      operationId: "runReminderJob",
      summary: "Run the reminder job now (the same job the in-process schedule runs hourly).",
      description:
        "For free hosts that sleep: an outside scheduler calls this, e.g. hourly, with `Authorization: Bearer <CRON_TOKEN>` (the server's setting, not a member's token). Each reminder still goes out once: a lease in the database lets one instance run the job, and a reminder log records each reminder before it is sent. Rate limited to 10 calls a minute.",
      tags: ["reminders"],
      security: [{ bearerAuth: [] }],
      responses: {
        "200": {
          description: "The job ran (or another instance was running it: ran false).",
          content: json({
            type: "object",
            properties: {
              ran: { type: "boolean" },
              members: { type: "integer" },
              sent: { type: "integer", description: "Reminders sent (each instalment in a digest counts)." },
              failed: { type: "integer", description: "Reminders whose email failed; the next run tries them again." },
              message: str(),
            },
            required: ["ran", "members", "sent", "failed", "message"],
          }),
        },
        "401": errorWith("A missing or wrong token (code invalid-cron-token)."),
        "429": errorWith("More than 10 calls a minute (code rate-limited); Retry-After says when to try again."),
        "503": errorWith("CRON_TOKEN is not set on the server (code cron-not-configured)."),
      },
    },
  },
  "/api/v1/calendar/{secret}": {
    get: {
      operationId: "calendarFeed",
      summary: "The member's open instalments as iCalendar (text/calendar): one all-day event per instalment not fully paid.",
      description:
        "`{secret}` is the last part of the URL GET /api/v1/calendar/feed returns, ending in `.ics`; it is the only key (calendar apps send no session). Events have stable UIDs; SUMMARY names the chit, the instalment and the payable. A rotated or unknown secret answers 404.",
      tags: ["calendar"],
      security: [],
      parameters: [
        { name: "secret", in: "path", required: true, description: "The feed's secret file name, e.g. `abc123.XyZ....ics`.", schema: { type: "string" } },
      ],
      responses: {
        "200": { description: "The calendar.", content: { "text/calendar": { schema: { type: "string", contentMediaType: "text/calendar" } } } },
        "404": err("NotFound"),
        "429": errorWith("More than 60 fetches a minute from one address (code rate-limited)."),
      },
    },
  },
  "/api/v1/calendar/feed": {
    get: {
      operationId: "getCalendarFeedUrl",
      summary: "The member's private calendar feed URL, made on first use; the same URL until rotated.",
      tags: ["calendar"],
      responses: { "200": feedUrl, ...guarded },
    },
  },
  "/api/v1/calendar/feed/rotate": {
    post: {
      operationId: "rotateCalendarFeedUrl",
      summary: "Replace the feed URL: the old one answers 404 from now on; returns the new one.",
      tags: ["calendar"],
      responses: { "200": feedUrl, ...guarded },
    },
  },
};
