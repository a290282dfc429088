// Opens the embedded SQLite file under DATA_DIR (WAL mode), checks it (quick_check), and applies the app's migrations.
// A file that exists but is empty or damaged stops start-up: a new empty database in its place would hide everyone's
// data behind "invalid email or password".
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { migrations } from "./migrations.ts";

export type SqliteDatabase = DatabaseSync;

export const DATABASE_FILE = "chitfunds.db";

/** The database file cannot be used as it is; the message names it and the way out. */
export class DamagedDatabaseError extends Error {}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : null);

function refuse(file: string, what: string): never {
  throw new DamagedDatabaseError(
    `The database file ${file} ${what}. ChitFunds Ledger will not start on it, so that ` +
      "nobody's data is hidden behind a new, empty database.\n" +
      "Restore your latest backup with:  npx chitfunds restore <backup file>  (the damaged " +
      "file is kept beside it as chitfunds.db.damaged-<time>),\n" +
      `or, to start a new empty ledger, move ${file} (and any -wal and -shm files beside it) somewhere else.`,
  );
}

/**
 * What is wrong with the file, or null: empty (0 bytes with no write-ahead log to replay), unreadable, or failing
 * quick_check.
 */
function check(db: DatabaseSync | null, openError: unknown): string | null {
  if (openError)
    return `cannot be read as a database (${openError instanceof Error ? openError.message : String(openError)})`;
  const problems = (db!.prepare("PRAGMA quick_check").all() as { quick_check: string }[])
    .map((r) => r.quick_check)
    .filter((r) => r !== "ok");
  return problems.length ? `is damaged (quick_check: ${problems.slice(0, 3).join("; ")})` : null;
}

/**
 * Opens DATA_DIR/chitfunds.db. `setAsideDamaged` (only `chitfunds restore`) renames an empty or damaged file to
 * chitfunds.db.damaged-<time> and starts a fresh one, for the backup to be restored into.
 */
export function openDatabase(dataDir: string, options: { setAsideDamaged?: boolean } = {}): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(join(dataDir, DATABASE_FILE));
  const walSize = sizeOf(`${file}-wal`);
  let problem = sizeOf(file) === 0 && !walSize ? "is empty (0 bytes)" : null;
  let db: DatabaseSync | null = null;
  if (!problem) {
    let openError: unknown = null;
    try {
      db = new DatabaseSync(file);
      // Case-insensitive search in every script (SQLite's own LIKE and NOCASE fold ASCII only), as MongoDB's does.
      db.function("casefold", { deterministic: true }, (text) =>
        typeof text === "string" ? text.toLowerCase() : text,
      );
      db.exec(
        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
      );
    } catch (error) {
      openError = error;
    }
    try {
      problem = check(db, openError);
    } catch (error) {
      problem = check(null, error);
    }
  }
  if (!problem) return db!;
  if (db?.isOpen) db.close();
  if (/readonly|read-only/i.test(problem)) {
    throw new DamagedDatabaseError(
      `The database file ${file} is on storage that cannot be written (${problem}). ` +
        `ChitFunds Ledger needs to write to DATA_DIR: make ${resolve(dataDir)} writable (or ` +
        "point DATA_DIR elsewhere) and start again.",
    );
  }
  if (!options.setAsideDamaged) refuse(file, problem);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  for (const suffix of ["", "-wal", "-shm"])
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${file}.damaged-${stamp}${suffix}`);
  return openDatabase(dataDir);
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
      rollback(db);
      throw error;
    }
  }
}

/**
 * Undoes an open transaction. SQLite has already rolled back after some errors (a full disk, an I/O error): a second
 * ROLLBACK would then fail with "no transaction is active" and hide the real cause, so it is only sent when needed.
 */
function rollback(db: SqliteDatabase): void {
  if (db.isTransaction) db.exec("ROLLBACK");
}

/** Runs fn inside a transaction; node:sqlite is synchronous so nothing else interleaves. */
export function inTransaction<T>(db: SqliteDatabase, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    rollback(db);
    throw error;
  }
}
