// Reminders by SMS through Twilio's Messages API, to the phone number in the member's profile.
import type { Notifier } from "../../ports/notifier.ts";
import { postOrThrow } from "./http-post.ts";

/** "+91 98765 43210", "98765-43210", "09876543210" -> "+919876543210"; null when it cannot be a number. */
export function toE164(phone: string, countryCode = "91"): string | null {
  const digits = phone.replace(/[\s()-]/g, "");
  if (/^\+[1-9]\d{6,14}$/.test(digits)) return digits;
  if (/^0?[6-9]\d{9}$/.test(digits)) return `+${countryCode}${digits.slice(-10)}`;
  return null;
}

export function twilioSmsNotifier(settings: {
  accountSid: string;
  authToken: string;
  from: string;
  apiUrl?: string;
}): Notifier {
  const api = (settings.apiUrl ?? "https://api.twilio.com").replace(/\/$/, "");
  const auth = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString("base64")}`;
  return {
    channel: "sms",
    reaches: (member) => member.phone !== null && toE164(member.phone) !== null,
    async send(member, message) {
      const form = new URLSearchParams({ To: toE164(member.phone ?? "") ?? "", Body: message.short });
      form.set(settings.from.startsWith("MG") ? "MessagingServiceSid" : "From", settings.from);
      await postOrThrow("sms", `${api}/2010-04-01/Accounts/${settings.accountSid}/Messages.json`, {
        headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
    },
  };
}
