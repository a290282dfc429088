// Receipt files through a crash and a full disk, on the embedded store with its files under DATA_DIR: a `kill -9` while
// receipts are being written leaves no half-written file under a receipt's name, and the restart (files an hour old)
// keeps exactly the files a payment names; a disk that fills up during uploads answers 503 and leaves nothing behind.
import { execFileSync, spawn } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { statfs } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { createChit, expectError } from "./support/api.ts";
import { BASE, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { startRealServer } from "./support/real-server.ts";
import { multipart, noisyPhoto, pngScreenshot } from "./support/receipt-fixtures.ts";
import { onStore } from "./support/store.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** True when the bytes are a whole stored receipt: a JPEG from its start to its end marker, or a PDF to its %%EOF. */
function whole(bytes: Buffer): boolean {
  if (bytes.length < 4) return false;
  if (bytes[0] === 0xff && bytes[1] === 0xd8)
    return bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-")
    return bytes.subarray(-8).toString("latin1").includes("%%EOF");
  return false;
}

function chitfunds(args: string[], dataDir: string): Promise<number> {
  return new Promise((resolve) => {
    const { MONGODB_URI: _u, MONGODB_DB: _d, BASE_URL: _b, ...rest } = process.env;
    const child = spawn(process.execPath, ["bin/chitfunds.mjs", ...args], {
      env: { ...rest, DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

describe.skipIf(!onStore("sqlite"))("receipts through a kill -9", () => {
  it("leave no half-written file under a receipt's name, and the restart keeps exactly the " +
    "files payments name", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "chitfunds-crash-"));
    dirs.push(dataDir);
    expect(
      await chitfunds(["create-admin", "--email", "kavya@example.com", "--password", "monsoon ledger river"], dataDir),
    ).toBe(0);
    const server = await startRealServer({}, { dataDir });
    let killed = false;
    try {
      const signIn = await fetch(`${server.base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.base },
        body: JSON.stringify({ email: "kavya@example.com", password: "monsoon ledger river" }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const headers = { cookie, origin: server.base };
      const chitRes = await fetch(`${server.base}/api/v1/chits`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({
          name: "Crash chit",
          organizer: "",
          chitValue: 100000,
          members: 20,
          startDate: "2025-01-05",
          dueDay: 5,
        }),
      });
      expect(chitRes.status).toBe(201);
      const chit = (await chitRes.json()) as { id: string };
      // Many uploads at once, each with two large photos (a few MB to re-encode and write); kill -9 once the first is
      // in.
      const photo = await noisyPhoto(2400, 1800);
      const uploads = Array.from({ length: 24 }, (_, i) =>
        fetch(`${server.base}/api/v1/chits/${chit.id}/payments`, {
          method: "POST",
          headers,
          body: multipart({ amount: "5000", reference: `UTR-${i}` }, [
            { name: `a${i}.jpg`, bytes: photo, type: "image/jpeg" },
            { name: `b${i}.jpg`, bytes: photo, type: "image/jpeg" },
          ]),
        }).then(
          (r) => r.status,
          () => 0,
        ),
      );
      await Promise.race(uploads.map((u) => u.then((status) => (status === 201 ? undefined : new Promise(() => {})))));
      process.kill(-server.child.pid!, "SIGKILL");
      killed = true;
      const statuses = await Promise.all(uploads);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
      expect(
        statuses.filter((s) => s === 0).length,
        "some uploads were still in flight when the server was killed",
      ).toBeGreaterThan(0);
    } finally {
      if (!killed) await server.stop();
    }
    await new Promise((r) => setTimeout(r, 500));

    // Right after the crash: every file under a receipt's name is whole; unfinished writes are only under .partial-
    // names.
    const filesDir = join(dataDir, "files");
    const afterCrash = filesUnder(filesDir);
    const finals = afterCrash.filter((f) => !f.includes(".partial-"));
    expect(finals.length).toBeGreaterThan(0);
    for (const f of finals) expect(whole(readFileSync(join(filesDir, f))), `${f} is whole`).toBe(true);
    for (const f of afterCrash)
      expect(statSync(join(filesDir, f)).size > 0 || f.includes(".partial-"), `${f} is not empty`).toBe(true);

    // An hour later, a restart sweeps: what stays is exactly what the receipts name.
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
    for (const f of afterCrash) utimesSync(join(filesDir, f), hourAgo, hourAgo);
    const again = await startRealServer({ LOG_LEVEL: "info" }, { dataDir });
    try {
      const deadline = Date.now() + 30_000;
      while (!/receipt file sweep/.test(again.output()) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(again.output()).toMatch(/receipt file sweep: removed \d+ orphan file\(s\) and \d+ unfinished write\(s\)/);
    } finally {
      await again.stop();
    }
    // the stopped server may still be closing it
    const db = new DatabaseSync(join(dataDir, "chitfunds.db"), { readOnly: true, timeout: 20_000 });
    const named = (
      db.prepare("SELECT key, thumbnail_key AS thumb FROM receipts").all() as { key: string; thumb: string }[]
    ).flatMap((r) => [r.key, r.thumb]);
    db.close();
    expect(named.length).toBeGreaterThan(0);
    expect(filesUnder(filesDir)).toEqual(named.sort());
  }, 240_000);
});

/** Mounts a small tmpfs (root on Linux only); null when this machine does not allow it. */
function smallDisk(megabytes: number): { dir: string; unmount(): void } | null {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "chitfunds-small-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], { stdio: "ignore" });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount: () => {
      execFileSync("umount", ["-l", dir], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const disk = onStore("sqlite") ? smallDisk(16) : null;

describe.skipIf(disk === null)("receipts on a disk that fills up (a tmpfs this test mounts)", () => {
  let t: TestApp | null = null;
  it("answer 503 'storage is full' or are kept whole: the files on disk are always exactly " +
    "those a payment names", async () => {
    const dataDir = join(disk!.dir, "data");
    mkdirSync(dataDir);
    try {
      t = await startTestApp({ env: { DATA_DIR: dataDir } });
      const member = await signedInMember(t, "asha@example.com");
      const chit = await createChit(member);
      const owner = (await t.services.members.findByEmail("asha@example.com"))!.id;
      const photo = await noisyPhoto(2400, 1800);
      const filesDir = join(dataDir, "files");
      const named = async () =>
        (await t!.services.ledger.payments.listForChit(owner, chit.id))
          .flatMap((p) => p.receipts.flatMap((r) => [r.key, r.thumbnailKey]))
          .sort();
      // Leave less room than a receipt needs, then a little more each time: the write fails at a different point
      // (the photo, its thumbnail, the payment's row) or goes through, and every time the files on disk are exactly
      // the ones a payment names.
      const statuses: number[] = [];
      for (const [i, roomKb] of [16, 64, 160, 200, 240, 320].entries()) {
        rmSync(join(disk!.dir, "filler"), { force: true });
        const { bavail, bsize } = await statfs(disk!.dir);
        writeFileSync(join(disk!.dir, "filler"), Buffer.alloc(Math.max(0, bavail * bsize - roomKb * 1024)));
        const res = await member.fetch(`/api/v1/chits/${chit.id}/payments`, {
          method: "POST",
          headers: { origin: BASE },
          body: multipart({ amount: "5000", reference: `UTR-${i}` }, [
            { name: "proof.jpg", bytes: photo, type: "image/jpeg" },
            { name: "shot.png", bytes: await pngScreenshot(`paid ${i}`), type: "image/png" },
          ]),
        });
        statuses.push(res.status);
        if (res.status !== 201) expect((await expectError(Promise.resolve(res), 503)).code).toBe("storage-full");
        expect(filesUnder(filesDir), `with ${roomKb} KB free`).toEqual(await named());
      }
      expect(statuses).toContain(503);
      expect(statuses[0]).toBe(503);
      expect((await named()).length).toBe(statuses.filter((s) => s === 201).length * 4);
      // With room again, the same upload is kept whole.
      rmSync(join(disk!.dir, "filler"));
      const ok = await member.fetch(`/api/v1/chits/${chit.id}/payments`, {
        method: "POST",
        headers: { origin: BASE },
        body: multipart({ amount: "5000", reference: "UTR-ok" }, [
          { name: "proof.jpg", bytes: photo, type: "image/jpeg" },
        ]),
      });
      expect(ok.status).toBe(201);
      expect(filesUnder(filesDir)).toEqual(await named());
      console.log(`uploads with 16..320 KB free: ${statuses.join(", ")}`);
    } finally {
      await t?.close().catch(() => {});
      t = null;
      disk!.unmount();
    }
  }, 120_000);
});
