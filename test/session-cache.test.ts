// The session cookie cache (SESSION_CACHE_SECONDS, default 60): signed-in requests skip the session lookup in the
// store; a member's own changes show at once; a ban reaches open sessions only when the cached cookie expires.
import { afterEach, describe, expect, it } from "vitest";
import { setMemberBan } from "../src/app/set-member-ban.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { selectedOption } from "./support/html.ts";

const METRICS_TOKEN = "metrics-token-for-the-session-cache-test";

/** Statements sent to the store so far, from the app's own /metrics. */
async function statements(client: Client): Promise<number> {
  const res = await client.fetch("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("chitfunds_store_operation_duration_seconds_count"))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
}

async function statementsFor(client: Client, path: string): Promise<number> {
  const before = await statements(client);
  expect((await client.fetch(path)).status).toBe(200);
  return (await statements(client)) - before;
}

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const start = (seconds: string) => startTestApp({ env: { SESSION_CACHE_SECONDS: seconds, METRICS_TOKEN } });

describe("the session cookie cache", () => {
  it("spares the store the session lookup on signed-in requests", async () => {
    t = await start("0");
    const uncached = await signedInMember(t, "plain@example.com");
    await uncached.fetch("/api/v1/summary");
    const withoutCache = await statementsFor(uncached, "/api/v1/summary");
    await t.close();

    t = await start("60");
    const cached = await signedInMember(t, "cached@example.com");
    await cached.fetch("/api/v1/summary");
    const withCache = await statementsFor(cached, "/api/v1/summary");
    expect(withCache).toBeLessThan(withoutCache);
  });

  it("shows a member's own change of time zone at the very next page", async () => {
    t = await start("60");
    const member = await signedInMember(t, "zone@example.com");
    await member.fetch("/settings/profile");
    const saved = await member.form("/settings/profile", {
      name: "Zone",
      phone: "",
      locale: "en",
      timeZone: "Asia/Dubai",
    });
    expect(saved.status).toBe(303);
    const page = await (await member.fetch("/settings/profile")).text();
    expect(selectedOption(page, "timeZone")).toBe("Asia/Dubai");
  });

  it("lets a ban reach an already open session once the cached cookie expires, as the admin page says", async () => {
    t = await start("1");
    const member = await signedInMember(t, "banned-later@example.com");
    expect((await member.fetch("/api/v1/summary")).status).toBe(200);
    await setMemberBan(t.services, "banned-later@example.com", { banned: true }, null);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await member.fetch("/api/v1/summary")).status).toBe(401);

    const admin = await signedInMember(t, "admin@example.com");
    const { createAdmin } = await import("../src/app/create-admin.ts");
    await createAdmin(t.services, { email: "admin@example.com", password: "correct horse battery" });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const list = await (await admin.fetch("/admin/members")).text();
    expect(list).toMatch(/reaches a member(&#39;|')s sessions that are already open within 1 seconds/);
  });
});
