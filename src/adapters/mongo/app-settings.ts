// Installation-wide settings in MongoDB (collection `app_settings`): one document per name.
import type { Db } from "mongodb";
import type { AppSettings } from "../../ports/app-settings.ts";

export function mongoAppSettings(db: Db): AppSettings {
  const settings = db.collection<{ _id: string; value: string }>("app_settings");
  return {
    async get(name) {
      return (await settings.findOne({ _id: name }))?.value ?? null;
    },
    async set(name, value) {
      if (value === null) await settings.deleteOne({ _id: name });
      else await settings.updateOne({ _id: name }, { $set: { value } }, { upsert: true });
    },
  };
}
