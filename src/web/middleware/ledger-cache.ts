// Pages and API answers drawn only from the member's ledger (dashboard, summary, chits, schedule, payment history) are
// kept, compressed, until the ledger changes: a repeated GET costs one read of the ledger's revision in the store and a
// lookup, instead of the store's sums, the schedules, the rates and the rendering. The key holds everything such an
// answer depends on: the member (and what the page shell shows of them), the ledger's revision, the member's today,
// the language, the browser's CSRF token (in every page), the address with its query, and the encoding. The revision
// is read from the store on every request, so one instance never serves what another instance's write made stale.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { todayIn } from "../../domain/dates.ts";
import type { WebEnv } from "../env.ts";
import type { CachedResponse } from "../response-cache.ts";
import { encodeBody, responseEncoding } from "./compression.ts";

function keyOf(c: Context<WebEnv>, revision: number, encoding: string | null): string {
  const m = c.get("member");
  const url = c.req.url;
  const pathAndQuery = url.slice(url.indexOf("/", url.indexOf("//") + 2));
  return [
    m.id,
    revision,
    todayIn(m.timeZone, c.get("services").clock.now()),
    c.get("locale"),
    // Pages carry the browser's CSRF token; API answers do not (and API clients often keep no cookie).
    c.req.path.startsWith("/api/") ? "" : c.get("csrfToken"),
    m.name,
    m.email,
    m.role,
    m.timeZone,
    m.locale ?? "",
    c.get("apiTokenId") ?? "",
    pathAndQuery,
    encoding ?? "identity",
  ].join("\n");
}

/** The headers a kept answer goes out with; private: it is one member's, and checked again (ETag) before reuse. */
function headersOf(hit: CachedResponse): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": hit.contentType,
    "cache-control": "private, no-cache",
    etag: hit.etag,
    vary: "Accept-Encoding",
  };
  if (hit.encoding) headers["content-encoding"] = hit.encoding;
  return headers;
}

const notModified = (c: Context<WebEnv>, hit: CachedResponse) =>
  c.req
    .header("if-none-match")
    ?.split(",")
    .some((tag) => tag.trim() === hit.etag || tag.trim() === `W/${hit.etag}`) ?? false;

/** A kept answer to this request: 304 when the browser has it, else the bytes as kept. */
function serveKept(c: Context<WebEnv>, hit: CachedResponse) {
  const { "content-type": _, "content-encoding": __, ...validators } = headersOf(hit);
  if (notModified(c, hit)) return c.body(null, 304, validators);
  return c.body(hit.body, 200, { ...headersOf(hit), "content-length": String(hit.body.byteLength) });
}

/**
 * Serves a member's GET from the app's response cache while their ledger stays the same; stores each fresh 200. A
 * request arriving while another makes the same answer waits for it (same key, same answer) instead of making it too.
 */
export const ledgerCached = createMiddleware<WebEnv>(async (c, next) => {
  const cache = c.get("responseCache");
  if (!cache || c.req.method !== "GET") return next();
  const member = c.get("member");
  const revision = await c.get("services").ledger.chits.revision(member.id);
  const encoding = responseEncoding(c);
  const key = keyOf(c, revision, encoding);
  const hit = cache.get(key);
  if (hit) return serveKept(c, hit);
  const waiting = cache.pending(key);
  const shared = waiting && (await waiting);
  if (shared) return serveKept(c, shared);
  // no await between finding none pending and saying this request makes it: two requests cannot both miss the other
  const made = cache.making(key);
  let entry: CachedResponse | undefined;
  try {
    await next();
    const res = c.res;
    if (
      res.status !== 200 ||
      !res.body ||
      res.headers.has("content-encoding") ||
      res.headers.has("content-disposition")
    )
      return;
    const out = await encodeBody(new Uint8Array(await res.arrayBuffer()), encoding);
    entry = {
      contentType: res.headers.get("content-type") ?? "application/octet-stream",
      encoding: out.encoding,
      body: out.body,
      etag: `"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`,
    };
    cache.set(key, entry);
    const headers = new Headers(res.headers);
    for (const [name, value] of Object.entries(headersOf(entry))) headers.set(name, value);
    headers.set("content-length", String(entry.body.byteLength));
    c.res = undefined; // otherwise Hono copies the route's headers back over these
    c.res = new Response(entry.body, { status: 200, headers });
  } finally {
    made(entry); // those waiting make their own answer when this one is not kept (an error, a redirect)
  }
});
