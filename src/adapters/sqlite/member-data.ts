// Erases one member's records from the SQLite store in one transaction (their receipt files are removed after).
import type { MemberDataStore } from "../../ports/member-data.ts";
import { inTransaction, type SqliteDatabase } from "./database.ts";

/** Tables keyed by the member, and the column that names them. */
const OWNED: [table: string, column: string][] = [
  ["receipts", "owner_id"],
  ["payments", "owner_id"],
  ["chits", "owner_id"],
  ["notifications", "owner_id"],
  ["api_tokens", "owner_id"],
  ["import_previews", "owner_id"],
  ["idempotency_keys", "owner_id"],
  ["reminder_log", "member_id"],
  ["account_activity", "member_id"],
  ["ledger_revisions", "owner_id"],
];

export function sqliteMemberData(db: SqliteDatabase): MemberDataStore {
  return {
    async erase(memberId, email) {
      return inTransaction(db, () => {
        const files = db.prepare("SELECT key, thumbnail_key FROM receipts WHERE owner_id = ?").all(memberId) as {
          key: string;
          thumbnail_key: string;
        }[];
        const counts: Record<string, number> = {};
        for (const [table, column] of OWNED)
          counts[table] = Number(db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(memberId).changes);
        counts.audit_log = Number(
          db.prepare("DELETE FROM audit_log WHERE actor_id = ? OR target_id = ?").run(memberId, memberId).changes,
        );
        counts.outbox = Number(db.prepare("DELETE FROM outbox WHERE lower(recipient) = lower(?)").run(email).changes);
        counts.rate_counters = Number(
          db
            .prepare("DELETE FROM rate_counters WHERE key LIKE ? ESCAPE '\\'")
            .run(`%:${email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}`).changes,
        );
        return { fileKeys: files.flatMap((f) => [f.key, f.thumbnail_key]), counts };
      });
    },
  };
}
