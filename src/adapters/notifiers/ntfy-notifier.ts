// Reminders as ntfy push notifications, published as JSON to the server's root (so titles may hold ₹ and any script).
import type { Notifier } from "../../ports/notifier.ts";
import { postOrThrow } from "./http-post.ts";

export function ntfyNotifier(settings: { url: string; token: string | undefined }): Notifier {
  return {
    channel: "ntfy",
    reaches: (member) => member.reminders.ntfyTopic !== null,
    async send(member, message) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (settings.token) headers.authorization = `Bearer ${settings.token}`;
      const body = JSON.stringify({
        topic: member.reminders.ntfyTopic,
        title: message.title,
        message: message.text,
        click: message.link,
        tags: ["moneybag"],
      });
      await postOrThrow("ntfy", `${settings.url}/`, { headers, body });
    },
  };
}
