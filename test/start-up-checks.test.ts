// What `npm start` checks before it serves (on the embedded SQLite store, whose file lives under DATA_DIR): an empty or
// damaged database file stops it with a message naming the file and the way out; `chitfunds restore` is that way out;
// and receipt files no receipt names, older than an hour, are gone after a restart.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { exportArchive } from "../src/app/export-archive.ts";
import { signedInMember, startTestApp } from "./support/app.ts";
import { startExpectingExit, startRealServer } from "./support/real-server.ts";
import { onStore } from "./support/store.ts";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "chitfunds-start-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function chitfunds(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const { MONGODB_URI: _u, MONGODB_DB: _d, BASE_URL: _b, ...rest } = process.env;
    const child = spawn(process.execPath, ["bin/chitfunds.mjs", ...args], {
      env: { ...rest, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

describe.skipIf(!onStore("sqlite"))("start-up on the embedded database", () => {
  it("a 0-byte database file stops npm start with a non-zero exit naming the file and `npx " +
    "chitfunds restore`", async () => {
    const dir = dataDir();
    writeFileSync(join(dir, "chitfunds.db"), "");
    const { code, output } = await startExpectingExit({}, dir);
    expect(code).not.toBe(0);
    expect(output).toContain(join(dir, "chitfunds.db"));
    expect(output).toContain("is empty (0 bytes)");
    expect(output).toContain("npx chitfunds restore");
    expect(readdirSync(dir)).toEqual(["chitfunds.db"]); // nothing created beside it
  }, 120_000);

  it("a file that is not a database, or one whose pages are damaged (quick_check), stops it too", async () => {
    const garbage = dataDir();
    writeFileSync(join(garbage, "chitfunds.db"), Buffer.alloc(8192, 0x5a));
    const first = await startExpectingExit({}, garbage);
    expect(first.code).not.toBe(0);
    expect(first.output).toContain(join(garbage, "chitfunds.db"));
    expect(first.output).toMatch(/cannot be read as a database|is damaged/);

    const damaged = dataDir();
    const file = join(damaged, "chitfunds.db");
    const db = new DatabaseSync(file);
    db.exec("PRAGMA page_size = 4096; CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); CREATE INDEX t_x ON t (x);");
    const insert = db.prepare("INSERT INTO t (x) VALUES (?)");
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${"x".repeat(100)}`);
    db.close();
    const bytes = await readFile(file);
    bytes.fill(0xff, 4096 * 3, 4096 * 3 + 64); // scribble over a b-tree page's header
    await writeFile(file, bytes);
    const second = await startExpectingExit({}, damaged);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(file);
    expect(second.output).toMatch(/is damaged \(quick_check|cannot be read as a database/);
    expect(second.output).toContain("npx chitfunds restore");
  }, 120_000);

  it("`npx chitfunds restore` brings back a backup over an empty file (kept aside), and " +
    "the app starts again", async () => {
    const source = await startTestApp();
    const archive = join(dataDir(), "backup.chitfunds");
    try {
      await signedInMember(source, "asha@example.com");
      await exportArchive(source.services.archive, archive);
    } finally {
      await source.close();
    }
    const dir = dataDir();
    writeFileSync(join(dir, "chitfunds.db"), "");
    const restored = await chitfunds(["restore", archive], { DATA_DIR: dir });
    expect(restored.output).toMatch(/Restored into SQLite/);
    expect(restored.code).toBe(0);
    expect(readdirSync(dir).some((f) => /^chitfunds\.db\.damaged-/.test(f))).toBe(true);
    const users = await chitfunds(["users"], { DATA_DIR: dir });
    expect(users.output).toContain("asha@example.com");
    // A bad archive changes nothing: the damaged file stays where it is.
    const other = dataDir();
    writeFileSync(join(other, "chitfunds.db"), "");
    writeFileSync(join(other, "not-a-backup"), "hello");
    const refused = await chitfunds(["restore", join(other, "not-a-backup")], { DATA_DIR: other });
    expect(refused.code).not.toBe(0);
    expect(readdirSync(other).sort()).toEqual(["chitfunds.db", "not-a-backup"]);
  }, 120_000);

  it("an orphan receipt file older than an hour is gone after a restart; a new one and the " +
    "leftovers of a cut-off write are handled", async () => {
    const dir = dataDir();
    const first = await startRealServer({}, { dataDir: dir });
    await first.stop();
    const folder = join(dir, "files", "receipts", "someone");
    mkdirSync(folder, { recursive: true });
    const old = join(folder, "orphan.jpg");
    const partial = join(folder, "cut-off.jpg.partial-abc123");
    const fresh = join(folder, "just-written.jpg");
    for (const f of [old, partial, fresh]) writeFileSync(f, "bytes");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(partial, twoHoursAgo, twoHoursAgo);
    const second = await startRealServer({ LOG_LEVEL: "info" }, { dataDir: dir });
    try {
      const deadline = Date.now() + 20_000;
      while (!/receipt file sweep/.test(second.output()) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(second.output()).toMatch(/receipt file sweep: removed 1 orphan file\(s\) and 1 unfinished write\(s\)/);
      expect(readdirSync(folder)).toEqual(["just-written.jpg"]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
