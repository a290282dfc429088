// Personal API tokens: created with a session and shown once, stored as a hash, accepted as Bearer on /api/v1 until
// revoked or expired, never able to create tokens, and managed from Settings > API tokens.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/ports/clock.ts";
import { type ChitListBody, createChit, expectError, expectStatus } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";

type NewToken = {
  id: string;
  name: string;
  token: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};
type TokenList = { tokens: Omit<NewToken, "token">[] };

let now = new Date("2026-03-01T06:00:00Z");
const clock: Clock = { now: () => now };
let t: TestApp;
let asha: Client;

beforeAll(async () => {
  t = await startTestApp({ clock });
  asha = await signedInMember(t, "asha@example.com");
  await createChit(asha, { name: "Asha's Shriram 1L" });
});
afterAll(async () => {
  await t.close();
});

const bearer = (token: string, path: string, init: RequestInit = {}) =>
  t.newClient().fetch(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
  });

const createToken = (client: Client, body: Record<string, unknown>) =>
  expectStatus<NewToken>(client.json("/api/v1/tokens", body), 201);

describe("a token created through the API", () => {
  it("reads /api/v1/chits with Bearer, shows its last use, and stops working once revoked", async () => {
    const created = await createToken(asha, { name: "Home spreadsheet" });
    expect(created.token).toMatch(/^cfl_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const chits = await expectStatus<ChitListBody>(bearer(created.token, "/api/v1/chits"), 200);
    expect(chits.chits.map((c) => c.name)).toEqual(["Asha's Shriram 1L"]);

    const listed = await expectStatus<TokenList>(asha.fetch("/api/v1/tokens"), 200);
    const mine = listed.tokens.find((x) => x.id === created.id)!;
    expect(mine).toMatchObject({ name: "Home spreadsheet", lastUsedAt: now.toISOString(), expiresAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);

    expect(
      (
        await asha.fetch(`/api/v1/tokens/${created.id}`, {
          method: "DELETE",
          headers: { origin: "http://localhost:3000" },
        })
      ).status,
    ).toBe(204);
    const refused = await expectError(bearer(created.token, "/api/v1/chits"), 401);
    expect(refused.code).toBe("invalid-token");
    expect(refused.message).toMatch(/revoked|expired/);
  });

  it("is stored only as a SHA-256 hash", async () => {
    const created = await createToken(asha, { name: "Hash check" });
    const dump = JSON.stringify(await t.db.apiTokenRecords());
    expect(dump).not.toContain(created.token);
    expect(dump).toContain(createHash("sha256").update(created.token).digest("hex"));
  });

  it("works on every kind of /api/v1 route, including POST and the CSV export", async () => {
    const { token } = await createToken(asha, { name: "Script" });
    const chit = await expectStatus<{ id: string }>(
      bearer(token, "/api/v1/chits", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "By script", chitValue: 50000, members: 10, startDate: "2026-01-10", dueDay: 10 }),
      }),
      201,
    );
    expect((await bearer(token, `/api/v1/chits/${chit.id}/schedule`)).status).toBe(200);
    expect((await bearer(token, "/api/v1/payments/export.csv")).status).toBe(200);
  });
});

