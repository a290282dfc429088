// Outbox kept in the embedded SQLite store.
import { randomUUID } from "node:crypto";
import type { Mail } from "../../ports/mailer.ts";
import type { OutboxEntry, OutboxRepository } from "../../ports/outbox-repository.ts";
import type { SqliteDatabase } from "./database.ts";

type Row = { id: string; recipient: string; subject: string; text: string; html: string | null; created_at: string };

export function sqliteOutboxRepository(db: SqliteDatabase): OutboxRepository {
  const insert = db.prepare(
    "INSERT INTO outbox (id, recipient, subject, text, html, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const page = db.prepare("SELECT * FROM outbox ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM outbox");
  const toEntry = (r: Row): OutboxEntry => ({
    id: r.id,
    to: r.recipient,
    subject: r.subject,
    text: r.text,
    ...(r.html ? { html: r.html } : {}),
    createdAt: new Date(r.created_at),
  });
  return {
    async add(mail: Mail, at: Date) {
      const id = randomUUID();
      insert.run(id, mail.to, mail.subject, mail.text, mail.html ?? null, at.toISOString());
      return { ...mail, id, createdAt: at };
    },
    async list({ limit, offset }) {
      const rows = page.all(limit, offset) as Row[];
      const { n } = count.get() as { n: number };
      return { entries: rows.map(toEntry), total: n };
    },
  };
}
