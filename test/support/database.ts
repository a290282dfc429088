// Reads and edits a started app's store directly, as an operator would (the SQLite file, or the MongoDB database over
// the wire): the same few questions answered on either store, so the tests that ask them run on both.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { type Db, MongoClient } from "mongodb";
import type { Config } from "../../src/config.ts";

export type StoredUser = {
  id: string;
  email: string;
  name: string;
  status: string;
  banned: boolean;
  phone: string | null;
  locale: string | null;
  timeZone: string | null;
  updatedAt: string;
};

export type StoreAccess = {
  users(email?: string): Promise<StoredUser[]>;
  /** Changes a member's record the way an admin editing the database would (status, ban). */
  setUser(email: string, fields: Record<string, string | boolean | number>): Promise<number>;
  /**
   * Pretends `seconds` have passed for every stored one-time code of this address (created and expiry times move back).
   */
  ageCodes(email: string, seconds: number): Promise<number>;
  verificationCount(): Promise<number>;
  auditCount(action: string): Promise<number>;
  importPreviewCount(id: string): Promise<number>;
  chitCount(id: string): Promise<number>;
  /** Every stored API-token record, whole, to show what is (and is not) kept. */
  apiTokenRecords(): Promise<unknown[]>;
  /** Every stored file's key (receipts and thumbnails): files under DATA_DIR/files, or GridFS files. */
  storedFiles(): Promise<string[]>;
  /** The tables (collections) holding any record whose stored form contains one of `texts` (case-insensitive). */
  tablesMentioning(texts: string[]): Promise<string[]>;
};

const mentionsAny = (record: unknown, texts: string[]) => {
  const stored = JSON.stringify(record, (_k, v) =>
    typeof v === "bigint" ? String(v) : v instanceof Uint8Array ? "" : v,
  ).toLowerCase();
  return texts.some((t) => stored.includes(t.toLowerCase()));
};

export function storeAccess(config: Config): StoreAccess {
  return config.mongodbUri ? mongoAccess(config.mongodbUri, config.mongodbDb) : sqliteAccess(config.dataDir);
}

function sqliteAccess(dataDir: string): StoreAccess {
  const withDb = <T>(fn: (db: DatabaseSync) => T): T => {
    const db = new DatabaseSync(`${dataDir}/chitfunds.db`);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const rows = <T>(sql: string, ...params: SQLInputValue[]) => withDb((db) => db.prepare(sql).all(...params) as T[]);
  const count = (sql: string, ...params: SQLInputValue[]) => rows<{ n: number }>(sql, ...params)[0]!.n;
  const users = (where: string, ...params: SQLInputValue[]) =>
    rows<Omit<StoredUser, "banned"> & { banned: number | null }>(
      `SELECT id, email, name, status, banned, phone, locale, timeZone, updatedAt FROM user ${where}`,
      ...params,
    ).map((u) => ({
      ...u,
      banned: Boolean(u.banned),
    }));
  const storedFiles = () => {
    const root = join(dataDir, "files");
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  };
  return {
    users: async (email) => (email === undefined ? users("ORDER BY email") : users("WHERE email = ?", email)),
    async setUser(email, fields) {
      const entries = Object.entries(fields).map(
        ([k, v]) => [k, typeof v === "boolean" ? Number(v) : v] as [string, SQLInputValue],
      );
      const sql = `UPDATE user SET ${entries.map(([k]) => `${k} = ?`).join(", ")} WHERE email = ?`;
      return withDb((db) => Number(db.prepare(sql).run(...entries.map(([, v]) => v), email).changes));
    },
    async ageCodes(email, seconds) {
      const shift = (iso: string) => new Date(new Date(iso).getTime() - seconds * 1000).toISOString();
      return withDb((db) => {
        const codes = db
          .prepare("SELECT id, createdAt, expiresAt FROM verification WHERE identifier LIKE ?")
          .all(`%-otp-${email}`) as {
          id: string;
          createdAt: string;
          expiresAt: string;
        }[];
        for (const c of codes)
          db.prepare("UPDATE verification SET createdAt = ?, expiresAt = ? WHERE id = ?").run(
            shift(c.createdAt),
            shift(c.expiresAt),
            c.id,
          );
        return codes.length;
      });
    },
    verificationCount: async () => count("SELECT count(*) AS n FROM verification"),
    auditCount: async (action) => count("SELECT count(*) AS n FROM audit_log WHERE action = ?", action),
    importPreviewCount: async (id) => count("SELECT count(*) AS n FROM import_previews WHERE id = ?", id),
    chitCount: async (id) => count("SELECT count(*) AS n FROM chits WHERE id = ?", id),
    apiTokenRecords: async () => rows("SELECT * FROM api_tokens"),
    storedFiles: async () => storedFiles(),
    tablesMentioning: async (texts) =>
      rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .map((t) => t.name)
        .filter((name) => rows(`SELECT * FROM "${name}"`).some((row) => mentionsAny(row, texts))),
  };
}

function mongoAccess(uri: string, dbName: string | undefined): StoreAccess {
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
    try {
      return await fn(client.db(dbName));
    } finally {
      await client.close();
    }
  };
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));
  const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    users: (email) =>
      withDb(async (db) =>
        (
          await db
            .collection("user")
            .find(email === undefined ? {} : { email })
            .sort({ email: 1 })
            .toArray()
        ).map((u) => ({
          id: String(u._id),
          email: u.email,
          name: u.name,
          status: u.status,
          banned: Boolean(u.banned),
          phone: u.phone ?? null,
          locale: u.locale ?? null,
          timeZone: u.timeZone ?? null,
          updatedAt: iso(u.updatedAt),
        })),
      ),
    setUser: (email, fields) =>
      withDb(async (db) => (await db.collection("user").updateOne({ email }, { $set: fields })).modifiedCount),
    ageCodes: (email, seconds) =>
      withDb(async (db) => {
        const codes = db.collection("verification");
        const found = await codes.find({ identifier: { $regex: `-otp-${escapeRegex(email)}$` } }).toArray();
        const shift = (d: unknown) => new Date(new Date(d as Date).getTime() - seconds * 1000);
        for (const c of found)
          await codes.updateOne(
            { _id: c._id },
            { $set: { createdAt: shift(c.createdAt), expiresAt: shift(c.expiresAt) } },
          );
        return found.length;
      }),
    verificationCount: () => withDb((db) => db.collection("verification").countDocuments()),
    auditCount: (action) => withDb((db) => db.collection("audit_log").countDocuments({ action })),
    importPreviewCount: (id) => withDb((db) => db.collection("import_previews").countDocuments({ _id: id as never })),
    chitCount: (id) => withDb((db) => db.collection("chits").countDocuments({ _id: id as never })),
    apiTokenRecords: () => withDb((db) => db.collection("api_tokens").find().toArray()),
    storedFiles: () =>
      withDb(async (db) => (await db.collection("receipts.files").find().toArray()).map((f) => String(f.filename))),
    tablesMentioning: (texts) =>
      withDb(async (db) => {
        const found: string[] = [];
        for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
          if (name === "receipts.chunks") continue; // file bytes, named by receipts.files
          if ((await db.collection(name).find().toArray()).some((doc) => mentionsAny(doc, texts))) found.push(name);
        }
        return found.sort();
      }),
  };
}
