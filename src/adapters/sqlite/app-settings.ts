// Installation-wide settings in SQLite: one row per name.
import type { AppSettings } from "../../ports/app-settings.ts";
import type { SqliteDatabase } from "./database.ts";

export function sqliteAppSettings(db: SqliteDatabase): AppSettings {
  const read = db.prepare("SELECT value FROM app_settings WHERE name = ?");
  const write = db.prepare(
    "INSERT INTO app_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  );
  const remove = db.prepare("DELETE FROM app_settings WHERE name = ?");
  return {
    async get(name) {
      return (read.get(name) as { value: string } | undefined)?.value ?? null;
    },
    async set(name, value) {
      if (value === null) remove.run(name);
      else write.run(name, value);
    },
  };
}
