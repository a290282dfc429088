// With no SMTP configured, mail is kept in the outbox (admin page) and logged, so a local user can still read codes.
import type { Clock } from "../../ports/clock.ts";
import type { Mail, Mailer } from "../../ports/mailer.ts";
import type { OutboxRepository } from "../../ports/outbox-repository.ts";

type Log = { info(obj: object, msg: string): void };

export function outboxMailer(outbox: OutboxRepository, clock: Clock, log: Log): Mailer {
  return {
    kind: "outbox",
    async send(mail: Mail) {
      await outbox.add(mail, clock.now());
      log.info({ to: mail.to, subject: mail.subject, text: mail.text }, "mail kept in the outbox (no SMTP_URL set)");
    },
  };
}
