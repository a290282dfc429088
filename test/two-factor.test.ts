// Two-factor sign-in with TOTP (codes computed here as any authenticator app does, RFC 6238) and recovery codes: set up
// and removed from Settings > Security, asked at sign-in on the page and through better-auth's standard endpoints, a
// recovery code good once; the admin may require it for admins; sessions listed and signed out elsewhere.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { alerts, fieldError } from "./support/html.ts";
import { totpCode } from "./support/totp.ts";

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ env: { SESSION_CACHE_SECONDS: "0" } });
});
afterEach(async () => {
  await t.close();
});

const password = "correct horse battery";

/** Turns two-factor sign-in on through better-auth's endpoints; returns the authenticator URI and recovery codes. */
async function enableByApi(client: Client) {
  const enable = await client.json("/api/auth/two-factor/enable", { password });
  expect(enable.status).toBe(200);
  const { totpURI, backupCodes } = (await enable.json()) as { totpURI: string; backupCodes: string[] };
  expect((await client.json("/api/auth/two-factor/verify-totp", { code: totpCode(totpURI) })).status).toBe(200);
  return { uri: totpURI, recovery: backupCodes };
}

const signedIn = async (client: Client) => (await client.fetch("/api/v1/summary")).status === 200;

describe("better-auth's standard two-factor endpoints", () => {
  it(
    "with TOTP on, sign-in needs the current code: the password alone opens no session, a " +
      "wrong or old code is refused",
    async () => {
      const member = await signedInMember(t, "asha@example.com", { password });
      const { uri } = await enableByApi(member);
      const browser = t.newClient();
      const first = await browser.json("/api/auth/sign-in/email", { email: "asha@example.com", password });
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
      expect(await signedIn(browser)).toBe(false);
      const wrong = String((Number(totpCode(uri)) + 1) % 1_000_000).padStart(6, "0");
      expect((await browser.json("/api/auth/two-factor/verify-totp", { code: wrong })).status).toBe(401);
      expect(
        (await browser.json("/api/auth/two-factor/verify-totp", { code: totpCode(uri, Date.now(), -10) })).status,
      ).toBe(401);
      expect(await signedIn(browser)).toBe(false);
      expect((await browser.json("/api/auth/two-factor/verify-totp", { code: totpCode(uri) })).status).toBe(200);
      expect(await signedIn(browser)).toBe(true);
    },
  );

  it("a recovery code signs in once; the same code again is refused", async () => {
    const member = await signedInMember(t, "asha@example.com", { password });
    const { recovery } = await enableByApi(member);
    expect(recovery).toHaveLength(10);
    const once = t.newClient();
    await once.json("/api/auth/sign-in/email", { email: "asha@example.com", password });
    expect((await once.json("/api/auth/two-factor/verify-backup-code", { code: recovery[0] })).status).toBe(200);
    expect(await signedIn(once)).toBe(true);
    const twice = t.newClient();
    await twice.json("/api/auth/sign-in/email", { email: "asha@example.com", password });
    expect((await twice.json("/api/auth/two-factor/verify-backup-code", { code: recovery[0] })).status).toBe(401);
    expect(await signedIn(twice)).toBe(false);
    expect((await twice.json("/api/auth/two-factor/verify-backup-code", { code: recovery[1] })).status).toBe(200);
  });
});

