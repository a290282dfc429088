// Moving an installation: export from one store, import into a fresh one, and nothing is lost; bad archives change
// nothing.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit } from "../src/app/create-chit.ts";
import { exportArchive } from "../src/app/export-archive.ts";
import { importArchive } from "../src/app/import-archive.ts";
import { recordInstalment } from "../src/app/record-instalment.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import { startTestApp, type TestApp } from "./support/app.ts";

let source: TestApp;
let target: TestApp;
beforeEach(async () => {
  source = await startTestApp({ smtp: false });
  target = await startTestApp({ smtp: false });
});
afterEach(async () => {
  await source.close();
  await target.close();
});

async function seed(t: TestApp) {
  const admin = await createAdmin(t.services, { email: "owner@example.com", password: "owner pass phrase" });
  const member = await createAdmin(t.services, {
    email: "asha@example.com",
    password: "asha pass phrase long",
    name: "Asha",
  });
  const chit = await createChit(t.services.ledger, member.id, {
    name: "Shriram A12",
    chitValue: 100000,
    members: 20,
    startDate: "2026-01-05",
    dueDay: 5,
  });
  // every chit setting of issue 15 travels too
  await createChit(t.services.ledger, member.id, {
    name: "KSFE weekly, two prizes",
    chitValue: 50000,
    members: 40,
    prizesPerAuction: 2,
    startDate: "2026-01-07",
    dueDay: 7,
    frequency: "weekly",
    commissionMode: "on-top",
    onTopOnForemanInstalment: true,
    taxMode: "charged-to-members",
    taxOnCommissionPercent: 18,
    rounding: "rupee",
    dividendRounding: "down",
    roundingRemainder: "next-auction",
    lateRule: "fixed-fee",
    lateFee: 50,
    lateForfeitsDividend: true,
  });
  await recordInstalment(t.services.ledger, member.id, chit.id, 2, { discount: 30000 });
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#aa3300" } })
    .jpeg()
    .toBuffer();
  await recordPayment(t.services.ledger, member, chit.id, { amount: 5000, paidOn: "2026-01-05", reference: "UTR1" }, [
    { name: "p.jpg", bytes: new Uint8Array(photo) },
  ]);
  await recordPayment(t.services.ledger, member, chit.id, { amount: 5000, paidOn: "2026-02-05", method: "cash" });
  return { admin, member };
}

async function fingerprint(t: TestApp) {
  const members = (await t.services.members.list({ limit: 100, offset: 0 })).members;
  const out: Record<string, unknown> = {};
  for (const m of members.sort((a, b) => a.email.localeCompare(b.email))) {
    const chits = await t.services.ledger.chits.list(m.id);
    const payments = await t.services.ledger.payments.listForOwner(m.id);
    const files = await Promise.all(
      payments
        .flatMap((p) => p.receipts)
        .map(async (r) =>
          createHash("sha256")
            .update((await t.services.ledger.files.get(r.key))!)
            .digest("hex"),
        ),
    );
    out[m.email] = {
      status: m.status,
      role: m.role,
      chits: chits.map((c) => ({ name: c.name, terms: c.terms, instalments: c.instalments })),
      payments: payments.length,
      paid: payments.reduce((s, p) => s + p.amount, 0),
      receiptSha: payments.flatMap((p) => p.receipts.map((r) => r.sha256)).sort(),
      files: files.sort(),
    };
  }
  return out;
}

describe("export and import", () => {
  it(
    "moves members, chits, payments, totals and receipts to a fresh store unchanged, and " +
      "members can still sign in",
    async () => {
      await seed(source);
      const file = join(source.dataDir, "move.chitfunds");
      const counts = await exportArchive(source.services.archive, file);
      expect(counts).toMatchObject({ users: 2, chits: 2, payments: 2, receipts: 1, files: 2 });
      await importArchive(target.services.archive, file, { replace: false });
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      const res = await target.client.json("/api/auth/sign-in/email", {
        email: "asha@example.com",
        password: "asha pass phrase long",
      });
      expect(res.status).toBe(200);
    },
  );

  it("refuses to import into a store that has members unless told to replace", async () => {
    await seed(source);
    await createAdmin(target.services, { email: "someone@example.com", password: "someone pass phrase" });
    const file = join(source.dataDir, "move.chitfunds");
    await exportArchive(source.services.archive, file);
    await expect(importArchive(target.services.archive, file, { replace: false })).rejects.toThrow(
      /already has 1 member/,
    );
    expect((await target.services.members.list({ limit: 10, offset: 0 })).total).toBe(1);
    await importArchive(target.services.archive, file, { replace: true });
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  });

  it(
    "refuses a file that is not an archive, a truncated one, or one from a newer version, " + "and changes nothing",
    async () => {
      await seed(source);
      await seed(target);
      const before = await fingerprint(target);
      const good = join(source.dataDir, "good.chitfunds");
      await exportArchive(source.services.archive, good);
      const bytes = readFileSync(good);
      const cases: [string, Buffer, RegExp][] = [
        ["text.chitfunds", Buffer.from("hello, not an archive"), /not a ChitFunds Ledger archive/],
        ["cut.chitfunds", bytes.subarray(0, Math.floor(bytes.length / 2)), /incomplete or damaged/],
        [
          "newer.chitfunds",
          gzipSync(`${JSON.stringify({ format: "chitfunds-archive", version: 99, counts: {} })}\n`),
          /newer version/,
        ],
        ["foreign.gz", gzipSync('{"hello":"world"}\n'), /not a ChitFunds Ledger archive/],
      ];
      for (const [name, content, message] of cases) {
        const path = join(source.dataDir, name);
        writeFileSync(path, content);
        await expect(importArchive(target.services.archive, path, { replace: true })).rejects.toThrow(message);
      }
      expect(await fingerprint(target)).toEqual(before);
    },
  );
});
