// Named leases in SQLite: one upsert takes a free or expired lease, or extends our own; anything else changes nothing.
import type { LeaseLock } from "../../ports/lease-lock.ts";
import type { SqliteDatabase } from "./database.ts";

export function sqliteLeaseLock(db: SqliteDatabase): LeaseLock {
  const take = db.prepare(
    `INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE leases.owner = excluded.owner OR leases.expires_at <= ?`,
  );
  const give = db.prepare("DELETE FROM leases WHERE name = ? AND owner = ?");
  return {
    async acquire(name, owner, now, until) {
      return take.run(name, owner, until.getTime(), now.getTime()).changes > 0;
    },
    async release(name, owner) {
      give.run(name, owner);
    },
  };
}