describe("guessing at the code", () => {
  it(
    "ten wrong codes lock the account's second factor for a while, whatever the sign-ins; " +
      "the page says so plainly",
    async () => {
      const member = await signedInMember(t, "asha@example.com", { password });
      const { uri } = await enableByApi(member);
      const wrong = () => String((Number(totpCode(uri)) + 7) % 1_000_000).padStart(6, "0");
      let tries = 0;
      for (let round = 0; round < 4 && tries < 10; round++) {
        const guesser = t.newClient();
        await guesser.json("/api/auth/sign-in/email", { email: "asha@example.com", password });
        for (let i = 0; i < 5 && tries < 10; i++, tries++) {
          expect((await guesser.json("/api/auth/two-factor/verify-totp", { code: wrong() })).status).toBe(401);
        }
      }
      const late = t.newClient();
      await late.json("/api/auth/sign-in/email", { email: "asha@example.com", password });
      const locked = await late.json("/api/auth/two-factor/verify-totp", { code: totpCode(uri) });
      expect(locked.status).toBe(429);
      expect(await signedIn(late)).toBe(false);
      const page = t.newClient();
      await page.form("/login", { email: "asha@example.com", password });
      const res = await page.form("/login/code", { code: totpCode(uri) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const html = await res.text();
      expect(`${alerts(html).join(" ")} ${fieldError(html, "code") ?? ""}`).toMatch(/too many|locked|try again/i);
      expect(await signedIn(page)).toBe(false);
    },
  );
});

describe("Settings > Security and the sign-in pages", () => {
  it("sets up two-factor with a QR code, a key and ten recovery codes, then asks for the code at sign-in", async () => {
    const member = await signedInMember(t, "asha@example.com", { password });
    const page = await member.fetch("/settings/security");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Two-factor sign-in is off");
    const wrongPassword = await member.form("/settings/security/two-factor/setup", { password: "not my password" });
    expect(wrongPassword.status).toBe(400);
    expect(fieldError(await wrongPassword.text(), "password")).toBeTruthy();
    const setup = await (await member.form("/settings/security/two-factor/setup", { password })).text();
    expect(setup).toMatch(/<svg class="qr-code"[^>]*role="img"/);
    const uri = /name="totpUri" value="([^"]+)"/.exec(setup)![1]!.replaceAll("&amp;", "&");
    const codes = /name="recoveryCodes" value="([^"]+)"/.exec(setup)![1]!.split(" ");
    expect(codes).toHaveLength(10);
    expect(setup).toContain(new URL(uri).searchParams.get("secret")!.slice(0, 4));
    // A wrong code keeps the setup on screen; the right one turns it on.
    const wrong = await member.form("/settings/security/two-factor/confirm", {
      code: "000000",
      totpUri: uri,
      recoveryCodes: codes.join(" "),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('class="qr-code"');
    const on = await member.form("/settings/security/two-factor/confirm", {
      code: totpCode(uri),
      totpUri: uri,
      recoveryCodes: codes.join(" "),
    });
    expect(on.headers.get("location")).toBe("/settings/security?notice=two-factor-on");
    expect((await t.services.members.findByEmail("asha@example.com"))!.twoFactorEnabled).toBe(true);

    // Signing in on the page: password, then the code.
    const browser = t.newClient();
    const login = await browser.form("/login", { email: "asha@example.com", password, next: "/chits" });
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/login/code?next=%2Fchits");
    expect((await browser.fetch("/dashboard")).status).toBe(303); // not signed in yet
    const bad = await browser.form("/login/code", { code: "123456", next: "/chits" });
    expect(bad.status).toBe(400);
    expect(fieldError(await bad.text(), "code")).toMatch(/not right/);
    const good = await browser.form("/login/code", { code: totpCode(uri), next: "/chits" });
    expect(good.headers.get("location")).toBe("/chits");
    expect((await browser.fetch("/dashboard")).status).toBe(200);

    // A recovery code on the same page, once.
    const lost = t.newClient();
    await lost.form("/login", { email: "asha@example.com", password });
    expect((await lost.form("/login/code", { code: codes[3]! })).status).toBe(303);
    const again = t.newClient();
    await again.form("/login", { email: "asha@example.com", password });
    expect((await again.form("/login/code", { code: codes[3]! })).status).toBe(400);

    // New recovery codes replace the old ones; turning two-factor off brings back the password alone.
    const renewed = await (await member.form("/settings/security/two-factor/recovery-codes", { password })).text();
    expect(renewed).toContain("Your new recovery codes");
    const off = await member.form("/settings/security/two-factor/disable", { password });
    expect(off.headers.get("location")).toBe("/settings/security?notice=two-factor-off");
    const plain = t.newClient();
    expect((await plain.form("/login", { email: "asha@example.com", password })).headers.get("location")).toBe(
      "/dashboard",
    );
  });

  it("a code step left too long (or opened without the password step) sends the member back to log in", async () => {
    const stranger = t.newClient();
    await stranger.fetch("/login/code");
    const res = await stranger.form("/login/code", { code: "123456" });
    expect(res.status).toBe(401);
    expect(alerts(await res.text()).join(" ")).toContain("took too long");
  });

  it("lists the member's sessions, this one first, and signs out every other one", async () => {
    const phone = await signedInMember(t, "asha@example.com", { password });
    const laptop = t.newClient();
    await laptop.fetch("/login", {
      headers: { "user-agent": "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36" },
    });
    await laptop.fetch("/login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: BASE,
        "user-agent": "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36",
      },
      body: new URLSearchParams({ email: "asha@example.com", password, _csrf: laptop.csrf }),
    });
    const page = await (await phone.fetch("/settings/security")).text();
    expect(page).toContain("Chrome on Windows");
    expect(page.match(/class="list-group-item/g)!.length).toBeGreaterThanOrEqual(2);
    expect(page.match(/This device/g)).toHaveLength(1);
    expect(await signedIn(laptop)).toBe(true);
    const out = await phone.form("/settings/security/sessions/end-others", {});
    expect(out.headers.get("location")).toBe("/settings/security?notice=signed-out-elsewhere");
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(phone)).toBe(true);
    const after = await (await phone.fetch("/settings/security")).text();
    expect(after.match(/class="list-group-item/g)).toHaveLength(1);
    expect(after).toContain("You are signed in only here.");
  });
});

describe("two-factor required for administrators", () => {
  it(
    "sends an admin without it to set it up, refuses better-auth's admin endpoints, and " +
      "lets them in once it is on",
    async () => {
      await createAdmin(t.services, { email: "owner@example.com", password: "owner pass phrase" });
      const admin = t.newClient();
      await admin.form("/login", { email: "owner@example.com", password: "owner pass phrase" });
      expect((await admin.fetch("/admin")).status).toBe(200);
      const turnOn = await admin.form("/admin/security/two-factor", { required: "on" });
      expect(turnOn.headers.get("location")).toBe("/admin?notice=admin-two-factor-required");
      const sent = await admin.fetch("/admin/members");
      expect(sent.status).toBe(303);
      expect(sent.headers.get("location")).toBe("/settings/security?notice=two-factor-required");
      expect((await admin.fetch("/api/auth/admin/list-users")).status).toBe(403);
      // Members are not affected.
      const member = await signedInMember(t, "asha@example.com", { password });
      expect((await member.fetch("/dashboard")).status).toBe(200);
      // Setting it up opens the admin pages again.
      const enable = await admin.json("/api/auth/two-factor/enable", { password: "owner pass phrase" });
      const { totpURI } = (await enable.json()) as { totpURI: string };
      await admin.json("/api/auth/two-factor/verify-totp", { code: totpCode(totpURI) });
      expect((await admin.fetch("/admin/members")).status).toBe(200);
      expect((await admin.fetch("/api/auth/admin/list-users")).status).toBe(200);
    },
  );
});
