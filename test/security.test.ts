// Security that holds on every response: strict CSP and nosniff, CSRF tokens and origin checks on forms, no stack
// traces, no inline code in pages, HttpOnly (and, behind HTTPS, Secure) cookies.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { heading } from "./support/html.ts";

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const password = "correct horse battery";

function expectStrictHeaders(res: Response, label: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp, `${label}: CSP`).toContain("default-src 'self'");
  expect(csp, `${label}: CSP`).toContain("script-src 'self'");
  expect(csp, `${label}: CSP`).toContain("style-src 'self'");
  expect(csp, `${label}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${label}: CSP`).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(res.headers.get("x-content-type-options"), `${label}: nosniff`).toBe("nosniff");
}

/** Strict CSP blocks inline code, so a page must have none: no inline scripts, style blocks or attributes, handlers. */
function expectNoInlineCode(html: string, label: string) {
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    expect(attrs, `${label}: script without src`).toMatch(/\bsrc="\/assets\//);
    expect(body!.trim(), `${label}: inline script body`).toBe("");
  }
  expect(html, `${label}: <style>`).not.toMatch(/<style\b/i);
  expect(html, `${label}: style=`).not.toMatch(/<[^>]+\sstyle\s*=/i);
  expect(html, `${label}: on...= handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html, `${label}: javascript: URL`).not.toMatch(/javascript:/i);
}

function expectNoStack(text: string, label: string) {
  expect(text, label).not.toMatch(/\n\s+at |node_modules|\/work\/|\.tsx?:\d+|file:\/\/|Error:/);
}

async function signedInAdmin() {
  await createAdmin(t.services, { email: "owner@example.com", password: "owner pass phrase" });
  const admin = t.newClient();
  expect((await admin.form("/login", { email: "owner@example.com", password: "owner pass phrase" })).status).toBe(303);
  return admin;
}

describe("security headers", () => {
  it("every page, API answer and error carries a strict Content-Security-Policy and nosniff", async () => {
    const admin = await signedInAdmin();
    const member = await signedInMember(t, "asha@example.com", { password });
    const anon = t.newClient();
    const checks: [string, Client, string, RequestInit?][] = [
      ["login page", anon, "/login"],
      ["register page", anon, "/register"],
      ["verify page", anon, "/verify?email=a%40example.com"],
      ["forgot page", anon, "/forgot"],
      ["reset page", anon, "/reset?email=a%40example.com"],
      ["404 page", anon, "/no/such/page"],
      ["start redirect", anon, "/"],
      ["health", anon, "/healthz"],
      ["asset", anon, "/assets/app.css"],
      ["API 401", anon, "/api/v1/summary"],
      ["API 404", member, "/api/v1/no-such-thing"],
      ["API 200", member, "/api/v1/summary"],
      ["dashboard", member, "/dashboard"],
      ["profile", member, "/settings/profile"],
      ["admin 404 for a member", member, "/admin"],
      ["admin", admin, "/admin"],
      ["members", admin, "/admin/members"],
      ["outbox", admin, "/admin/outbox"],
      ["auth session", member, "/api/auth/get-session"],
      [
        "auth error",
        anon,
        "/api/auth/sign-in/email",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "x@example.com", password }),
        },
      ],
      [
        "auth bad JSON",
        anon,
        "/api/auth/sign-in/email",
        { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" },
      ],
      [
        "form refused",
        anon,
        "/login",
        { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=x" },
      ],
    ];
    const statuses = new Set<number>();
    for (const [label, client, path, init] of checks) {
      const res = await client.fetch(path, init);
      statuses.add(res.status);
      expectStrictHeaders(res, `${label} (${res.status})`);
    }
    // the list above really covers successes, redirects and errors of each kind
    expect([...statuses].sort()).toEqual([200, 303, 400, 401, 403, 404]);
  });
});

describe("pages under a strict CSP", () => {
  it("no page has inline scripts, style blocks, style attributes or event handlers", async () => {
    const admin = await signedInAdmin();
    const member = await signedInMember(t, "asha@example.com", { password });
    const waiting = await signedInMember(t, "waiting@example.com", { approve: false });
    await t.newClient().form("/register", { name: "Bad", email: "bad", phone: "", password: "x" });
    const anon = t.newClient();
    const pages: [string, Promise<Response>][] = [
      ["login", anon.fetch("/login?notice=logged-out")],
      ["register", anon.fetch("/register")],
      ["register with errors", anon.form("/register", { name: "Bad", email: "bad", phone: "", password: "x" })],
      ["verify", anon.fetch("/verify?email=a%40example.com&notice=code-sent")],
      ["forgot", anon.fetch("/forgot")],
      ["reset", anon.fetch("/reset?email=a%40example.com")],
      ["pending", waiting.fetch("/pending")],
      ["404", anon.fetch("/no/such/page")],
      ["dashboard", member.fetch("/dashboard")],
      ["profile", member.fetch("/settings/profile")],
      [
        "profile with errors",
        member.form("/settings/profile", { name: "", phone: "x", locale: "xx", timeZone: "Nowhere" }),
      ],
      ["security", member.fetch("/settings/security")],
      ["two-factor setup (QR code)", member.form("/settings/security/two-factor/setup", { password })],
      ["sign-in code", anon.fetch("/login/code")],
      ["account activity", member.fetch("/settings/activity")],
      ["your data", member.fetch("/settings/data")],
      ["admin", admin.fetch("/admin")],
      ["members", admin.fetch("/admin/members")],
      ["outbox", admin.fetch("/admin/outbox")],
    ];
    for (const [label, pending] of pages) {
      const res = await pending;
      expect(res.headers.get("content-type"), label).toMatch(/text\/html/);
      const html = await res.text();
      expect(html, label).toContain("<script src=");
      expectNoInlineCode(html, label);
    }
  });
});

describe("CSRF protection on forms", () => {
  it("a form posted without the _csrf token gets 403 and changes nothing", async () => {
    const member = await signedInMember(t, "asha@example.com", { password, name: "Asha" });
    await member.fetch("/settings/profile");
    const res = await member.form(
      "/settings/profile",
      { name: "Changed", phone: "", locale: "en", timeZone: "Asia/Kolkata" },
      { csrf: null },
    );
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("This form has expired. Reload the page and try again.");
    expectNoInlineCode(html, "403 page");
    expect((await t.services.members.findByEmail("asha@example.com"))?.name).toBe("Asha");

    const logout = await member.form("/logout", {}, { csrf: null });
    expect(logout.status).toBe(403);
    expect((await member.fetch("/api/v1/summary")).status).toBe(200);

    const register = await t
      .newClient()
      .form("/register", { name: "Ravi", email: "ravi@example.com", phone: "", password }, { csrf: null });
    expect(register.status).toBe(403);
    expect(await t.db.users("ravi@example.com")).toHaveLength(0);
  });

  it("a form posted with a wrong token, or another browser's token, gets 403 and changes nothing", async () => {
    const member = await signedInMember(t, "asha@example.com", { password, name: "Asha" });
    await member.fetch("/settings/profile");
    const other = t.newClient();
    await other.fetch("/login");
    expect(other.csrf).not.toBe(member.csrf);
    for (const token of ["x".repeat(32), other.csrf, `${member.csrf}x`]) {
      const res = await member.form(
        "/settings/profile",
        { name: "Changed", phone: "", locale: "en", timeZone: "Asia/Kolkata" },
        { csrf: token },
      );
      expect(res.status).toBe(403);
    }
    expect((await t.services.members.findByEmail("asha@example.com"))?.name).toBe("Asha");
    // the right token works, so the refusals above were about the token
    const ok = await member.form("/settings/profile", {
      name: "Changed",
      phone: "",
      locale: "en",
      timeZone: "Asia/Kolkata",
    });
    expect(ok.status).toBe(303);
    expect((await t.services.members.findByEmail("asha@example.com"))?.name).toBe("Changed");
  });

  it(
    "a form posted from another site (foreign Origin, null Origin or cross-site fetch " +
      "metadata) gets 403 even with the token",
    async () => {
      const member = await signedInMember(t, "asha@example.com", { password, name: "Asha" });
      await member.fetch("/settings/profile");
      const body = new URLSearchParams({
        _csrf: member.csrf,
        name: "Hijacked",
        phone: "",
        locale: "en",
        timeZone: "Asia/Kolkata",
      });
      const attempts: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { origin: "null" },
        { "sec-fetch-site": "cross-site" },
      ];
      for (const headers of attempts) {
        const res = await member.fetch("/settings/profile", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          body,
        });
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(await res.text()).toContain("This request came from another site and was refused.");
      }
      expect((await t.services.members.findByEmail("asha@example.com"))?.name).toBe("Asha");
      const sameSite = await member.fetch("/settings/profile", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, "sec-fetch-site": "same-origin" },
        body,
      });
      expect(sameSite.status).toBe(303);
    },
  );

  it("the API and the account endpoints refuse a cross-site request that carries the member's cookie", async () => {
    const member = await signedInMember(t, "asha@example.com", { password });
    const api = await member.fetch("/api/v1/summary", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual({
      error: { code: "cross-site-request", message: "This request came from another site and was refused." },
    });

    const signOut = await member.fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(signOut.status).toBe(403);
    const change = await member.fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ currentPassword: password, newPassword: "stolen pass phrase", revokeOtherSessions: true }),
    });
    expect(change.status).toBe(403);
    expect((await member.fetch("/api/v1/summary")).status).toBe(200);
    expect((await t.newClient().json("/api/auth/sign-in/email", { email: "asha@example.com", password })).status).toBe(
      200,
    );
  });
});

describe("errors", () => {
  it("an unknown address gives a 404 page, or the JSON envelope under /api, without a stack trace", async () => {
    const page = await t.client.fetch("/no/such/page");
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(heading(html)).toBe("Page not found");
    expect(html).toContain("There is nothing at this address.");
    expectNoStack(html, "404 page");

    const member = await signedInMember(t, "asha@example.com");
    const api = await member.fetch("/api/v1/no-such-thing");
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "not-found", message: "There is nothing at this address." } });
  });

  it("a garbled form body is answered 400 with a plain message, not a stack", async () => {
    const member = await signedInMember(t, "asha@example.com");
    await member.fetch("/settings/profile");
    const res = await member.fetch("/settings/profile", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=zzz", origin: BASE },
      body: "this is not multipart--",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("The request could not be read. Check its format.");
    expectNoStack(html, "garbled form");
  });

  it("malformed JSON to the account endpoints gets a plain 400 without a stack", async () => {
    const res = await t.client.fetch("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email": ',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ message: expect.any(String) });
    expectNoStack(text, "bad JSON");
  });

  it(
    "when the store fails mid-request, the API answers the error envelope and pages a " +
      "message with a reference, never a stack",
    async () => {
      const member = await signedInMember(t, "asha@example.com");
      await t.services.close(); // the database goes away under a running app

      const api = await member.fetch("/api/v1/summary");
      expect(api.status).toBe(500);
      const reference = api.headers.get("x-request-id");
      const text = await api.text();
      expectNoStack(text, "API error");
      const body = JSON.parse(text);
      expect(Object.keys(body)).toEqual(["error"]);
      expect(body.error.code).toBe("internal-error");
      expect(body.error.message).toContain(`quote reference ${reference}`);
      expectStrictHeaders(api, "API 500");

      const page = await member.fetch("/dashboard");
      expect(page.status).toBe(500);
      const html = await page.text();
      expect(heading(html)).toBe("Something went wrong");
      expect(html).toContain(`quote reference ${page.headers.get("x-request-id")}`);
      expectNoStack(html, "page error");
      expectStrictHeaders(page, "page 500");
    },
  );
});

describe("cookies", () => {
  it("every cookie the app sets is HttpOnly and SameSite=Lax", async () => {
    const seen: string[] = [];
    const c = t.newClient();
    const keep = (res: Response) => {
      seen.push(...res.headers.getSetCookie());
      return res;
    };
    keep(await c.fetch("/login"));
    keep(await c.json("/api/auth/sign-up/email", { name: "Asha", email: "asha@example.com", password }));
    const code = await t.smtp!.codeFor("asha@example.com");
    keep(await c.form("/verify", { email: "asha@example.com", code }));
    const { approveMember } = await import("../src/app/approve-member.ts");
    await approveMember(t.services.approval, "asha@example.com", null);
    keep(await c.form("/login", { email: "asha@example.com", password }));
    keep(await c.json("/api/auth/sign-in/email", { email: "asha@example.com", password }));
    keep(await c.form("/logout", {}));

    const names = new Set(seen.map((line) => line.split("=")[0]));
    expect(names).toContain("chitfunds.csrf");
    expect(names).toContain("chitfunds.session_token");
    for (const line of seen) {
      expect(line, line).toMatch(/;\s*HttpOnly/i);
      expect(line, line).toMatch(/;\s*SameSite=Lax/i);
    }
  });

  it("when BASE_URL is https (behind a TLS proxy) every cookie is also Secure", async () => {
    await t.close();
    t = await startTestApp({ env: { BASE_URL: "https://chits.example.com", TRUST_PROXY: "true" } });
    const c = t.newClient();
    const page = await c.fetch("/login");
    const signUp = await c.fetch("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://chits.example.com" },
      body: JSON.stringify({ name: "Asha", email: "asha@example.com", password }),
    });
    expect(signUp.status).toBe(200);
    const code = await t.smtp!.codeFor("asha@example.com");
    const verify = await c.fetch("/api/auth/email-otp/verify-email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://chits.example.com" },
      body: JSON.stringify({ email: "asha@example.com", otp: code }),
    });
    expect(verify.status).toBe(200);
    const cookies = [...page.headers.getSetCookie(), ...verify.headers.getSetCookie()];
    expect(cookies.some((line) => line.includes("session_token="))).toBe(true);
    for (const line of cookies) {
      expect(line, line).toMatch(/;\s*Secure/i);
      expect(line, line).toMatch(/;\s*HttpOnly/i);
    }
  });
});

describe("uploads streamed without a declared length", () => {
  it("are cut off at the upload cap before the form is read", async () => {
    await t.close();
    t = await startTestApp({ env: { RECEIPT_MAX_MB: "0.01" } }); // cap: 10 files x 10 KB + 1 MB of fields
    const member = await signedInMember(t, "streamer@example.com");
    await member.fetch("/dashboard");
    const chunk = new Uint8Array(64 * 1024).fill(65);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 4 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await member.fetch("/chits/any/payments", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", origin: BASE },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });
});
