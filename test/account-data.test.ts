// A member's account activity page, the download of all their data (DPDP: the portable archive, receipts included), and
// deleting the account after the password (and the code with two-factor on): nothing of theirs remains, in either
// store, and the admin sees that it happened.
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit, expectStatus, type PaymentResultBody } from "./support/api.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { fieldError } from "./support/html.ts";
import { multipart, pngScreenshot } from "./support/receipt-fixtures.ts";
import { totpCode } from "./support/totp.ts";

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ env: { SESSION_CACHE_SECONDS: "0" } });
});
afterEach(async () => {
  await t.close();
});

const password = "correct horse battery";

async function ledgerWithReceipt(client: Client) {
  const chit = await createChit(client, { name: "Asha's chit" });
  const paid = await expectStatus<PaymentResultBody>(
    client.fetch(`/api/v1/chits/${chit.id}/payments`, {
      method: "POST",
      headers: { origin: BASE },
      body: multipart({ amount: "5000", reference: "UTR-ASHA" }, [
        { name: "proof.png", bytes: await pngScreenshot("asha paid"), type: "image/png" },
      ]),
    }),
    201,
  );
  return { chit, payment: paid.payment };
}

/** The archive's records (gzip-compressed JSON lines: header, records, end). */
async function archiveLines(res: Response): Promise<{ type?: string; data?: Record<string, unknown>; key?: string }[]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/gzip");
  expect(res.headers.get("content-disposition")).toMatch(
    /^attachment; filename="chitfunds-my-data-\d{4}-\d{2}-\d{2}\.chitfunds"$/,
  );
  return gunzipSync(Buffer.from(await res.arrayBuffer()))
    .toString("utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}

describe("account activity", () => {
  it(
    "shows sign-ins, wrong passwords, password and two-factor changes, tokens and " +
      "exports, newest first, to the member only",
    async () => {
      const member = await signedInMember(t, "asha@example.com", { password });
      await t
        .newClient()
        .json("/api/auth/sign-in/email", { email: "asha@example.com", password: "wrong password here" });
      await member.fetch("/settings/tokens");
      await member.form("/settings/tokens", { name: "Spreadsheet" });
      const tokenId = (
        await t.services.tokens.apiTokens.listForOwner((await t.services.members.findByEmail("asha@example.com"))!.id)
      )[0]!.id;
      await member.form(`/settings/tokens/${tokenId}/revoke`, {});
      await member.form("/settings/password", { currentPassword: password, newPassword: "a brand new pass phrase" });
      const enable = await member.json("/api/auth/two-factor/enable", { password: "a brand new pass phrase" });
      await member.json("/api/auth/two-factor/verify-totp", {
        code: totpCode(((await enable.json()) as { totpURI: string }).totpURI),
      });
      await member.form("/settings/data/export", {});
      const html = await (await member.fetch("/settings/activity")).text();
      const rows = [...html.matchAll(/<tr>\s*<td[^>]*>[^<]*<\/td>\s*<td>([^<]*)/g)].map((m) => m[1]!.trim());
      expect(rows.slice(0, 6)).toEqual([
        "All your data downloaded",
        "Two-factor sign-in turned on",
        "Password changed",
        "API token revoked",
        "API token created",
        "Wrong password entered",
      ]);
      expect(rows).toContain("Signed in");
      expect(html).toContain("Spreadsheet");
      // Another member sees only their own.
      const ravi = await signedInMember(t, "ravi@example.com", { password });
      const theirs = await expectStatus<{ events: { kind: string }[] }>(ravi.fetch("/api/v1/account/activity"), 200);
      expect(theirs.events.map((e) => e.kind)).toEqual(["signed-in"]);
    },
  );
});

describe("API token use on the activity page", () => {
  it("shows a token's first use of each day, with its name, not every call a script makes", async () => {
    let now = new Date("2026-03-10T05:00:00Z");
    const own = await startTestApp({ env: { SESSION_CACHE_SECONDS: "0" }, clock: { now: () => new Date(now) } });
    try {
      const asha = await signedInMember(own, "asha@example.com", { password });
      const { token } = await expectStatus<{ token: string }>(
        asha.json("/api/v1/tokens", { name: "Spreadsheet" }),
        201,
      );
      const script = own.newClient();
      const call = () => script.fetch("/api/v1/chits", { headers: { authorization: `Bearer ${token}` } });
      const uses = async () => {
        const { events } = await expectStatus<{ events: { kind: string; detail: string | null }[] }>(
          asha.fetch("/api/v1/account/activity"),
          200,
        );
        return events.filter((e) => e.kind === "token-used");
      };
      for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
      now = new Date("2026-03-10T18:00:00Z");
      expect((await call()).status).toBe(200);
      expect(await uses()).toEqual([expect.objectContaining({ kind: "token-used", detail: "Spreadsheet" })]);
      now = new Date("2026-03-11T01:00:00Z");
      expect((await call()).status).toBe(200);
      expect(await uses()).toHaveLength(2);
      expect(await (await asha.fetch("/settings/activity")).text()).toContain("API token used");
    } finally {
      await own.close();
    }
  });
});

describe("download everything", () => {
  it(
    "gives the member one portable archive with their profile, ledger, receipt files and " +
      "activity, and nobody else's",
    async () => {
      const asha = await signedInMember(t, "asha@example.com", { password });
      const ravi = await signedInMember(t, "ravi@example.com", { password });
      await ledgerWithReceipt(asha);
      await createChit(ravi, { name: "Ravi's chit" });
      const lines = await archiveLines(await asha.form("/settings/data/export", {}));
      const [header] = lines as [{ format: string; counts: Record<string, number> }];
      expect(header.format).toBe("chitfunds-archive");
      expect(header.counts).toMatchObject({ users: 1, chits: 1, payments: 1, receipts: 1, files: 2 });
      const types = lines.map((l) => l.type).filter(Boolean);
      expect(types).toEqual(expect.arrayContaining(["user", "chit", "payment", "file", "activity"]));
      const text = JSON.stringify(lines);
      expect(text).toContain("asha@example.com");
      expect(text).toContain("UTR-ASHA");
      expect(text).not.toContain("ravi@example.com");
      expect(text).not.toContain("Ravi's chit");
      expect(text).not.toMatch(/"password"|twoFactorSecret|"secret"/);
      // The API twin gives the same archive.
      const api = await archiveLines(await asha.fetch("/api/v1/account/export"));
      expect(api.filter((l) => l.type === "file")).toHaveLength(2);
    },
  );
});

describe("deleting the account", () => {
  it(
    "needs the password, the code with two-factor on, and DELETE typed; then nothing of " +
      "the member's remains and the admin sees it",
    async () => {
      await createAdmin(t.services, { email: "owner@example.com", password: "owner pass phrase" });
      const asha = await signedInMember(t, "asha@example.com", { password });
      const ravi = await signedInMember(t, "ravi@example.com", { password });
      const ashaId = (await t.services.members.findByEmail("asha@example.com"))!.id;
      const { chit } = await ledgerWithReceipt(asha);
      const raviChit = await createChit(ravi, { name: "Ravi's chit" });
      await asha.json("/api/v1/tokens", { name: "Script" });
      const enable = await asha.json("/api/auth/two-factor/enable", { password });
      const { totpURI } = (await enable.json()) as { totpURI: string };
      await asha.json("/api/auth/two-factor/verify-totp", { code: totpCode(totpURI) });
      const filesBefore = await t.db.storedFiles();
      expect(filesBefore.filter((k) => k.includes(ashaId))).toHaveLength(2);

      await asha.fetch("/settings/data");
      const noConfirm = await asha.form("/settings/data/delete", {
        password,
        code: totpCode(totpURI),
        confirm: "delete",
      });
      expect(fieldError(await noConfirm.text(), "confirm")).toMatch(/Type DELETE/);
      const wrongPassword = await asha.form("/settings/data/delete", {
        password: "not the password",
        code: totpCode(totpURI),
        confirm: "DELETE",
      });
      expect(wrongPassword.status).toBe(400);
      expect(fieldError(await wrongPassword.text(), "password")).toBeTruthy();
      const noCode = await asha.json("/api/auth/delete-user", { password });
      expect(noCode.status).toBe(400);
      expect(await noCode.json()).toMatchObject({ code: "TWO_FACTOR_CODE_REQUIRED" });
      const wrongCode = await asha.form("/settings/data/delete", { password, code: "000000", confirm: "DELETE" });
      expect(fieldError(await wrongCode.text(), "code")).toMatch(/not right/);
      expect(await t.services.members.findByEmail("asha@example.com")).not.toBeNull();

      const done = await asha.form("/settings/data/delete", { password, code: totpCode(totpURI), confirm: "DELETE" });
      expect(done.status).toBe(303);
      expect(done.headers.get("location")).toBe("/login?notice=account-deleted");

      // Nothing of hers remains: account, sessions, ledger, files, tokens, activity, two-factor secret.
      expect(await t.services.members.findByEmail("asha@example.com")).toBeNull();
      expect(await t.db.users("asha@example.com")).toEqual([]);
      expect(await t.services.ledger.chits.get(ashaId, chit.id)).toBeNull();
      expect(await t.services.ledger.payments.listForOwner(ashaId)).toEqual([]);
      expect(await t.services.tokens.apiTokens.listForOwner(ashaId)).toEqual([]);
      expect((await t.services.activity.list(ashaId, { limit: 10, offset: 0 })).total).toBe(0);
      expect((await t.db.storedFiles()).filter((k) => k.includes(ashaId))).toEqual([]);
      const { adapter } = await t.services.auth.$context;
      expect(await adapter.count({ model: "twoFactor", where: [{ field: "userId", value: ashaId }] })).toBe(0);
      expect(await adapter.count({ model: "session", where: [{ field: "userId", value: ashaId }] })).toBe(0);
      expect(await adapter.count({ model: "account", where: [{ field: "userId", value: ashaId }] })).toBe(0);
      const audit = await t.services.audit.list({ limit: 100 });
      expect(JSON.stringify(audit)).not.toContain(ashaId);
      expect(JSON.stringify(audit)).not.toContain("asha@example.com");
      // Every table (collection) of the store, the sums kept beside the ledger included: none names her any more.
      expect(await t.db.tablesMentioning([ashaId, "asha@example.com", "UTR-ASHA"])).toEqual([]);
      expect((await asha.fetch("/dashboard")).status).toBe(303);
      expect(
        (await t.newClient().json("/api/auth/sign-in/email", { email: "asha@example.com", password })).status,
      ).toBe(401);

      // Ravi is untouched; the admin sees that an account was deleted, and no more.
      expect(
        await t.services.ledger.chits.get((await t.services.members.findByEmail("ravi@example.com"))!.id, raviChit.id),
      ).not.toBeNull();
      const admin = t.newClient();
      await admin.form("/login", { email: "owner@example.com", password: "owner pass phrase" });
      const adminPage = await (await admin.fetch("/admin")).text();
      expect(adminPage).toMatch(
        new RegExp(
          String.raw`a member deleted their account and all their data \(joined \d{4}-\d{2}-\d{2}; ` +
            String.raw`erased 1 chits, 1 payments, 1 receipts\)`,
        ),
      );
      expect(adminPage).not.toContain("asha@example.com");
    },
  );

  it("without two-factor, the password alone (and DELETE typed) is enough", async () => {
    const asha = await signedInMember(t, "asha@example.com", { password });
    await asha.fetch("/settings/data");
    const done = await asha.form("/settings/data/delete", { password, confirm: "DELETE" });
    expect(done.headers.get("location")).toBe("/login?notice=account-deleted");
    expect(await t.services.members.findByEmail("asha@example.com")).toBeNull();
  });
});
