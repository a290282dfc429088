// Sends mail through the SMTP server named by SMTP_URL (nodemailer, loaded with the first mail: an idle server does not
// hold it).
import type { Transporter } from "nodemailer";
import type { Mail, Mailer } from "../../ports/mailer.ts";

export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  let transport: Promise<Transporter> | undefined;
  let closed = false;
  const open = () => {
    transport ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
    return transport;
  };
  return {
    kind: "smtp",
    async send(mail: Mail) {
      await (await open()).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => {
      if (closed) return;
      closed = true;
      void transport?.then((t) => t.close());
    },
  };
}