describe("what a token cannot do", () => {
  it("cannot create tokens: 403 with a clear message", async () => {
    const { token } = await createToken(asha, { name: "Limited" });
    const error = await expectError(
      bearer(token, "/api/v1/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Another" }),
      }),
      403,
    );
    expect(error.code).toBe("token-cannot-create-tokens");
    expect(error.message).toMatch(/cannot create tokens/);
  });

  it("stops working when it expires", async () => {
    const { token, expiresAt } = await createToken(asha, { name: "Short", expiresInDays: 7 });
    expect(expiresAt).toBe(new Date(now.getTime() + 7 * 86_400_000).toISOString());
    expect((await bearer(token, "/api/v1/chits")).status).toBe(200);
    const before = now;
    now = new Date(before.getTime() + 8 * 86_400_000);
    try {
      expect((await expectError(bearer(token, "/api/v1/chits"), 401)).code).toBe("invalid-token");
    } finally {
      now = before;
    }
  });

  it("is refused when made up, and does not open pages", async () => {
    expect((await expectError(bearer("cfl_madeup", "/api/v1/chits"), 401)).code).toBe("invalid-token");
    expect((await expectError(bearer("not-even-ours", "/api/v1/summary"), 401)).code).toBe("invalid-token");
    const { token } = await createToken(asha, { name: "Pages" });
    const page = await bearer(token, "/dashboard");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toMatch(/^\/login/);
  });

  it("speaks for a banned member no more: 403 at the next request", async () => {
    const bharat = await signedInMember(t, "bharat@example.com");
    const { token } = await createToken(bharat, { name: "Bharat's" });
    expect((await bearer(token, "/api/v1/chits")).status).toBe(200);
    const member = (await t.services.members.findByEmail("bharat@example.com"))!;
    await t.services.members.update(member.id, { banned: true, banReason: "test" });
    expect((await expectError(bearer(token, "/api/v1/chits"), 403)).code).toBe("account-banned");
  });

  it("cannot be revoked or seen by another member", async () => {
    const { id, token } = await createToken(asha, { name: "Private" });
    const chitra = await signedInMember(t, "chitra@example.com");
    expect(
      (await chitra.fetch(`/api/v1/tokens/${id}`, { method: "DELETE", headers: { origin: "http://localhost:3000" } }))
        .status,
    ).toBe(404);
    expect((await expectStatus<TokenList>(chitra.fetch("/api/v1/tokens"), 200)).tokens).toEqual([]);
    expect((await bearer(token, "/api/v1/chits")).status).toBe(200);
  });

  it("needs a name, and an expiry of whole days", async () => {
    const error = await expectError(asha.json("/api/v1/tokens", { name: " ", expiresInDays: 0 }), 400);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["expiresInDays", "name"]);
  });
});

describe("Settings > API tokens page", () => {
  it("creates a token and shows it once, lists it with its last use, and revokes it", async () => {
    const devi = await signedInMember(t, "devi@example.com");
    const empty = await devi.fetch("/settings/tokens");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("No tokens yet.");

    const created = await devi.form("/settings/tokens", { name: "Tally export", expiresInDays: "30" });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const html = await created.text();
    const token = /id="new-token" type="text" readonly="" value="(cfl_[^"]+)"/.exec(html)?.[1];
    expect(token, "the page shows the new token").toBeDefined();
    expect(html).toContain("shown only this once");

    expect((await bearer(token!, "/api/v1/chits")).status).toBe(200);
    const list = await (await devi.fetch("/settings/tokens")).text();
    expect(list).toContain("Tally export");
    expect(list).not.toContain(token!);
    expect(list).not.toMatch(/<td>Never<\/td>\s*<td>/); // used once: a last-use time, not "Never"

    const { tokens } = await expectStatus<TokenList>(devi.fetch("/api/v1/tokens"), 200);
    const revoked = await devi.form(`/settings/tokens/${tokens[0]!.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(await (await devi.fetch(revoked.headers.get("location")!)).text()).toContain("Token revoked");
    expect((await bearer(token!, "/api/v1/chits")).status).toBe(401);
  });

  it("keeps what was typed and says what is wrong", async () => {
    const res = await asha.form("/settings/tokens", { name: "", expiresInDays: "30" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Give the token a name");
    expect(html).toMatch(/<option value="30" selected/);
  });
});

describe("the API documentation page", () => {
  it("lists the API's paths from /api/openapi.json, without a session", async () => {
    const res = await t.newClient().fetch("/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const path of [
      "/api/v1/chits",
      "/api/v1/tokens",
      "/api/v1/imports",
      "/api/v1/chits/{id}/statement.pdf",
      "/api/v1/payments/export.csv",
    ])
      expect(html).toContain(`<code class="fs-6">${path}</code>`);
    expect(html).not.toMatch(/<script(?![^>]*src=)/); // no inline script under the strict CSP
  });
});
