// Sends mail through the SMTP server named by SMTP_URL (nodemailer).
import nodemailer from "nodemailer";
import type { Mail, Mailer } from "../../ports/mailer.ts";

export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(mail: Mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport.close(),
  };
}
