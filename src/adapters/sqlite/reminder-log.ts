// The reminder log in SQLite: the primary key (member, chit, instalment, kind) makes claiming a reminder atomic.
import type { ReminderKey, ReminderLog } from "../../ports/reminder-log.ts";
import type { SqliteDatabase } from "./database.ts";

export function sqliteReminderLog(db: SqliteDatabase): ReminderLog {
  const insert = db.prepare(
    "INSERT OR IGNORE INTO reminder_log (member_id, chit_id, instalment, kind, sent_at) VALUES (?, ?, ?, ?, ?)",
  );
  const remove = db.prepare(
    "DELETE FROM reminder_log WHERE member_id = ? AND chit_id = ? AND instalment = ? AND kind = ?",
  );
  const find = db.prepare(
    "SELECT 1 AS found FROM reminder_log WHERE member_id = ? AND chit_id = ? AND instalment = ? AND kind = ?",
  );
  const args = (k: ReminderKey) => [k.memberId, k.chitId, k.instalment, k.kind] as const;
  return {
    async claim(key, at) {
      return insert.run(...args(key), at.toISOString()).changes > 0;
    },
    async release(key) {
      remove.run(...args(key));
    },
    async has(key) {
      return find.get(...args(key)) !== undefined;
    },
  };
}
