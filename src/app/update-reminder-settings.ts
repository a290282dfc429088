// A member chooses when reminders come (days before, overdue notice, daily digest) and which extra channels carry them.

import { z } from "zod";
import { MAX_REMINDER_DAYS, MAX_REMINDERS_PER_INSTALMENT, parseReminderDays } from "../domain/reminders.ts";
import { type Words, words, wordsMessage } from "../i18n/words.ts";
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
          message: wordsMessage("reminderSettings.errors.days", {
            count: MAX_REMINDERS_PER_INSTALMENT,
            max: MAX_REMINDER_DAYS,
          }),
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
    .max(64, wordsMessage("reminderSettings.errors.topicLong"))
    .regex(/^[A-Za-z0-9_-]*$/, wordsMessage("reminderSettings.errors.topicChars"))
    .optional()
    .default(""),
  telegramChatId: z
    .string()
    .trim()
    .regex(/^(-?\d{1,20})?$/, wordsMessage("reminderSettings.errors.chatId"))
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
  const fields: Record<string, Words> = {};
  for (const channel of channels)
    if (!available.includes(channel)) fields.channels = words("reminderSettings.errors.notSetUp", { channel });
  if (channels.includes("ntfy") && !input.ntfyTopic) fields.ntfyTopic = words("reminderSettings.errors.ntfyTopic");
  if (channels.includes("telegram") && !input.telegramChatId)
    fields.telegramChatId = words("reminderSettings.errors.telegram");
  if (channels.includes("sms") && !member.phone) fields.channels = words("reminderSettings.errors.sms");
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
