// A full or read-only store answers 503 in plain words (the real cause goes to the log) and /readyz says not ready;
// HSTS is sent when the app is served over HTTPS.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { baseChit, createChit, expectError, expectStatus } from "./support/api.ts";
import { BASE, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { multipart, pngScreenshot } from "./support/receipt-fixtures.ts";
import { onStore } from "./support/store.ts";

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A real "database or disk is full" from node:sqlite: a database allowed one page, asked to grow. */
function realSqliteFullError(): Error {
  const db = new DatabaseSync(":memory:");
  try {
    db.exec("PRAGMA max_page_count = 2; CREATE TABLE t (x TEXT);");
    for (;;) db.prepare("INSERT INTO t VALUES (?)").run("x".repeat(4000));
  } catch (error) {
    return error as Error;
  } finally {
    db.close();
  }
}

describe("a full or read-only store", () => {
  it(
    "a write that fails for lack of space answers 503 'storage is full' on the API and on " + "pages, never a stack",
    async () => {
      t = await startTestApp();
      const member = await signedInMember(t, "asha@example.com");
      await member.fetch("/dashboard");
      const full = realSqliteFullError();
      expect(full.message).toMatch(/full/);
      const chits = t.services.ledger.chits;
      const create = chits.create;
      chits.create = async () => {
        throw full;
      };
      try {
        const error = await expectError(member.json("/api/v1/chits", baseChit), 503);
        expect(error.code).toBe("storage-full");
        expect(error.message).toContain("The server's storage is full");
        const page = await member.form("/chits", {
          name: "X",
          organizer: "",
          chitValue: "100000",
          members: "20",
          startDate: "2025-01-05",
          dueDay: "5",
        });
        expect(page.status).toBe(503);
        const html = await page.text();
        expect(html).toMatch(/The server(&#39;|')s storage is full/);
        expect(html).not.toMatch(/\n\s+at |node_modules|SQLITE/);
      } finally {
        chits.create = create;
      }
    },
  );

  it("a receipt file store that turned read-only answers 503 'storage is read-only' and keeps no payment", async () => {
    t = await startTestApp();
    const member = await signedInMember(t, "asha@example.com");
    const chit = await createChit(member);
    const files = t.services.ledger.files;
    const put = files.put;
    files.put = async () => {
      throw Object.assign(new Error("EROFS: read-only file system, open '/data/files/receipts/x.jpg'"), {
        code: "EROFS",
        errno: -30,
      });
    };
    try {
      const res = await member.fetch(`/api/v1/chits/${chit.id}/payments`, {
        method: "POST",
        headers: { origin: BASE },
        body: multipart({ amount: "5000" }, [{ name: "a.png", bytes: await pngScreenshot(), type: "image/png" }]),
      });
      expect((await expectError(Promise.resolve(res), 503)).code).toBe("storage-read-only");
    } finally {
      files.put = put;
    }
    const owner = (await t.services.members.findByEmail("asha@example.com"))!.id;
    expect(await t.services.ledger.payments.listForChit(owner, chit.id)).toEqual([]);
  });
});

describe("/readyz", () => {
  it(
    "is ready when the store answers, receipt files can be written and the disk has room, " +
      "and says what it checked",
    async () => {
      t = await startTestApp();
      const body = await expectStatus<{ status: string; checks: Record<string, string> }>(
        t.client.fetch("/readyz"),
        200,
      );
      expect(body.status).toBe("ready");
      expect(Object.keys(body.checks)).toEqual(expect.arrayContaining(["store", "files"]));
    },
  );

  it.skipIf(!onStore("sqlite"))(
    "says not ready when the disk holding DATA_DIR has less free space than READY_MIN_FREE_MB",
    async () => {
      // Free space is measured only for the local disk (SQLite and receipt files under DATA_DIR).
      t = await startTestApp({ env: { READY_MIN_FREE_MB: "1000000" } });
      const body = await expectStatus<{ status: string; checks: Record<string, string> }>(
        t.client.fetch("/readyz"),
        503,
      );
      expect(body.status).toBe("unavailable");
      expect(body.checks.freeSpace).toMatch(/MB free \(at least 1000000 MB wanted\)/);
    },
  );
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

const disk = onStore("sqlite") ? smallDisk(8) : null;

describe.skipIf(disk === null)("on a real small disk (a tmpfs this test mounts)", () => {
  it(
    "once the disk fills up, writes answer 503 'storage is full', /readyz says not ready, " +
      "and both recover with space",
    async () => {
      const dataDir = join(disk!.dir, "data");
      mkdirSync(dataDir);
      try {
        t = await startTestApp({ env: { DATA_DIR: dataDir, READY_MIN_FREE_MB: "1" } });
        const member = await signedInMember(t, "asha@example.com");
        await createChit(member);
        await expectStatus(t.client.fetch("/readyz"), 200);
        // Fill the disk.
        const { bavail, bsize } = await statfs(disk!.dir);
        writeFileSync(join(disk!.dir, "filler"), Buffer.alloc(Math.max(0, bavail * bsize - 4096)));
        let full: Response | null = null;
        for (let i = 0; i < 50 && !full; i++) {
          const res = await member.json("/api/v1/chits", { ...baseChit, notes: "n".repeat(1900) });
          if (res.status !== 201) full = res;
        }
        expect(full).not.toBeNull();
        expect((await expectError(Promise.resolve(full!), 503)).code).toBe("storage-full");
        const ready = await expectStatus<{ checks: Record<string, string> }>(t.client.fetch("/readyz"), 503);
        expect(Object.values(ready.checks).join(" ")).toMatch(/full|MB free/);
        // The store still reads: pages answer.
        expect((await member.fetch("/chits")).status).toBe(200);
        rmSync(join(disk!.dir, "filler"));
        await expectStatus(member.json("/api/v1/chits", baseChit), 201);
        await expectStatus(t.client.fetch("/readyz"), 200);
      } finally {
        await t?.close().catch(() => {});
        t = null;
        disk!.unmount();
      }
    },
  );
});

describe("HSTS", () => {
  it("is sent when BASE_URL is https, and not over plain http", async () => {
    t = await startTestApp({ env: { BASE_URL: "https://chits.example.com" } });
    const secure = await t.app.request("https://chits.example.com/login");
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    await t.close();
    t = await startTestApp();
    expect((await t.client.fetch("/login")).headers.get("strict-transport-security")).toBeNull();
  });
});
