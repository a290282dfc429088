// GET /metrics: Prometheus text behind METRICS_TOKEN (or alone on an internal port), with request latency by route
// pattern, store latency, receipts stored and reminders sent; and error reports to Sentry only when SENTRY_DSN is set.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { countingNotifier } from "../src/adapters/metrics/counted-ports.ts";
import { prometheusMetrics } from "../src/adapters/metrics/prometheus-metrics.ts";
import type { Notifier } from "../src/ports/notifier.ts";
import { createMetricsApp } from "../src/web/routes/metrics-routes.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { addChit, idFrom, jpeg, postMultipart } from "./support/ledger-pages.ts";
import { TEST_STORE } from "./support/store.ts";

const TOKEN = "a-metrics-token-of-thirty-two-chars";
const scrape = (t: TestApp, token?: string) =>
  t.newClient().fetch("/metrics", token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** The value of one sample line, e.g. metric{a="b"} 3. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = text
    .split("\n")
    .find((l) =>
      l.startsWith(`${name}{`) || l.startsWith(`${name} `)
        ? Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))
        : false,
    );
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("GET /metrics", () => {
  it("is not there unless METRICS_TOKEN or METRICS_PORT is set", async () => {
    t = await startTestApp();
    expect((await scrape(t)).status).toBe(404);
    expect((await scrape(t, TOKEN)).status).toBe(404);
  });

  it("answers only with the token", async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
    const none = await scrape(t);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await scrape(t, "not-the-token-but-long-enough-to-look-real")).status).toBe(401);
    const ok = await scrape(t, TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const text = await ok.text();
    expect(text).toMatch(/^# TYPE chitfunds_process_resident_memory_bytes gauge$/m);
    expect(text).toMatch(/^# TYPE chitfunds_http_request_duration_seconds histogram$/m);
  });

  it("times requests by route pattern, times the store, and counts receipts stored", async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
    const member = await signedInMember(t, "metrics@example.com");
    const chitId = await addChit(member);
    expect((await member.fetch(`/chits/${chitId}`)).status).toBe(200);
    expect((await member.fetch(`/chits/${chitId}`)).status).toBe(200);
    expect((await member.fetch("/chits/no-such-chit")).status).toBe(404);
    const recorded = await postMultipart(
      member,
      `/chits/${chitId}/payments`,
      { instalment: "1", amount: "100", method: "upi" },
      [{ name: "upi.jpg", type: "image/jpeg", bytes: new Uint8Array(await jpeg()) }],
    );
    expect(recorded.status).toBe(303);
    idFrom(recorded, "/payments/");

    const text = await (await scrape(t, TOKEN)).text();
    expect(
      sample(text, "chitfunds_http_request_duration_seconds_count", {
        method: "GET",
        route: "/chits/:id",
        status: "200",
      }),
    ).toBe(2);
    expect(
      sample(text, "chitfunds_http_request_duration_seconds_count", {
        method: "GET",
        route: "/chits/:id",
        status: "404",
      }),
    ).toBe(1);
    expect(text).not.toContain(chitId);
    expect(text).toMatch(
      /chitfunds_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/chits\/:id",status="200"\}/,
    );
    // SQLite counts statements by kind; MongoDB counts the driver's commands by name.
    const [read, write] = TEST_STORE === "sqlite" ? ["select", "insert"] : ["find", "insert"];
    expect(
      sample(text, "chitfunds_store_operation_duration_seconds_count", { store: TEST_STORE, operation: read }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, "chitfunds_store_operation_duration_seconds_count", { store: TEST_STORE, operation: write }),
    ).toBeGreaterThan(0);
    expect(sample(text, "chitfunds_receipts_stored_total")).toBe(1);
  });

  it("serves the same text on the internal listener without a token", async () => {
    t = await startTestApp({ env: { METRICS_PORT: "9464" } });
    const internal = createMetricsApp(t.services);
    const res = await internal.request("/metrics");
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/chitfunds_process_cpu_seconds_total/);
    expect((await internal.request("/dashboard")).status).toBe(404);
    expect((await scrape(t)).status).toBe(404); // no token set: nothing on the public port
  });
});

describe("reminder metrics", () => {
  it("count each message by channel and outcome", async () => {
    const metrics = prometheusMetrics();
    let fail = false;
    const email: Notifier = {
      channel: "email",
      reaches: () => true,
      async send() {
        if (fail) throw new Error("SMTP refused");
      },
    };
    const counted = countingNotifier(email, metrics);
    const member = {} as Parameters<Notifier["send"]>[0];
    const message = {} as Parameters<Notifier["send"]>[1];
    await counted.send(member, message);
    await counted.send(member, message);
    fail = true;
    await expect(counted.send(member, message)).rejects.toThrow("SMTP refused");
    const { body } = await metrics.render();
    expect(sample(body, "chitfunds_reminders_sent_total", { channel: "email", outcome: "sent" })).toBe(2);
    expect(sample(body, "chitfunds_reminders_sent_total", { channel: "email", outcome: "failed" })).toBe(1);
  });
});

describe("error reports", () => {
  it("go to Sentry when SENTRY_DSN is set, with the request id and route, and no cookies", async () => {
    const envelopes: string[] = [];
    const ingest = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        envelopes.push((req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8"));
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => ingest.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = ingest.address() as AddressInfo;
      t = await startTestApp({ env: { SENTRY_DSN: `http://publickey@127.0.0.1:${port}/42` } });
      expect(t.services.errors.kind).toBe("sentry");
      const member = await signedInMember(t, "sentry@example.com");
      // The store goes away under the app: the next page fails in a way nobody planned for.
      await t.services.close();
      const res = await member.fetch("/chits");
      expect(res.status).toBeGreaterThanOrEqual(500);
      const reference = /reference ([\w-]+)/.exec(await res.text())?.[1];
      await t.services.errors.flush(5000);
      const report = envelopes.find((e) => e.includes('"exception"'));
      expect(report, "an exception envelope reached the ingest").toBeDefined();
      expect(report).toContain(`"request_id":"${reference}"`);
      expect(report).toContain('"route":"/chits"');
      expect(report).not.toMatch(/chitfunds\.session_token|chitfunds\.csrf/);
    } finally {
      await new Promise((resolve) => ingest.close(resolve));
    }
  });

  it("stay home without SENTRY_DSN", async () => {
    t = await startTestApp();
    expect(t.services.errors.kind).toBe("none");
  });
});
