// A member chooses when reminders come (days before, overdue notice, daily digest) and which extra channels carry them.
import { z } from "zod";
import { MAX_REMINDER_DAYS, MAX_REMINDERS_PER_INSTALMENT, parseReminderDays } from "../domain/reminders.ts";
import type { Member, MemberRepository, ReminderSettings } from "../ports/member-repository.ts";
import { EXTRA_CHANNELS, type ExtraChannel } from "../ports/notifier.ts";
import { badInput } from "./errors.ts";
import { parseInput } from "./parse-input.ts";

const checked = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "yes" || v === "1");

export const reminderSettingsInput = z.object({
  days: z
    .string()
    .trim()
    .transform((text, ctx) => {
      const days = parseReminderDays(text);
      if (days === null) {
        ctx.addIssue({
          code: "custom",
          message: `Enter up to ${MAX_REMINDERS_PER_INSTALMENT} whole numbers of days from 0 (the due date) to ${MAX_REMINDER_DAYS}, e.g. 3, 0.`,
        });
        return z.NEVER;
      }
      return days;
    }),
  overdue: checked,
  digest: checked,
  channels: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  ntfyTopic: z
    .string()
    .trim()
    .max(64, "Keep the topic under 64 characters.")
    .regex(/^[A-Za-z0-9_-]*$/, "A topic has only letters, digits, - and _.")
    .optional()
    .default(""),
  telegramChatId: z
    .string()
    .trim()
    .regex(/^(-?\d{1,20})?$/, "Enter the chat id the bot told you: digits, e.g. 123456789.")
    .optional()
    .default(""),
});

/** `available` lists the extra channels this installation has configured; only those can be chosen. */
export async function updateReminderSettings(
  deps: { members: MemberRepository },
  member: Member,
  available: readonly ExtraChannel[],
  raw: unknown,
): Promise<Member> {
  const input = parseInput(reminderSettingsInput, raw);
  const channels = EXTRA_CHANNELS.filter((c) => input.channels.includes(c));
  const fields: Record<string, string> = {};
  for (const channel of channels) if (!available.includes(channel)) fields.channels = `${channel} is not set up on this installation.`;
  if (channels.includes("ntfy") && !input.ntfyTopic) fields.ntfyTopic = "Enter your ntfy topic, or untick ntfy.";
  if (channels.includes("telegram") && !input.telegramChatId) fields.telegramChatId = "Enter your Telegram chat id, or untick Telegram.";
  if (channels.includes("sms") && !member.phone) fields.channels = "Add your phone number on the Profile page first, or untick SMS.";
  if (Object.keys(fields).length) throw badInput(fields);
  const reminders: ReminderSettings = {
    days: input.days,
    overdue: input.overdue,
    digest: input.digest,
    channels,
    ntfyTopic: input.ntfyTopic || null,
    telegramChatId: input.telegramChatId || null,
  };
  return deps.members.update(member.id, { reminders });
}
