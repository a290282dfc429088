// Request bodies are capped before anything reads them (declared or streamed, pages, API and better-auth alike), and
// every state-changing page request needs the CSRF token whatever its content type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { expectError } from "./support/api.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp();
  member = await signedInMember(t, "asha@example.com");
  await member.fetch("/dashboard");
});
afterAll(async () => {
  await t.close();
});

/**
 * A body that would be `total` bytes, streamed in 64 KB chunks without a declared length; `sent()` says how much was
 * pulled.
 */
function streamed(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(65);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, sent: () => sent };
}

const TARGETS = [
  ["the login page", "/login", "application/x-www-form-urlencoded"],
  ["better-auth's sign-in", "/api/auth/sign-in/email", "application/json"],
  ["better-auth's sign-up", "/api/auth/sign-up/email", "application/json"],
  ["the JSON API", "/api/v1/chits", "application/json"],
] as const;

describe("body caps", () => {
  for (const [label, path, type] of TARGETS) {
    it(`${label}: a declared 200 MB body is refused with 413 before it is read`, async () => {
      const client = t.newClient();
      const res = await client.fetch(path, {
        method: "POST",
        headers: { "content-type": type, "content-length": String(200 * 1024 * 1024), origin: BASE },
        body: "{}",
      });
      expect(res.status).toBe(413);
      if (path.startsWith("/api/")) {
        const error = await expectError(Promise.resolve(res), 413);
        expect(error.code).toBe("body-too-large");
        expect(error.message).toMatch(/at most 1 MB/);
      } else expect(await res.text()).toContain("The request is too large: at most 1 MB is accepted here.");
    });

    it(
      `${label}: a streamed body is cut off at the 1 MB cap with 413 (a stranger's page post ` +
        "or API call is refused unread)",
      async () => {
        const { body, sent } = streamed(8 * 1024 * 1024);
        const res = await t.newClient().fetch(path, {
          method: "POST",
          headers: { "content-type": type, origin: BASE },
          body,
          duplex: "half",
        } as RequestInit);
        expect(res.status).toBe(path === "/login" ? 403 : path === "/api/v1/chits" ? 401 : 413);
        expect(sent()).toBeLessThan(2 * 1024 * 1024);
      },
    );
  }

  it("a member's streamed page post and API call are cut off at the cap with 413", async () => {
    for (const path of ["/settings/profile", "/api/v1/chits"]) {
      const { body, sent } = streamed(8 * 1024 * 1024);
      const res = await member.fetch(path, {
        method: "POST",
        headers: {
          "content-type": path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded",
          origin: BASE,
        },
        body,
        duplex: "half",
      } as RequestInit);
      expect(res.status, path).toBe(413);
      expect(sent()).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it("a member's JSON over 1 MB is refused, one under it is read", async () => {
    const big = await member.json("/api/v1/chits", { name: "x", notes: "n".repeat(1024 * 1024) });
    expect(big.status).toBe(413);
    const fine = await member.json("/api/v1/chits", {
      name: "x",
      organizer: "o",
      chitValue: 100000,
      members: 20,
      startDate: "2025-01-05",
      dueDay: 5,
    });
    expect(fine.status).toBe(201);
  });
});

describe("one CSRF check for every page action", () => {
  it(
    "a text/plain POST without a token is refused with 403 on every kind of page action, " + "and nothing changes",
    async () => {
      await createAdmin(t.services, { email: "owner@example.com", password: "owner pass phrase" });
      const admin = t.newClient();
      expect((await admin.form("/login", { email: "owner@example.com", password: "owner pass phrase" })).status).toBe(
        303,
      );
      const pending = await signedInMember(t, "pending@example.com", { approve: false });
      const pendingId = (await t.db.users("pending@example.com"))[0]!.id;
      const chit = await member.json("/api/v1/chits", {
        name: "Plain",
        chitValue: 100000,
        members: 20,
        startDate: "2025-01-05",
        dueDay: 5,
      });
      const chitId = ((await chit.json()) as { id: string }).id;
      const actions: [Client, string][] = [
        [admin, `/admin/members/${pendingId}/approve`],
        [admin, `/admin/members/${pendingId}/ban`],
        [member, `/chits/${chitId}/delete`],
        [member, `/chits/${chitId}/payments`],
        [member, "/settings/tokens"],
        [member, "/settings/profile"],
        [member, "/logout"],
      ];
      for (const [client, path] of actions) {
        for (const type of ["text/plain", "application/json", ""]) {
          const res = await client.fetch(path, {
            method: "POST",
            headers: { ...(type ? { "content-type": type } : {}), origin: BASE },
            body:
              type === "application/json"
                ? JSON.stringify({ confirm: "yes", name: "x" })
                : `_csrf=${client.csrf}&confirm=yes`,
          });
          expect(res.status, `${type || "no type"} ${path}`).toBe(403);
        }
      }
      expect((await t.db.users("pending@example.com"))[0]).toMatchObject({ status: "pending", banned: false });
      expect(await t.db.chitCount(chitId)).toBe(1);
      expect((await member.fetch("/dashboard")).status).toBe(200);
      void pending;
    },
  );

  it("a script on our page may send the token in the X-CSRF-Token header instead", async () => {
    const client = await signedInMember(t, "header@example.com");
    await client.fetch("/dashboard");
    const refused = await client.fetch("/logout", {
      method: "POST",
      headers: { origin: BASE, "x-csrf-token": "x".repeat(32) },
    });
    expect(refused.status).toBe(403);
    const res = await client.fetch("/logout", {
      method: "POST",
      headers: { origin: BASE, "x-csrf-token": client.csrf },
    });
    expect(res.status).toBe(303);
    expect((await client.fetch("/dashboard")).status).toBe(303);
  });

  it("a POST from a browser without our cookie is refused before its body is read", async () => {
    const { body, sent } = streamed(600 * 1024);
    const res = await t.newClient().fetch("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(403);
    expect(sent()).toBeLessThan(600 * 1024);
  });

  it("an anonymous upload to a payment form is refused before its body is read", async () => {
    const anon = t.newClient();
    await anon.fetch("/login");
    const { body, sent } = streamed(8 * 1024 * 1024);
    const res = await anon.fetch("/chits/any/payments", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", origin: BASE },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(403);
    expect(sent()).toBeLessThan(1024 * 1024);
  });
});
