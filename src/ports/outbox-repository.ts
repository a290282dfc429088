// Mails kept when no SMTP server is configured, listed on the admin Outbox page.
import type { Mail } from "./mailer.ts";

export type OutboxEntry = Mail & { id: string; createdAt: Date };

export interface OutboxRepository {
  add(mail: Mail, at: Date): Promise<OutboxEntry>;
  list(options: { limit: number; offset: number }): Promise<{ entries: OutboxEntry[]; total: number }>;
}
