// Settings > Reminders: when reminders come, on which channels, and the private calendar feed link.
import { formatReminderDays } from "../../domain/reminders.ts";
import type { Member } from "../../ports/member-repository.ts";
import type { ExtraChannel } from "../../ports/notifier.ts";
import type { T } from "../i18n/index.ts";
import type { Errors, Values } from "./auth-views.tsx";
import { Checkbox, Field, Form, FormError } from "./form.tsx";

const CHANNEL_WORDS = {
  webhook: { label: "reminderSettings.webhook", help: "reminderSettings.webhookHelp" },
  ntfy: { label: "reminderSettings.ntfyPush", help: "reminderSettings.ntfyHelp" },
  telegram: { label: "reminderSettings.telegram", help: "reminderSettings.telegramHelp" },
  sms: { label: "reminderSettings.sms", help: "reminderSettings.smsHelp" },
} as const satisfies Record<ExtraChannel, { label: string; help: string }>;

export function ReminderSettingsView(p: {
  t: T;
  csrfToken: string;
  member: Member;
  channels: readonly ExtraChannel[];
  feedUrl: string | null;
  values?: Values;
  errors?: Errors;
  message?: string | null;
  chosen?: readonly string[];
}) {
  const r = p.member.reminders;
  const v = p.values ?? {
    days: formatReminderDays(r.days).replaceAll(",", ", "),
    ntfyTopic: r.ntfyTopic ?? "",
    telegramChatId: r.telegramChatId ?? "",
    overdue: String(r.overdue),
    digest: String(r.digest),
  };
  const chosen = p.chosen ?? r.channels;
  const e = p.errors ?? {};
  const { t } = p;
  return (
    <div class="row g-4">
      <div class="col-12 col-lg-6">
        <h1 class="h3">{t("reminderSettings.reminders")}</h1>
        <p class="text-body-secondary">
          {t("reminderSettings.intro", { email: p.member.email, zone: p.member.timeZone })}
        </p>
        <FormError message={p.message} />
        <Form action="/settings/reminders" csrfToken={p.csrfToken} label={t("reminderSettings.reminders")}>
          <Field
            name="days"
            label={t("reminderSettings.remindMeManyDays")}
            value={v.days}
            error={e.days}
            inputmode="numeric"
            maxlength={40}
            help={t("reminderSettings.separateDaysCommas3")}
          />
          <Checkbox
            name="overdue"
            label={t("reminderSettings.tellMeDayAfter")}
            checked={v.overdue === "true"}
            error={e.overdue}
          />
          <Checkbox
            name="digest"
            label={t("reminderSettings.oneDailyDigestInstead")}
            checked={v.digest === "true"}
            error={e.digest}
            help={t("reminderSettings.daysAnythingRemindOne")}
          />
          {p.channels.length > 0 && (
            <fieldset class="mb-3">
              <legend class="form-label fs-6">{t("reminderSettings.alsoSendReminders")}</legend>
              {p.channels.map((channel) => (
                <div class="form-check">
                  <input
                    class={`form-check-input${e.channels ? " is-invalid" : ""}`}
                    type="checkbox"
                    name="channels"
                    value={channel}
                    id={`f-channel-${channel}`}
                    checked={chosen.includes(channel)}
                    aria-describedby={`f-channel-${channel}-help`}
                  />
                  <label class="form-check-label" for={`f-channel-${channel}`}>
                    {t(CHANNEL_WORDS[channel].label)}
                  </label>
                  <div class="form-text mt-0" id={`f-channel-${channel}-help`}>
                    {t(CHANNEL_WORDS[channel].help)}
                  </div>
                </div>
              ))}
              {e.channels && (
                <div class="text-danger small" role="alert">
                  {e.channels}
                </div>
              )}
            </fieldset>
          )}
          {p.channels.includes("ntfy") && (
            <Field
              name="ntfyTopic"
              label={t("reminderSettings.ntfyTopic")}
              value={v.ntfyTopic}
              error={e.ntfyTopic}
              maxlength={64}
              help={t("reminderSettings.pickLongHardGuess")}
            />
          )}
          {p.channels.includes("telegram") && (
            <Field
              name="telegramChatId"
              label={t("reminderSettings.telegramChatId")}
              value={v.telegramChatId}
              error={e.telegramChatId}
              inputmode="numeric"
              maxlength={21}
              help={t("reminderSettings.sendStartBotThen")}
            />
          )}
          <button class="btn btn-primary" type="submit">
            {t("reminderSettings.saveReminders")}
          </button>
        </Form>
      </div>
      <div class="col-12 col-lg-6">
        <h2 class="h3">{t("reminderSettings.calendarFeed")}</h2>
        <p class="text-body-secondary">{t("reminderSettings.subscribeUnpaidInstalmentsFrom")}</p>
        {p.feedUrl ? (
          <>
            <div class="mb-3">
              <label class="form-label" for="calendar-feed-url">
                {t("reminderSettings.calendarFeedLink")}
              </label>
              <input
                class="form-control font-monospace"
                id="calendar-feed-url"
                type="text"
                value={p.feedUrl}
                readonly
              />
            </div>
            <Form
              action="/settings/calendar-feed/rotate"
              csrfToken={p.csrfToken}
              label={t("reminderSettings.makeNewCalendarLink")}
              confirm={t("reminderSettings.makeNewLinkCalendars")}
            >
              <button class="btn btn-outline-danger" type="submit">
                {t("reminderSettings.makeNewLinkOld")}
              </button>
            </Form>
          </>
        ) : (
          <Form
            action="/settings/calendar-feed"
            csrfToken={p.csrfToken}
            label={t("reminderSettings.createCalendarLink")}
          >
            <button class="btn btn-outline-primary" type="submit">
              {t("reminderSettings.createMyCalendarLink")}
            </button>
          </Form>
        )}
        <p class="mt-3">
          <a href="/calendar">{t("reminderSettings.seeMonthCalendar")}</a>
        </p>
      </div>
    </div>
  );
}
