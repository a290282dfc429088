// Account activity in SQLite: one row per event, read newest first per member.
import type { AccountActivityLog, ActivityEvent, ActivityKind } from "../../ports/account-activity.ts";
import type { SqliteDatabase } from "./database.ts";

type Row = {
  member_id: string;
  kind: string;
  at: string;
  address: string | null;
  device: string | null;
  detail: string | null;
};

export function sqliteAccountActivity(db: SqliteDatabase): AccountActivityLog {
  const insert = db.prepare(
    "INSERT INTO account_activity (member_id, kind, at, address, device, detail) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const page = db.prepare(
    "SELECT * FROM account_activity WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
  );
  const count = db.prepare("SELECT COUNT(*) AS n FROM account_activity WHERE member_id = ?");
  return {
    async record(e) {
      insert.run(e.memberId, e.kind, e.at.toISOString(), e.address, e.device, e.detail);
    },
    async list(memberId, { limit, offset }) {
      const events = (page.all(memberId, limit, offset) as Row[]).map(
        (r): ActivityEvent => ({
          memberId: r.member_id,
          kind: r.kind as ActivityKind,
          at: new Date(r.at),
          address: r.address,
          device: r.device,
          detail: r.detail,
        }),
      );
      return { events, total: (count.get(memberId) as { n: number }).n };
    },
  };
}
