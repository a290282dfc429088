// The mail outbox and the audit log in MongoDB (collections `outbox` and `audit_log`).
import { randomUUID } from "node:crypto";
import type { Db } from "mongodb";
import type { AuditEntry, AuditLog } from "../../ports/audit-log.ts";
import type { Mail } from "../../ports/mailer.ts";
import type { OutboxEntry, OutboxRepository } from "../../ports/outbox-repository.ts";

type OutboxDoc = Mail & { _id: string; createdAt: Date };

export function mongoOutboxRepository(db: Db): OutboxRepository {
  const outbox = db.collection<OutboxDoc>("outbox");
  return {
    async add(mail, at) {
      const doc: OutboxDoc = { _id: randomUUID(), ...mail, createdAt: at };
      await outbox.insertOne(doc);
      return { ...mail, id: doc._id, createdAt: at };
    },
    async list({ limit, offset }) {
      const [docs, total] = await Promise.all([
        outbox.find().sort({ createdAt: -1, _id: -1 }).skip(offset).limit(limit).toArray(),
        outbox.countDocuments(),
      ]);
      return {
        entries: docs.map(
          ({ _id, html, ...rest }): OutboxEntry => ({ id: _id, ...rest, ...(html == null ? {} : { html }) }),
        ),
        total,
      };
    },
  };
}

export function mongoAuditLog(db: Db): AuditLog {
  const log = db.collection<AuditEntry>("audit_log");
  return {
    async record(entry) {
      await log.insertOne({ ...entry });
    },
    async list({ limit }) {
      // Newest first; entries of the same moment newest first too (ObjectIds grow with each insert).
      const docs = await log
        .find({}, { projection: { _id: 0 } })
        .sort({ at: -1, _id: -1 })
        .limit(limit)
        .toArray();
      return docs.map(({ detail, ...rest }) => ({ ...rest, ...(detail == null ? {} : { detail }) }) as AuditEntry);
    },
  };
}
