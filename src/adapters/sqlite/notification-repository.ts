// In-app notifications in SQLite; a dedupe key keeps the same event from being told twice.
import type { Notification, NotificationRepository } from "../../ports/ledger.ts";
import type { SqliteDatabase } from "./database.ts";

type Row = {
  id: string;
  owner_id: string;
  kind: string;
  message: string;
  link: string | null;
  dedupe_key: string | null;
  read_at: string | null;
  created_at: string;
  words: string | null;
};

const fromRow = (r: Row): Notification => ({
  id: r.id,
  ownerId: r.owner_id,
  kind: r.kind as Notification["kind"],
  message: r.message,
  link: r.link,
  dedupeKey: r.dedupe_key,
  readAt: r.read_at ? new Date(r.read_at) : null,
  createdAt: new Date(r.created_at),
  words: r.words ? (JSON.parse(r.words) as Notification["words"]) : null,
});

export function sqliteNotificationRepository(db: SqliteDatabase): NotificationRepository {
  const insert = db.prepare(
    "INSERT OR IGNORE INTO notifications (id, owner_id, kind, message, link, dedupe_key, " +
      "read_at, created_at, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const recent = db.prepare("SELECT * FROM notifications WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ?");
  const recentUnread = db.prepare(
    "SELECT * FROM notifications WHERE owner_id = ? AND read_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?",
  );
  const unread = db.prepare("SELECT COUNT(*) AS n FROM notifications WHERE owner_id = ? AND read_at IS NULL");
  const one = db.prepare("SELECT 1 AS found FROM notifications WHERE owner_id = ? AND id = ?");
  const markOne = db.prepare("UPDATE notifications SET read_at = ? WHERE owner_id = ? AND id = ? AND read_at IS NULL");
  const markAll = db.prepare("UPDATE notifications SET read_at = ? WHERE owner_id = ? AND read_at IS NULL");
  return {
    async exists(ownerId, id) {
      return one.get(ownerId, id) !== undefined;
    },
    async add(n) {
      const { changes } = insert.run(
        n.id,
        n.ownerId,
        n.kind,
        n.message,
        n.link,
        n.dedupeKey,
        n.readAt?.toISOString() ?? null,
        n.createdAt.toISOString(),
        n.words ? JSON.stringify(n.words) : null,
      );
      return changes > 0;
    },
    async list(ownerId, { limit, unreadOnly }) {
      return ((unreadOnly ? recentUnread : recent).all(ownerId, limit) as Row[]).map(fromRow);
    },
    async unreadCount(ownerId) {
      return (unread.get(ownerId) as { n: number }).n;
    },
    async markRead(ownerId, id, at) {
      return markOne.run(at.toISOString(), ownerId, id).changes > 0;
    },
    async markAllRead(ownerId, at) {
      return Number(markAll.run(at.toISOString(), ownerId).changes);
    },
  };
}
