// In-app notifications in MongoDB; a unique (ownerId, dedupeKey) index keeps an event from being told twice.
import { type Db, MongoServerError } from "mongodb";
import type { Notification, NotificationRepository } from "../../ports/ledger.ts";

type Doc = Omit<Notification, "id"> & { _id: string };
const fromDoc = ({ _id, ...rest }: Doc): Notification => ({ id: _id, ...rest });

export function mongoNotificationRepository(db: Db): NotificationRepository {
  const notifications = db.collection<Doc>("notifications");
  return {
    async add({ id, ...rest }) {
      const doc: Doc = { _id: id, ...rest };
      if (doc.dedupeKey === null) delete (doc as Partial<Doc>).dedupeKey;
      if (!doc.words) delete (doc as Partial<Doc>).words;
      try {
        await notifications.insertOne(doc);
        return true;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return false;
        throw error;
      }
    },
    async list(ownerId, { limit, unreadOnly }) {
      const docs = await notifications
        .find({ ownerId, ...(unreadOnly ? { readAt: null } : {}) })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .toArray();
      return docs.map((d) =>
        fromDoc({
          ...d,
          dedupeKey: d.dedupeKey ?? null,
          link: d.link ?? null,
          readAt: d.readAt ?? null,
          words: d.words ?? null,
        }),
      );
    },
    unreadCount: (ownerId) => notifications.countDocuments({ ownerId, readAt: null }),
    exists: async (ownerId, id) => (await notifications.countDocuments({ _id: id, ownerId }, { limit: 1 })) > 0,
    async markRead(ownerId, id, at) {
      return (
        (await notifications.updateOne({ _id: id, ownerId, readAt: null }, { $set: { readAt: at } })).modifiedCount > 0
      );
    },
    async markAllRead(ownerId, at) {
      return (await notifications.updateMany({ ownerId, readAt: null }, { $set: { readAt: at } })).modifiedCount;
    },
  };
}
