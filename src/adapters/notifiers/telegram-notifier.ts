// Reminders as Telegram messages from the configured bot to the chat id the member entered.
import type { Notifier } from "../../ports/notifier.ts";
import { postOrThrow } from "./http-post.ts";

export function telegramNotifier(settings: { botToken: string; apiUrl?: string }): Notifier {
  const api = (settings.apiUrl ?? "https://api.telegram.org").replace(/\/$/, "");
  return {
    channel: "telegram",
    reaches: (member) => member.reminders.telegramChatId !== null,
    async send(member, message) {
      const body = JSON.stringify({
        chat_id: member.reminders.telegramChatId,
        text: message.text,
        link_preview_options: { is_disabled: true },
      });
      await postOrThrow("telegram", `${api}/bot${settings.botToken}/sendMessage`, {
        headers: { "content-type": "application/json" },
        body,
      });
    },
  };
}
