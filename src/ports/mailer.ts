// The mail port: one message out, by SMTP or into the outbox when no SMTP is configured.
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
};

export interface Mailer {
  /** "smtp" sends for real; "outbox" only keeps the mail for the admin to read. */
  readonly kind: "smtp" | "outbox";
  send(mail: Mail): Promise<void>;
}
