// Single requests as a browser makes them (cookies kept), timed, with the store statements each one cost (read from
// the server's own /metrics before and after) and the bytes a page and its assets take on the wire.
import { request as httpRequest } from "node:http";

export type Session = { base: string; headers: Record<string, string>; metricsToken: string };

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in with email and password and keeps the session and CSRF cookies, like a browser. */
export async function signIn(base: string, email: string, password: string, metricsToken: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookies = cookiesOf(res);
  const page = await fetch(`${base}/dashboard`, { headers: { cookie: cookies.join("; ") } });
  await page.arrayBuffer();
  cookies.push(...cookiesOf(page));
  return { base, headers: { cookie: cookies.join("; ") }, metricsToken };
}

/** Statements (SQLite) or commands (MongoDB) the server has sent to its store since it started. */
export async function storeOperations(s: Session): Promise<number> {
  const res = await fetch(`${s.base}/metrics`, { headers: { authorization: `Bearer ${s.metricsToken}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("chitfunds_store_operation_duration_seconds_count")) total += Number(line.split(" ").pop());
  }
  return total;
}

export type Probe = { ms: number; bytes: number; statements: number; status: number };

/** Keeps the cookies a response sets, as a browser does (better-auth renews its session copy every minute). */
function keepCookies(s: Session, res: Response) {
  const set = cookiesOf(res);
  if (set.length === 0) return;
  const jar = new Map(s.headers.cookie!.split("; ").map((c) => [c.slice(0, c.indexOf("=")), c] as const));
  for (const c of set) jar.set(c.slice(0, c.indexOf("=")), c);
  s.headers.cookie = [...jar.values()].filter((c) => c.indexOf("=") < c.length - 1).join("; ");
}

export async function probe(s: Session, path: string, init: RequestInit = {}): Promise<Probe> {
  const before = await storeOperations(s);
  const started = performance.now();
  const res = await fetch(`${s.base}${path}`, {
    ...init,
    headers: { ...s.headers, ...(init.headers as Record<string, string>) },
  });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  keepCookies(s, res);
  const statements = (await storeOperations(s)) - before;
  return { ms, bytes: body.byteLength, statements, status: res.status };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : Number.NaN;
};

/** Bytes on the wire for one GET as a browser asks (br, gzip): headers and the body as sent, before decoding. */
function wireBytes(
  url: string,
  headers: Record<string, string>,
): Promise<{ bytes: number; body: Buffer; encoding: string; cacheControl: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { ...headers, "accept-encoding": "br, gzip, deflate" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const head =
          `HTTP/1.1 ${res.statusCode} ` +
          `${res.statusMessage}\r\n${res.rawHeaders.map((v, i) => (i % 2 ? `${v}\r\n` : `${v}: `)).join("")}\r\n`;
        resolve({
          bytes: body.length + Buffer.byteLength(head),
          body,
          encoding: String(res.headers["content-encoding"] ?? "identity"),
          cacheControl: String(res.headers["cache-control"] ?? ""),
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A first visit to a page: the page, then every stylesheet and script it names (what a browser must fetch). */
export async function firstLoad(s: Session, path: string) {
  const { brotliDecompressSync, gunzipSync } = await import("node:zlib");
  const page = await wireBytes(`${s.base}${path}`, s.headers);
  const html = (
    page.encoding === "br"
      ? brotliDecompressSync(page.body)
      : page.encoding === "gzip"
        ? gunzipSync(page.body)
        : page.body
  ).toString("utf8");
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const parts = [{ path, bytes: page.bytes, encoding: page.encoding, cacheControl: page.cacheControl }];
  for (const asset of assets) {
    const got = await wireBytes(new URL(asset, `${s.base}${path}`).href, s.headers);
    parts.push({ path: asset, bytes: got.bytes, encoding: got.encoding, cacheControl: got.cacheControl });
  }
  return { total: parts.reduce((n, p) => n + p.bytes, 0), parts, htmlBytes: Buffer.byteLength(html) };
}
