// What the embedded store says about itself: whether DATA_DIR can be written, and the space its database and receipt
// files take (no limit applies; the disk's free space is /readyz's concern).
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { StorageUse, StoreProblem, StoreReport } from "../../ports/store-health.ts";

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

function bytesUnder(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .reduce((sum, entry) => sum + sizeOf(join(entry.parentPath, entry.name)), 0);
  } catch {
    return 0;
  }
}

export function inspectSqlite(dataDir: string): { problems: StoreProblem[]; storage: StorageUse } {
  const problems: StoreProblem[] = [];
  // A DATA_DIR that does not exist yet is made at start-up: then the nearest folder above it must be writable.
  let dir = resolve(dataDir);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    problems.push({ code: "data-dir-unwritable", dir: resolve(dataDir), detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  const db = join(dataDir, "chitfunds.db");
  const filesBytes = bytesUnder(join(dataDir, "files"));
  const usedBytes = sizeOf(db) + sizeOf(`${db}-wal`) + filesBytes;
  return { problems, storage: { usedBytes, filesBytes, limitBytes: null } };
}

export const describeSqlite = (dataDir: string) => `SQLite at ${resolve(dataDir, "chitfunds.db")}`;

export async function probeSqlite(dataDir: string): Promise<StoreReport> {
  return { store: "sqlite", description: describeSqlite(dataDir), ...inspectSqlite(dataDir) };
}
