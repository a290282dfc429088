// Settings > Reminders: when reminders come, on which channels, and the private calendar feed link.
import { formatReminderDays } from "../../domain/reminders.ts";
import type { Member } from "../../ports/member-repository.ts";
import type { ExtraChannel } from "../../ports/notifier.ts";
import type { Errors, Values } from "./auth-views.tsx";
import { Checkbox, Field, Form, FormError } from "./form.tsx";

const CHANNEL_LABELS: Record<ExtraChannel, { label: string; help: string }> = {
  webhook: { label: "Webhook", help: "Also send each reminder to this installation's webhook (set up by the administrator)." },
  ntfy: { label: "ntfy push", help: "Push notifications through ntfy to the topic below (subscribe to it in the ntfy app)." },
  telegram: { label: "Telegram", help: "Messages from this installation's Telegram bot to the chat id below." },
  sms: { label: "SMS", help: "A text message to the phone number on your Profile page." },
};

export function ReminderSettingsView(p: {
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
  return (
    <div class="row g-4">
      <div class="col-12 col-lg-6">
        <h1 class="h3">Reminders</h1>
        <p class="text-body-secondary">
          Reminders go by email to {p.member.email} on your days in your time zone ({p.member.timeZone}), each naming the chit, the instalment, the due date and
          what is payable after the dividend, with a link to record the payment.
        </p>
        <FormError message={p.message} />
        <Form action="/settings/reminders" csrfToken={p.csrfToken} label="Reminders">
          <Field
            name="days"
            label="Remind me this many days before each due date"
            value={v.days}
            error={e.days}
            inputmode="numeric"
            maxlength={40}
            help="Separate days with commas: 3, 0 means 3 days before and on the due date. Leave empty for no reminders before the due date."
          />
          <Checkbox name="overdue" label="Tell me the day after a due date that was not fully paid" checked={v.overdue === "true"} error={e.overdue} />
          <Checkbox
            name="digest"
            label="One daily digest instead of a mail per reminder"
            checked={v.digest === "true"}
            error={e.digest}
            help="On days with anything to remind you of, one mail lists it all."
          />
          {p.channels.length > 0 && (
            <fieldset class="mb-3">
              <legend class="form-label fs-6">Also send reminders by</legend>
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
                    {CHANNEL_LABELS[channel].label}
                  </label>
                  <div class="form-text mt-0" id={`f-channel-${channel}-help`}>
                    {CHANNEL_LABELS[channel].help}
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
            <Field name="ntfyTopic" label="ntfy topic" value={v.ntfyTopic} error={e.ntfyTopic} maxlength={64} help="Pick a long, hard-to-guess topic name." />
          )}
          {p.channels.includes("telegram") && (
            <Field
              name="telegramChatId"
              label="Telegram chat id"
              value={v.telegramChatId}
              error={e.telegramChatId}
              inputmode="numeric"
              maxlength={21}
              help="Send /start to the bot, then enter the chat id it (or @userinfobot) tells you."
            />
          )}
          <button class="btn btn-primary" type="submit">
            Save reminders
          </button>
        </Form>
      </div>
      <div class="col-12 col-lg-6">
        <h2 class="h3">Calendar feed</h2>
        <p class="text-body-secondary">
          Subscribe to your unpaid instalments from Google Calendar (Other calendars › From URL) or Apple Calendar (File › New Calendar Subscription). The link
          is private: anyone who has it can see your dues, so make a new one if it leaks.
        </p>
        {p.feedUrl ? (
          <>
            <div class="mb-3">
              <label class="form-label" for="calendar-feed-url">
                Your calendar feed link
              </label>
              <input class="form-control font-monospace" id="calendar-feed-url" type="text" value={p.feedUrl} readonly />
            </div>
            <Form
              action="/settings/calendar-feed/rotate"
              csrfToken={p.csrfToken}
              label="Make a new calendar link"
              confirm="Make a new link? Calendars subscribed with the old link stop updating."
            >
              <button class="btn btn-outline-danger" type="submit">
                Make a new link (the old one stops working)
              </button>
            </Form>
          </>
        ) : (
          <Form action="/settings/calendar-feed" csrfToken={p.csrfToken} label="Create a calendar link">
            <button class="btn btn-outline-primary" type="submit">
              Create my calendar link
            </button>
          </Form>
        )}
        <p class="mt-3">
          <a href="/calendar">See the month calendar</a>
        </p>
      </div>
    </div>
  );
}
