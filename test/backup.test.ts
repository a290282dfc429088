// Backups: the same archive as `chitfunds export`, written into BACKUP_DIR on a schedule or by `chitfunds backup`,
// the newest BACKUP_KEEP kept; restoring one brings back everything, receipts and API tokens included.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importArchive } from "../src/app/import-archive.ts";
import { BACKUP_PATTERN, runBackup } from "../src/app/run-backup.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { startBackupJob } from "../src/jobs/backup-job.ts";
import { createChit, expectStatus, pay, recordInstalment } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { multipart } from "./support/receipt-fixtures.ts";
import { childEnv } from "./support/store.ts";

let now = new Date("2026-06-20T21:00:00Z");
const clock = { now: () => now };
let source: TestApp;
let target: TestApp;
let backupDir: string;

beforeEach(async () => {
  now = new Date("2026-06-20T21:00:00Z");
  source = await startTestApp({ clock });
  target = await startTestApp({ smtp: false });
  backupDir = mkdtempSync(join(tmpdir(), "chitfunds-backups-"));
});
afterEach(async () => {
  await source.close();
  await target.close();
  rmSync(backupDir, { recursive: true, force: true });
});

async function seed(t: TestApp): Promise<{ asha: Client; token: string }> {
  const asha = await signedInMember(t, "asha@example.com", { name: "Asha" });
  const bharat = await signedInMember(t, "bharat@example.com");
  const chit = await createChit(asha, {
    name: "Shriram A12",
    chitValue: 100000,
    members: 20,
    startDate: "2026-01-05",
    dueDay: 5,
  });
  await recordInstalment(asha, chit.id, 2, { discount: 30000 });
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#aa3300" } })
    .jpeg()
    .toBuffer();
  const res = await asha.fetch(`/api/v1/chits/${chit.id}/payments`, {
    method: "POST",
    body: multipart({ instalment: "1", amount: "5000", paidOn: "2026-01-05", reference: "UTR1" }, [
      { name: "upi.jpg", bytes: photo },
    ]),
  });
  expect(res.status).toBe(201);
  await pay(asha, chit.id, { instalment: 2, amount: 3750, paidOn: "2026-02-05", method: "cash" });
  await pay(bharat, (await createChit(bharat, { name: "Bharat's" })).id, { amount: 1000, paidOn: "2026-02-01" });
  const { token } = await expectStatus<{ token: string }>(asha.json("/api/v1/tokens", { name: "Script" }), 201);
  return { asha, token };
}

/** Everything a member would miss after a bad restore, in a form that compares across stores. */
async function fingerprint(t: TestApp) {
  const members = (await t.services.members.list({ limit: 100, offset: 0 })).members.sort((a, b) =>
    a.email.localeCompare(b.email),
  );
  const out: Record<string, unknown> = {};
  for (const m of members) {
    const chits = await t.services.ledger.chits.list(m.id);
    const payments = await t.services.ledger.payments.listForOwner(m.id);
    const files = await Promise.all(
      payments
        .flatMap((p) => p.receipts)
        .flatMap((r) => [r.key, r.thumbnailKey])
        .map(async (key) =>
          createHash("sha256")
            .update((await t.services.ledger.files.get(key)) ?? "missing")
            .digest("hex"),
        ),
    );
    out[m.email] = {
      status: m.status,
      role: m.role,
      name: m.name,
      chits: chits.map((c) => ({ name: c.name, terms: c.terms, instalments: c.instalments })),
      payments: payments.map((p) => ({
        amount: p.amount,
        paidOn: p.paidOn,
        method: p.method,
        reference: p.reference,
        receipts: p.receipts.map((r) => r.sha256),
      })),
      files: files.sort(),
      notifications: (await t.services.ledger.notifications.list(m.id, { limit: 100 })).map((n) => n.message).sort(),
      tokens: (await t.services.tokens.apiTokens.listForOwner(m.id)).map((k) => ({ name: k.name, hash: k.tokenHash })),
    };
  }
  return out;
}

