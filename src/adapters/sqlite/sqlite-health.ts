// What the embedded store says about itself: whether DATA_DIR can be written, and the space its database and receipt
// files take (no limit applies; the disk's free space is /readyz's concern).
import { accessSync, constants, type Dirent, existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { StorageUse, StoreProblem, StoreReport } from "../../ports/store-health.ts";

const sizeOf = async (path: string) => {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
};

/**
 * Bytes of every file under `dir`, read without blocking: a store with tens of thousands of receipt files would
 * otherwise hold up every request for the length of the walk (it runs at start-up and on the Admin page).
 */
async function bytesUnder(dir: string): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  let sum = 0;
  const files = entries.filter((entry) => entry.isFile());
  for (let i = 0; i < files.length; i += 64) {
    const sizes = await Promise.all(files.slice(i, i + 64).map((entry) => sizeOf(join(entry.parentPath, entry.name))));
    sum += sizes.reduce((a, b) => a + b, 0);
  }
  return sum;
}

export async function inspectSqlite(dataDir: string): Promise<{ problems: StoreProblem[]; storage: StorageUse }> {
  const problems: StoreProblem[] = [];
  // A DATA_DIR that does not exist yet is made at start-up: then the nearest folder above it must be writable.
  let dir = resolve(dataDir);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    problems.push({
      code: "data-dir-unwritable",
      dir: resolve(dataDir),
      detail: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  const db = join(dataDir, "chitfunds.db");
  const filesBytes = await bytesUnder(join(dataDir, "files"));
  const usedBytes = (await sizeOf(db)) + (await sizeOf(`${db}-wal`)) + filesBytes;
  return { problems, storage: { usedBytes, filesBytes, limitBytes: null } };
}

/** Where the data is, without words of any language (it is shown inside translated sentences). */
export const describeSqlite = (dataDir: string) => `SQLite (${resolve(dataDir, "chitfunds.db")})`;

export async function probeSqlite(dataDir: string): Promise<StoreReport> {
  return { store: "sqlite", description: describeSqlite(dataDir), ...(await inspectSqlite(dataDir)) };
}
