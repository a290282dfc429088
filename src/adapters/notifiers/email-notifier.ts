// Reminders by email, through the app's Mailer (SMTP, or the outbox when no SMTP is configured).
import type { Mailer } from "../../ports/mailer.ts";
import type { Notifier } from "../../ports/notifier.ts";

export function emailNotifier(mailer: Mailer): Notifier {
  return {
    channel: "email",
    reaches: (member) => member.email !== "",
    send: (member, message) => mailer.send({ to: member.email, subject: message.title, text: message.text }),
  };
}
