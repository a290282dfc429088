// Pages and API answers go out compressed (brotli or gzip) to clients that accept it, never streams or requests from
// other sites; front-end files are fingerprinted, cached for a year as immutable, and precompressed.
import { readFileSync } from "node:fs";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferredEncoding } from "../src/web/middleware/compression.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { addChit } from "./support/ledger-pages.ts";

let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp();
  member = await signedInMember(t, "compressed@example.com");
  await addChit(member);
});
afterAll(() => t.close());

const raw = (path: string, headers: Record<string, string> = {}) =>
  t.app.request(`${BASE}${path}`, { headers: { cookie: member.cookieHeader(), ...headers } });

function decoded(res: Response, body: Buffer): string {
  const encoding = res.headers.get("content-encoding");
  return (encoding === "br" ? brotliDecompressSync(body) : encoding === "gzip" ? gunzipSync(body) : body).toString(
    "utf8",
  );
}

describe("compressed answers", () => {
  it("send the dashboard as brotli to a browser that takes it, and say so in Vary", async () => {
    const res = await raw("/dashboard", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toMatch(/Accept-Encoding/i);
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    const html = decoded(res, body);
    expect(html).toMatch(/^<!DOCTYPE html>|^<html/i);
    expect(body.length).toBeLessThan(Buffer.byteLength(html) / 3);
  });

  it("fall back to gzip, and to none, as the client asks", async () => {
    const gz = await raw("/api/v1/summary", { "accept-encoding": "gzip;q=1, br;q=0" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(decoded(gz, Buffer.from(await gz.arrayBuffer())))).toHaveProperty("totals");
    const none = await raw("/api/v1/summary");
    expect(none.headers.get("content-encoding")).toBeNull();
    expect(await none.json()).toHaveProperty("totals");
  });

  it("leave small answers and pages asked for from another site alone", async () => {
    expect((await raw("/healthz", { "accept-encoding": "br" })).headers.get("content-encoding")).toBeNull();
    const crossSite = await raw("/dashboard", {
      "accept-encoding": "br",
      "sec-fetch-site": "cross-site",
      "sec-fetch-mode": "navigate",
    });
    expect(crossSite.status).toBe(200);
    expect(crossSite.headers.get("content-encoding")).toBeNull();
  });

  it("never hold back the live notification stream", async () => {
    const res = await raw("/events", { "accept-encoding": "br, gzip", accept: "text/event-stream" });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("content-encoding")).toBeNull();
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^(:|event:|data:|retry:)/m);
    await reader.cancel();
  });

  it("pick the encoding by quality", () => {
    expect(preferredEncoding("gzip, deflate, br")).toBe("br");
    expect(preferredEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(preferredEncoding("identity")).toBeNull();
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding(undefined)).toBeNull();
  });
});

describe("front-end files", () => {
  const linked = async () => {
    const html = await (await raw("/dashboard")).text();
    const css = /href="(\/assets\/bootstrap\/bootstrap\.min\.([0-9a-f]{10})\.css)"/.exec(html);
    expect(css, "the page links Bootstrap by a fingerprinted name").not.toBeNull();
    return { url: css![1]!, hash: css![2]! };
  };

  it("are linked by fingerprint and cached for a year as immutable, precompressed", async () => {
    const { url } = await linked();
    const res = await t.app.request(url, { headers: { "accept-encoding": "br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const original = readFileSync("node_modules/bootstrap/dist/css/bootstrap.min.css");
    const body = Buffer.from(await res.arrayBuffer());
    expect(brotliDecompressSync(body).equals(original)).toBe(true);
    expect(body.length).toBeLessThan(original.length / 8);
  });

  it("answer 304 to a client that holds the content, and revalidate plain or outdated names", async () => {
    const { url, hash } = await linked();
    const first = await t.app.request(url);
    const etag = first.headers.get("etag")!;
    expect(etag).toContain(hash);
    expect((await t.app.request(url, { headers: { "if-none-match": etag } })).status).toBe(304);
    const plain = await t.app.request("/assets/bootstrap/bootstrap.min.css");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const outdated = await t.app.request("/assets/bootstrap/bootstrap.min.0123456789.css");
    expect(outdated.status).toBe(200);
    expect(outdated.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect((await t.app.request("/assets/../package.json")).status).toBe(404);
    expect((await t.app.request("/assets/nothing.0123456789.js")).status).toBe(404);
  });
});
