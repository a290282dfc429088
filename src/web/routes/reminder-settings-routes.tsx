// Settings > Reminders: reminder days, digest, channels; and the calendar feed link (create, rotate).
import { type Context, Hono } from "hono";
import { calendarFeedUrl, ensureCalendarFeed } from "../../app/calendar-feed.ts";
import { AppError } from "../../app/errors.ts";
import { rotateCalendarFeed } from "../../app/rotate-calendar-feed.ts";
import { updateReminderSettings } from "../../app/update-reminder-settings.ts";
import type { WebEnv } from "../env.ts";
import { errorIn } from "../error-words.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { ReminderSettingsView } from "../views/reminder-settings-views.tsx";

const NOTICES = {
  "reminders-saved": "reminderSettings.saved",
  "feed-created": "reminderSettings.feedCreated",
  "feed-rotated": "reminderSettings.feedRotated",
} as const;

/** A fixed notice chosen by the query's key (a link cannot inject text), in the page's language. */
const noticeOf = (c: Context<WebEnv>) => {
  const key = c.req.query("notice") ?? "";
  return Object.hasOwn(NOTICES, key) ? c.get("t")(NOTICES[key as keyof typeof NOTICES]) : null;
};

export const reminderSettingsRoutes = new Hono<WebEnv>()
  .use("/settings/reminders", requireMember)
  .use("/settings/calendar-feed", requireMember)
  .use("/settings/calendar-feed/*", requireMember)
  .get("/settings/reminders", (c) => {
    const services = c.get("services");
    const member = c.get("member");
    const view = (
      <ReminderSettingsView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        member={member}
        channels={services.reminderChannels}
        feedUrl={calendarFeedUrl(services.calendar, member)}
      />
    );
    return renderPage(c, c.get("t")("reminderSettings.reminders"), view, { active: "reminders", notice: noticeOf(c) });
  })
  .post("/settings/reminders", async (c) => {
    const services = c.get("services");
    const member = c.get("member");
    const body = await c.req.parseBody({ all: true });
    // A ticked checkbox follows its hidden "false", so the last value counts; channels may repeat.
    const last = (key: string) => {
      const value = body[key];
      const one = Array.isArray(value) ? value[value.length - 1] : value;
      return typeof one === "string" ? one : "";
    };
    const channels = ([] as unknown[]).concat(body.channels ?? []).filter((x): x is string => typeof x === "string");
    const values = {
      days: last("days"),
      overdue: last("overdue"),
      digest: last("digest"),
      ntfyTopic: last("ntfyTopic"),
      telegramChatId: last("telegramChatId"),
    };
    try {
      await updateReminderSettings(services, member, services.reminderChannels, { ...values, channels });
      return c.redirect("/settings/reminders?notice=reminders-saved", 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const view = (
        <ReminderSettingsView
          t={c.get("t")}
          csrfToken={c.get("csrfToken")}
          member={member}
          channels={services.reminderChannels}
          feedUrl={calendarFeedUrl(services.calendar, member)}
          values={values}
          chosen={channels}
          errors={errorIn(c.get("t"), error).fields}
          message={errorIn(c.get("t"), error).message}
        />
      );
      return renderPage(c, c.get("t")("reminderSettings.reminders"), view, {
        status: 400,
        active: "reminders",
        notice: null,
      });
    }
  })
  .post("/settings/calendar-feed", async (c) => {
    await ensureCalendarFeed(c.get("services").calendar, c.get("member"));
    return c.redirect("/settings/reminders?notice=feed-created", 303);
  })
  .post("/settings/calendar-feed/rotate", async (c) => {
    await rotateCalendarFeed(c.get("services").calendar, c.get("member"));
    return c.redirect("/settings/reminders?notice=feed-rotated", 303);
  });
