// The notifiers the settings enable: email always, then each extra channel whose settings are present.
import type { Mailer } from "../../ports/mailer.ts";
import type { ExtraChannel, Notifier } from "../../ports/notifier.ts";
import { emailNotifier } from "./email-notifier.ts";
import { ntfyNotifier } from "./ntfy-notifier.ts";
import { telegramNotifier } from "./telegram-notifier.ts";
import { twilioSmsNotifier } from "./twilio-sms-notifier.ts";
import { webhookNotifier } from "./webhook-notifier.ts";

/** Each extra channel's settings, or null when it is not configured (config.ts reads them from the environment). */
export type ChannelSettings = {
  webhook: Parameters<typeof webhookNotifier>[0] | null;
  ntfy: Parameters<typeof ntfyNotifier>[0] | null;
  telegram: Parameters<typeof telegramNotifier>[0] | null;
  sms: Parameters<typeof twilioSmsNotifier>[0] | null;
};

export function notifiersFrom(channels: ChannelSettings, mailer: Mailer): Notifier[] {
  const notifiers = [emailNotifier(mailer)];
  if (channels.webhook) notifiers.push(webhookNotifier(channels.webhook));
  if (channels.ntfy) notifiers.push(ntfyNotifier(channels.ntfy));
  if (channels.telegram) notifiers.push(telegramNotifier(channels.telegram));
  if (channels.sms) notifiers.push(twilioSmsNotifier(channels.sms));
  return notifiers;
}

/** The extra channels members may choose, in the order the settings page lists them. */
export function configuredChannels(channels: ChannelSettings): ExtraChannel[] {
  return (["webhook", "ntfy", "telegram", "sms"] as const).filter((c) => channels[c] !== null);
}
