// Audit log kept in the embedded SQLite store.
import type { AuditEntry, AuditLog } from "../../ports/audit-log.ts";
import type { SqliteDatabase } from "./database.ts";

type Row = { actor_id: string | null; action: string; target_id: string | null; detail: string | null; at: string };

export function sqliteAuditLog(db: SqliteDatabase): AuditLog {
  const insert = db.prepare("INSERT INTO audit_log (actor_id, action, target_id, detail, at) VALUES (?, ?, ?, ?, ?)");
  const recent = db.prepare("SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?");
  return {
    async record(e) {
      insert.run(e.actorId, e.action, e.targetId, e.detail ?? null, e.at.toISOString());
    },
    async list({ limit }) {
      return (recent.all(limit) as Row[]).map(
        (r): AuditEntry => ({
          actorId: r.actor_id,
          action: r.action,
          targetId: r.target_id,
          ...(r.detail ? { detail: r.detail } : {}),
          at: new Date(r.at),
        }),
      );
    },
  };
}
