// The reminder log in MongoDB: a unique index on (memberId, chitId, instalment, kind) makes claiming atomic.
import { type Db, MongoServerError } from "mongodb";
import type { ReminderKey, ReminderLog } from "../../ports/reminder-log.ts";

type Doc = ReminderKey & { sentAt: Date };

export function mongoReminderLog(db: Db): ReminderLog {
  const log = db.collection<Doc>("reminder_log");
  const filter = ({ memberId, chitId, instalment, kind }: ReminderKey) => ({ memberId, chitId, instalment, kind });
  return {
    async claim(key, at) {
      try {
        await log.insertOne({ ...filter(key), sentAt: at });
        return true;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return false;
        throw error;
      }
    },
    async release(key) {
      await log.deleteOne(filter(key));
    },
    async has(key) {
      return (await log.countDocuments(filter(key), { limit: 1 })) > 0;
    },
  };
}
