// The storage contract on the embedded SQLite default (always runs).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStorage } from "../../src/adapters/sqlite/storage.ts";
import { storageContract } from "./storage-contract.ts";

const dirs = new Map<object, string>();
storageContract(
  "SQLite",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitfunds-contract-"));
    const storage = openSqliteStorage(dir);
    dirs.set(storage, dir);
    return storage;
  },
  async (storage) => {
    await storage.close();
    rmSync(dirs.get(storage)!, { recursive: true, force: true });
  },
);
