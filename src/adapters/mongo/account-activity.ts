// Account activity in MongoDB (collection `account_activity`), read newest first per member.
import type { Db, ObjectId } from "mongodb";
import type { AccountActivityLog, ActivityEvent } from "../../ports/account-activity.ts";

type Doc = ActivityEvent & { _id?: ObjectId };

export function mongoAccountActivity(db: Db): AccountActivityLog {
  const events = db.collection<Doc>("account_activity");
  return {
    async record(e) {
      await events.insertOne({ ...e });
    },
    async list(memberId, { limit, offset }) {
      const [found, total] = await Promise.all([
        events.find({ memberId }).sort({ at: -1, _id: -1 }).skip(offset).limit(limit).toArray(),
        events.countDocuments({ memberId }),
      ]);
      return { events: found.map(({ _id, ...e }) => e), total };
    },
  };
}
