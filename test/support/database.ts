// Opens the test app's SQLite file directly, as an operator would, to read rows or make time pass for a stored code.
import { DatabaseSync, type SQLInputValue } from "node:sqlite";

export function rows<T = Record<string, unknown>>(dataDir: string, sql: string, ...params: SQLInputValue[]): T[] {
  const db = new DatabaseSync(`${dataDir}/chitfunds.db`);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function run(dataDir: string, sql: string, ...params: SQLInputValue[]): number {
  const db = new DatabaseSync(`${dataDir}/chitfunds.db`);
  try {
    return Number(db.prepare(sql).run(...params).changes);
  } finally {
    db.close();
  }
}

/** Pretends `seconds` have passed for every stored one-time code of this address (created and expiry times move back). */
export function ageCodes(dataDir: string, email: string, seconds: number): number {
  const shift = (iso: string) => new Date(new Date(iso).getTime() - seconds * 1000).toISOString();
  const db = new DatabaseSync(`${dataDir}/chitfunds.db`);
  try {
    const codes = db.prepare("SELECT id, createdAt, expiresAt FROM verification WHERE identifier LIKE ?").all(`%-otp-${email}`) as {
      id: string;
      createdAt: string;
      expiresAt: string;
    }[];
    for (const c of codes) db.prepare("UPDATE verification SET createdAt = ?, expiresAt = ? WHERE id = ?").run(shift(c.createdAt), shift(c.expiresAt), c.id);
    return codes.length;
  } finally {
    db.close();
  }
}
