// Reminders as a JSON POST to one configured URL (home automation, a team chat bridge), signed when a secret is set.
import { createHmac } from "node:crypto";
import type { Notifier } from "../../ports/notifier.ts";
import { postOrThrow } from "./http-post.ts";

export const SIGNATURE_HEADER = "x-chitfunds-signature";

export function webhookNotifier(settings: { url: string; secret: string | undefined }): Notifier {
  return {
    channel: "webhook",
    reaches: () => true,
    async send(member, message) {
      const body = JSON.stringify({
        event: "reminder",
        member: { id: member.id, name: member.name, email: member.email },
        title: message.title,
        text: message.text,
        link: message.link,
        items: message.items,
      });
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (settings.secret)
        headers[SIGNATURE_HEADER] = `sha256=${createHmac("sha256", settings.secret).update(body).digest("hex")}`;
      await postOrThrow("webhook", settings.url, { headers, body });
    },
  };
}
