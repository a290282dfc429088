// The notifiers the settings enable: email always, then each extra channel whose settings are present.
import type { Config } from "../../config.ts";
import type { Mailer } from "../../ports/mailer.ts";
import type { ExtraChannel, Notifier } from "../../ports/notifier.ts";
import { emailNotifier } from "./email-notifier.ts";
import { ntfyNotifier } from "./ntfy-notifier.ts";
import { telegramNotifier } from "./telegram-notifier.ts";
import { twilioSmsNotifier } from "./twilio-sms-notifier.ts";
import { webhookNotifier } from "./webhook-notifier.ts";

export function notifiersFrom(channels: Config["channels"], mailer: Mailer): Notifier[] {
  const notifiers = [emailNotifier(mailer)];
  if (channels.webhook) notifiers.push(webhookNotifier(channels.webhook));
  if (channels.ntfy) notifiers.push(ntfyNotifier(channels.ntfy));
  if (channels.telegram) notifiers.push(telegramNotifier(channels.telegram));
  if (channels.sms) notifiers.push(twilioSmsNotifier(channels.sms));
  return notifiers;
}

/** The extra channels members may choose, in the order the settings page lists them. */
export function configuredChannels(channels: Config["channels"]): ExtraChannel[] {
  return (["webhook", "ntfy", "telegram", "sms"] as const).filter((c) => channels[c] !== null);
}
