// Opens the embedded SQLite file under DATA_DIR (WAL mode) and applies the app's own migrations.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { migrations } from "./migrations.ts";

export type SqliteDatabase = DatabaseSync;

export function openDatabase(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, "chitfunds.db"));
  // Case-insensitive search in every script (SQLite's own LIKE and NOCASE fold ASCII only), as MongoDB's does.
  db.function("casefold", { deterministic: true }, (text) => (typeof text === "string" ? text.toLowerCase() : text));
  db.exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
  return db;
}

/** Applies every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: SqliteDatabase): void {
  const row = db.prepare("PRAGMA user_version").get() as { user_version: number };
  for (const [index, sql] of migrations.entries()) {
    const version = index + 1;
    if (version <= row.user_version) continue;
    db.exec("BEGIN");
    try {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  }
}

/** Runs fn inside a transaction; node:sqlite is synchronous so nothing else interleaves. */
export function inTransaction<T>(db: SqliteDatabase, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
