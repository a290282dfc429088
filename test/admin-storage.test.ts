// The Admin page shows the storage used (receipts included) against the limit, with a warning from 80 %.
import { afterEach, describe, expect, it } from "vitest";
import { assess } from "../src/app/check-store.ts";
import { createAdmin } from "../src/app/create-admin.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { text } from "./support/ledger-pages.ts";
import { multipart, pngScreenshot } from "./support/receipt-fixtures.ts";
import { onStore } from "./support/store.ts";

let t: TestApp;
afterEach(async () => {
  await t.close();
});

async function adminPage(env: Record<string, string> = {}) {
  t = await startTestApp({ env });
  await createAdmin(t.services, { email: "owner@example.com", password: "owner pass phrase" });
  const admin = t.newClient();
  await admin.form("/login", { email: "owner@example.com", password: "owner pass phrase" });
  return async () => text(await (await admin.fetch("/admin")).text());
}

describe("storage on the Admin page", () => {
  it("shows what the store uses, receipts included, and where the store is", async () => {
    const page = await adminPage();
    expect(await page()).toMatch(/Storage.*of which receipts 0 B/);
    const member = await signedInMember(t, "asha@example.com");
    const chit = (await (
      await member.json("/api/v1/chits", {
        name: "A",
        chitValue: 100000,
        members: 20,
        startDate: "2026-01-05",
        dueDay: 5,
      })
    ).json()) as {
      id: string;
    };
    const form = multipart({ instalment: "1", amount: "5000", paidOn: "2026-01-05", method: "upi" }, [
      { name: "upi.png", type: "image/png", bytes: await pngScreenshot() },
    ]);
    expect(
      (
        await member.fetch(`/api/v1/chits/${chit.id}/payments`, {
          method: "POST",
          body: form,
          headers: { origin: "http://localhost:3000" },
        })
      ).status,
    ).toBe(201);
    const after = await page();
    expect(after).toMatch(/of which receipts \d+(\.\d)? kB/);
    expect(after).toContain(onStore("mongodb") ? "Store: MongoDB (" : "Store: SQLite (");
    if (onStore("mongodb")) expect(after).toMatch(/ of 512 MB used \(\d+ %\)/);
  });

  it.skipIf(!onStore("mongodb"))("warns from 80 % of MONGODB_STORAGE_LIMIT_MB (a limit on MongoDB only)", async () => {
    const page = await adminPage({ MONGODB_STORAGE_LIMIT_MB: "0.001" });
    expect(await page()).toMatch(/Storage is \d+ % full\. When it is full, no new payments or receipts can be saved/);
  });

  it("counts from 80 % as a warning, and a full store as a problem", () => {
    const report = (usedBytes: number) => ({
      store: "mongodb" as const,
      description: "x",
      problems: [],
      storage: { usedBytes, filesBytes: 0, limitBytes: 1000 },
    });
    expect(assess(report(799))).toMatchObject({ percent: 79, warning: false, ok: true });
    expect(assess(report(800))).toMatchObject({ percent: 80, warning: true, ok: true });
  });
});
