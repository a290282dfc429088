// Pages and API answers drawn from the ledger are kept, compressed, until the ledger changes: asked again, they cost
// one read of the ledger's revision; any change (here, or by another instance sharing the store) shows at the next
// request; each browser gets its own CSRF token and each member their own page.
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp } from "../src/web/app.tsx";
import { responseCache } from "../src/web/response-cache.ts";
import { createChit, pay } from "./support/api.ts";
import { BASE, Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { onStore } from "./support/store.ts";

const METRICS_TOKEN = "metrics-token-for-the-response-cache-test";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { METRICS_TOKEN, SESSION_CACHE_SECONDS: "60" } });
});
afterAll(() => t.close());

/** Store statements (SQLite) or commands (MongoDB) so far, from the app's /metrics. */
async function storeOperations(client: Client): Promise<number> {
  const text = await (await client.fetch("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("chitfunds_store_operation_duration_seconds_count"))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
}

const csrfMeta = (html: string) => /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];

describe("kept answers", () => {
  it(
    "answer a page asked again from memory: the same bytes for one read of the revision, " + "and 304 for its ETag",
    async () => {
      const member = await signedInMember(t, "kept@example.com");
      const chit = await createChit(member);
      await pay(member, chit.id, { amount: 5000 });
      const br = { "accept-encoding": "br" };
      for (const path of [
        "/dashboard",
        "/api/v1/summary",
        `/chits/${chit.id}`,
        "/payments",
        "/chits",
        `/api/v1/chits/${chit.id}/schedule`,
      ]) {
        const first = await member.fetch(path, { headers: br });
        expect(first.status, path).toBe(200);
        const firstBody = Buffer.from(await first.arrayBuffer());
        const before = await storeOperations(member);
        const again = await member.fetch(path, { headers: br });
        const againBody = Buffer.from(await again.arrayBuffer());
        // SQLite counts statements one by one; the MongoDB driver's commands include its own (sessions, getMore).
        if (onStore("sqlite")) expect((await storeOperations(member)) - before, path).toBe(1);
        expect(again.headers.get("content-encoding"), path).toBe("br");
        expect(againBody.equals(firstBody), path).toBe(true);
        const etag = again.headers.get("etag");
        expect(etag, path).toMatch(/^"[\w-]+"$/);
        expect(again.headers.get("cache-control")).toBe("private, no-cache");
        const revalidated = await member.fetch(path, { headers: { ...br, "if-none-match": etag! } });
        expect(revalidated.status, path).toBe(304);
        expect(await revalidated.text()).toBe("");
      }
    },
  );

  it("are made once when many requests for one page arrive together, and shared by all of them", async () => {
    const member = await signedInMember(t, "together@example.com");
    const chit = await createChit(member);
    const br = { "accept-encoding": "br" };
    // A payment changes the ledger, so nothing is kept; the page after it takes the session the write renewed.
    const changeLedger = async () => {
      await pay(member, chit.id, { amount: 100 });
      expect((await member.fetch("/settings/activity")).status).toBe(200);
    };
    for (const path of ["/dashboard", `/chits/${chit.id}`, "/api/v1/summary"]) {
      await changeLedger();
      let before = await storeOperations(member);
      expect((await member.fetch(path, { headers: br })).status, path).toBe(200);
      const made = (await storeOperations(member)) - before; // what one answer costs when nothing is kept
      expect(made, path).toBeGreaterThan(1);

      await changeLedger();
      before = await storeOperations(member);
      const answers = await Promise.all(Array.from({ length: 12 }, () => member.fetch(path, { headers: br })));
      const bodies = await Promise.all(answers.map(async (a) => Buffer.from(await a.arrayBuffer())));
      expect(
        answers.map((a) => a.status).every((s) => s === 200),
        path,
      ).toBe(true);
      expect(
        bodies.every((b) => b.equals(bodies[0]!)),
        path,
      ).toBe(true);
      expect(answers.map((a) => a.headers.get("content-encoding"))).toEqual(Array(12).fill("br"));
      // each reads the ledger's revision; one of them makes the answer (SQLite counts statements one by one)
      if (onStore("sqlite")) expect((await storeOperations(member)) - before, path).toBe(made + 11);
    }
  });

  it("show a payment at the next request, from this instance or another one sharing the store", async () => {
    const member = await signedInMember(t, "changes@example.com");
    const chit = await createChit(member);
    const totalPaid = async (client: Client) =>
      ((await (await client.fetch("/api/v1/summary")).json()) as { totals: { paid: number } }).totals.paid;
    expect(await totalPaid(member)).toBe(0);
    const etag = (await member.fetch("/dashboard")).headers.get("etag");
    await pay(member, chit.id, { amount: 1234 });
    expect(await totalPaid(member)).toBe(1234);
    expect((await member.fetch("/dashboard", { headers: { "if-none-match": etag! } })).status).toBe(200);

    // A second instance keeps its own answers; a write through it reaches this instance's next answer all the same.
    const other = createWebApp(t.services);
    const sameBrowser = new Client(other.request.bind(other));
    const cookie = member.cookieHeader();
    const viaOther = await sameBrowser.fetch(`/api/v1/chits/${chit.id}/payments`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ amount: 100 }),
    });
    expect(viaOther.status).toBe(201);
    expect(await totalPaid(member)).toBe(1334);
  });

  it("give each browser its own CSRF token and each member their own page", async () => {
    const first = await signedInMember(t, "two-browsers@example.com", { name: "Asha" });
    const secondBrowser = t.newClient();
    const signIn = await secondBrowser.json("/api/auth/sign-in/email", {
      email: "two-browsers@example.com",
      password: "correct horse battery",
    });
    expect(signIn.status).toBe(200);
    const pageOne = await (await first.fetch("/dashboard")).text();
    await first.fetch("/dashboard");
    const pageTwo = await (await secondBrowser.fetch("/dashboard")).text();
    expect(csrfMeta(pageOne)).toBe(first.csrf);
    expect(csrfMeta(pageTwo)).toBe(secondBrowser.csrf);
    expect(first.csrf).not.toBe(secondBrowser.csrf);

    const someoneElse = await signedInMember(t, "someone-else@example.com", { name: "Ravi" });
    const theirs = await (await someoneElse.fetch("/dashboard")).text();
    expect(theirs).toContain("Ravi");
    expect(theirs).not.toContain("Asha");
    expect((await (await first.fetch("/dashboard")).text()).includes("Asha")).toBe(true);
  });

  it("follow the member's own change of name and language at once", async () => {
    const member = await signedInMember(t, "renamed@example.com", { name: "Old Name" });
    expect(await (await member.fetch("/dashboard")).text()).toContain("Old Name");
    const saved = await member.form("/settings/profile", {
      name: "New Name",
      phone: "",
      locale: "hi",
      timeZone: "Asia/Kolkata",
    });
    expect(saved.status).toBe(303);
    const page = await member.fetch("/dashboard", { headers: { "accept-encoding": "br" } });
    const html = brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString("utf8");
    expect(html).toContain("New Name");
    expect(html).toMatch(/<html lang="hi"/);
  });
});

describe("the response cache", () => {
  const entry = (bytes: number) => ({
    contentType: "text/html",
    encoding: null,
    body: new Uint8Array(bytes),
    etag: '"x"',
  });

  it("keeps at most its budget, dropping the least recently used first", () => {
    const cache = responseCache(20_000);
    for (const key of ["a", "b", "c", "d"]) cache.set(key, entry(4500));
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    cache.set("e", entry(4500));
    expect(cache.size()).toBeLessThanOrEqual(20_000);
    expect(cache.get("b")).toBeUndefined();
    for (const key of ["a", "c", "d", "e"]) expect(cache.get(key), key).toBeDefined();
  });

  it("does not let one large answer push out the rest", () => {
    const cache = responseCache(10_000);
    cache.set("small", entry(1000));
    cache.set("huge", entry(5000));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("small")).toBeDefined();
  });
});