describe("a backup", () => {
  it(
    "restores everything into an empty installation: members, chits, payments, receipts, " +
      "notifications, API tokens",
    async () => {
      const { token } = await seed(source);
      const { path, counts } = await runBackup(source.services.archive, { dir: backupDir, keep: 7 });
      expect(path).toBe(join(backupDir, "chitfunds-backup-20260620-210000Z.chitfunds"));
      expect(counts).toMatchObject({ users: 2, chits: 2, payments: 3, receipts: 1, files: 2, apiTokens: 1 });

      await importArchive(target.services.archive, path, { replace: true });
      const restored = await fingerprint(target);
      expect(restored).toEqual(await fingerprint(source));
      expect(Object.keys(restored)).toEqual(["asha@example.com", "bharat@example.com"]);

      // the member signs in with the same password, and the script's token still works
      const signIn = await target.client.json("/api/auth/sign-in/email", {
        email: "asha@example.com",
        password: "correct horse battery",
      });
      expect(signIn.status).toBe(200);
      const chits = await expectStatus<{ chits: { name: string }[] }>(
        target.newClient().fetch("/api/v1/chits", { headers: { authorization: `Bearer ${token}` } }),
        200,
      );
      expect(chits.chits.map((c) => c.name)).toEqual(["Shriram A12"]);
    },
  );

  it("keeps the newest BACKUP_KEEP and removes older ones", async () => {
    await seed(source);
    for (let day = 0; day < 9; day++) {
      now = new Date(Date.UTC(2026, 5, 20 + day, 21, 0, 0));
      await runBackup(source.services.archive, { dir: backupDir, keep: 7 });
    }
    const kept = readdirSync(backupDir)
      .filter((f) => BACKUP_PATTERN.test(f))
      .sort();
    expect(kept).toHaveLength(7);
    expect(kept[0]).toBe("chitfunds-backup-20260622-210000Z.chitfunds");
    expect(kept[6]).toBe("chitfunds-backup-20260628-210000Z.chitfunds");
    expect(readdirSync(backupDir).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });

  it("runs on its schedule when BACKUP_DIR is set, and not at all when it is not", async () => {
    await seed(source);
    const log = pino({ level: "silent" });
    expect(
      startBackupJob(source.services.archive, { ...source.services.config.backup, dir: undefined }, log),
    ).toBeNull();
    // every second (croner takes a seconds field), so the test need not wait for 02:30
    const job = startBackupJob(
      source.services.archive,
      { dir: backupDir, keep: 2, cron: "* * * * * *", timeZone: "Asia/Kolkata" },
      log,
    )!;
    try {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && readdirSync(backupDir).filter((f) => BACKUP_PATTERN.test(f)).length === 0)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      await job.stop();
    }
    expect(readdirSync(backupDir).filter((f) => BACKUP_PATTERN.test(f)).length).toBeGreaterThanOrEqual(1);
  });
});

describe("settings", () => {
  it("default to 02:30 every day in Asia/Kolkata, keeping 7, and refuse a bad schedule by name", () => {
    expect(loadConfig({ BACKUP_DIR: "/backups" }).backup).toEqual({
      dir: "/backups",
      keep: 7,
      cron: "30 2 * * *",
      timeZone: "Asia/Kolkata",
    });
    expect(loadConfig({}).backup.dir).toBeUndefined();
    expect(() => loadConfig({ BACKUP_CRON: "every night" })).toThrow(ConfigError);
    expect(() => loadConfig({ BACKUP_CRON: "every night" })).toThrow(/BACKUP_CRON/);
    expect(() => loadConfig({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
    expect(() => loadConfig({ BACKUP_TIME_ZONE: "Mars/Olympus" })).toThrow(/BACKUP_TIME_ZONE/);
  });
});

describe("npx chitfunds backup", () => {
  it("writes a backup now that `chitfunds restore` brings back", async () => {
    await seed(source);
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ["bin/chitfunds.mjs", ...args], {
          env: childEnv(source.storeEnv, { BASE_URL: "http://localhost:3000", BACKUP_DIR: backupDir }),
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
        });
        child.stderr.on("data", (d) => {
          out += d;
        });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, out }));
      });
    const made = await run("backup");
    expect(made.code, made.out).toBe(0);
    expect(made.out).toMatch(/^Wrote .*chitfunds-backup-\d{8}-\d{6}Z\.chitfunds: 2 users/);
    const file = /^Wrote (.*?): /.exec(made.out)![1]!;
    expect(existsSync(file)).toBe(true);
    await importArchive(target.services.archive, file, { replace: true });
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  }, 60_000);
});
