// The calendar feed: GET /api/v1/calendar/{secret}.ics (public: the secret in the URL is the key), and for the
// signed-in member GET /api/v1/calendar/feed -> {url} (made on first use) and POST /api/v1/calendar/feed/rotate -> a
// new {url}.
import { Hono } from "hono";
import { z } from "zod";
import { ensureCalendarFeed, openCalendarFeed } from "../../app/calendar-feed.ts";
import { AppError } from "../../app/errors.ts";
import { paymentPath } from "../../app/instalments-across-chits.ts";
import { rotateCalendarFeed } from "../../app/rotate-calendar-feed.ts";
import { formatINR } from "../../domain/money.ts";
import { formatDay } from "../../i18n/format.ts";
import { translatorFor } from "../../i18n/index.ts";
import { supportedLocale } from "../../i18n/locales.ts";
import type { WebEnv } from "../env.ts";
import { dispositionHeader } from "../file-response.ts";
import { icsCalendar } from "../ics.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { requireMember } from "../middleware/session.ts";
import { errorSchema } from "./json/common.ts";
import { describeRoute, guarded, responseSchema } from "./openapi/describe-route.ts";

const feedUrlSchema = responseSchema(
  "CalendarFeedUrl",
  z.object({ url: z.string().meta({ description: "https://.../api/v1/calendar/{secret}.ics" }) }),
);
const feedUrlAnswer = {
  description:
    "The feed's URL, to paste into Google Calendar (From URL) or Apple Calendar (New Calendar Subscription).",
  json: feedUrlSchema,
};
const tags = ["calendar"];

/**
 * Mounted before the member-only API: calendar apps fetch this without a session. Any other name under /calendar/
 * (feed) falls through to the member routes.
 */
const describeFeed = describeRoute({
  operationId: "calendarFeed",
  summary:
    "The member's open instalments as iCalendar (text/calendar): one all-day event per instalment not fully paid.",
  description:
    "`{secret}` is the last part of the URL GET /api/v1/calendar/feed returns, ending in " +
    "`.ics`; it is the only key (calendar apps send no session). Events have stable UIDs; " +
    "SUMMARY names the chit, the instalment and the payable. A rotated or unknown secret " +
    "answers 404.",
  tags,
  security: [],
  params: z.object({
    secret: z.string().meta({ description: "The feed's secret file name, e.g. `abc123.XyZ....ics`." }),
  }),
  responses: {
    200: {
      description: "The calendar.",
      content: { "text/calendar": z.string().meta({ contentMediaType: "text/calendar" }) },
    },
    404: "NotFound",
    429: { description: "More than 60 fetches a minute from one address (code rate-limited).", json: errorSchema },
  },
});

export const calendarFeedApi = new Hono<WebEnv>().get(
  "/calendar/:secret",
  describeFeed,
  rateLimit({ name: "calendar-feed", max: 60, windowMs: 60_000 }),
  async (c, next) => {
    const file = c.req.param("secret");
    if (!file.endsWith(".ics")) return next();
    const services = c.get("services");
    const feed = await openCalendarFeed(services.calendar, file.slice(0, -".ics".length));
    if (!feed) throw new AppError(404, "not-found", "This calendar feed does not exist or was replaced by a new link.");
    const base = services.config.baseUrl;
    const locale = supportedLocale(feed.member.locale);
    const t = translatorFor(locale);
    const events = feed.instalments.map((i) => {
      const words = { chit: i.chitName, number: i.number, amount: formatINR(i.payable) };
      const partPaid = i.paid > 0 ? ` ${t("reminders.feedLeft", { amount: formatINR(i.balance) })}` : "";
      return {
        uid: `${i.chitId}-${i.number}@chitfunds-ledger`,
        date: i.dueDate,
        summary: t(i.status === "overdue" ? "reminders.feedSummaryOverdue" : "reminders.feedSummary", words) + partPaid,
        description: [
          t("reminders.feedDue", { ...words, day: formatDay(i.dueDate, locale, true) }),
          t(i.estimated ? "reminders.feedPayableEstimated" : "reminders.feedPayable", words),
          ...(i.paid > 0 ? [t("reminders.feedPaid", { paid: formatINR(i.paid), balance: formatINR(i.balance) })] : []),
          t("reminders.record", { url: `${base}${paymentPath(i.chitId, i.number)}` }),
        ].join("\n"),
        url: `${base}${paymentPath(i.chitId, i.number)}`,
      };
    });
    c.header("content-type", "text/calendar; charset=utf-8");
    c.header("content-disposition", dispositionHeader("inline", "chitfunds-dues", "ics"));
    c.header("cache-control", "private, max-age=900");
    c.header("x-robots-tag", "noindex");
    return c.body(icsCalendar({ name: t("reminders.feedName"), stamp: services.clock.now(), events }));
  },
);

export const calendarApi = new Hono<WebEnv>()
  .use("/calendar/feed", requireMember)
  .use("/calendar/feed/*", requireMember)
  .get(
    "/calendar/feed",
    describeRoute({
      operationId: "getCalendarFeedUrl",
      summary: "The member's private calendar feed URL, made on first use; the same URL until rotated.",
      tags,
      responses: { 200: feedUrlAnswer, ...guarded },
    }),
    async (c) => {
      c.header("cache-control", "no-store");
      return c.json({ url: await ensureCalendarFeed(c.get("services").calendar, c.get("member")) } satisfies z.infer<
        typeof feedUrlSchema
      >);
    },
  )
  .post(
    "/calendar/feed/rotate",
    describeRoute({
      operationId: "rotateCalendarFeedUrl",
      summary: "Replace the feed URL: the old one answers 404 from now on; returns the new one.",
      tags,
      responses: { 200: feedUrlAnswer, ...guarded },
    }),
    async (c) => {
      c.header("cache-control", "no-store");
      return c.json({ url: await rotateCalendarFeed(c.get("services").calendar, c.get("member")) } satisfies z.infer<
        typeof feedUrlSchema
      >);
    },
  );
