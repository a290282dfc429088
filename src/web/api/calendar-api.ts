// The calendar feed: GET /api/v1/calendar/{secret}.ics (public: the secret in the URL is the key), and for the signed-in
// member GET /api/v1/calendar/feed -> {url} (made on first use) and POST /api/v1/calendar/feed/rotate -> a new {url}.
import { Hono } from "hono";
import { ensureCalendarFeed, openCalendarFeed } from "../../app/calendar-feed.ts";
import { AppError } from "../../app/errors.ts";
import { paymentPath } from "../../app/instalments-across-chits.ts";
import { rotateCalendarFeed } from "../../app/rotate-calendar-feed.ts";
import { formatINR } from "../../domain/money.ts";
import { formatDay } from "../../i18n/format.ts";
import { translatorFor } from "../../i18n/index.ts";
import { supportedLocale } from "../../i18n/locales.ts";
import type { WebEnv } from "../env.ts";
import { icsCalendar } from "../ics.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { requireMember } from "../middleware/session.ts";

/**
 * Mounted before the member-only API: calendar apps fetch this without a session. Any other name under /calendar/
 * (feed) falls through to the member routes.
 */
export const calendarFeedApi = new Hono<WebEnv>().get("/calendar/:secret", rateLimit({ name: "calendar-feed", max: 60, windowMs: 60_000 }), async (c, next) => {
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
      summary: `${t(i.status === "overdue" ? "reminders.feedSummaryOverdue" : "reminders.feedSummary", words)}${partPaid}`,
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
  c.header("content-disposition", 'inline; filename="chitfunds-dues.ics"');
  c.header("cache-control", "private, max-age=900");
  c.header("x-robots-tag", "noindex");
  return c.body(icsCalendar({ name: t("reminders.feedName"), stamp: services.clock.now(), events }));
});

export const calendarApi = new Hono<WebEnv>()
  .use("/calendar/feed", requireMember)
  .use("/calendar/feed/*", requireMember)
  .get("/calendar/feed", async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ url: await ensureCalendarFeed(c.get("services").calendar, c.get("member")) });
  })
  .post("/calendar/feed/rotate", async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ url: await rotateCalendarFeed(c.get("services").calendar, c.get("member")) });
  });
