// Compresses pages and API answers for clients that accept it: brotli (quality 4: most of the gain for ~1 ms), else
// gzip. Done whole, off the event loop, on bodies the app has already built; never on streams (live notifications),
// downloads of files, or small bodies. Against BREACH (guessing a secret such as the CSRF token from compressed
// sizes while injecting text into the same page), pages asked for from another site are sent uncompressed.

import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { WebEnv } from "../env.ts";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
export const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = new RegExp(
  String.raw`^(text\/(html|plain|csv|calendar|css|javascript)|application\/(json|problem\+json|xml|javascript)|` +
    String.raw`image\/svg\+xml)\b`,
  "i",
);

export type Encoding = "br" | "gzip";

/** br or gzip, whichever the client takes (brotli first when both are equally welcome); null for neither. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const weight = (name: string) => q.get(name) ?? q.get("*") ?? 0;
  const br = weight("br");
  const gz = weight("gzip");
  if (br > 0 && br >= gz) return "br";
  return gz > 0 ? "gzip" : null;
}

/** How this request's answer may be compressed: never for a page asked for from another site (BREACH). */
export function responseEncoding(c: Context<WebEnv>): Encoding | null {
  if (c.req.method === "HEAD" || c.req.header("sec-fetch-site") === "cross-site") return null;
  return preferredEncoding(c.req.header("accept-encoding"));
}

/** Brotli's window for a body: the smallest power of two that holds it, 2^10 to 2^22 (brotli's default). */
const windowBits = (bytes: number) =>
  Math.min(
    constants.BROTLI_DEFAULT_WINDOW,
    Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))),
  );

/** The body compressed (on libuv's thread pool), or as it is when small or nothing is accepted. */
export async function encodeBody(
  body: Uint8Array<ArrayBuffer>,
  encoding: Encoding | null,
): Promise<{ body: Uint8Array<ArrayBuffer>; encoding: Encoding | null }> {
  if (!encoding || body.byteLength < MIN_COMPRESS_BYTES) return { body, encoding: null };
  const compressed =
    encoding === "br"
      ? await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 4,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            // a window just over the body compresses it as well as the default 4 MB one, in far less memory
            [constants.BROTLI_PARAM_LGWIN]: windowBits(body.byteLength),
          },
        })
      : await gzipped(body, { level: 6 });
  return {
    body: new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength) as Uint8Array<ArrayBuffer>,
    encoding,
  };
}

/** Adds Accept-Encoding to a Vary header's value (once). */
export const varyOnEncoding = (vary: string | null) =>
  !vary ? "Accept-Encoding" : /\baccept-encoding\b/i.test(vary) ? vary : `${vary}, Accept-Encoding`;

export const compression = createMiddleware<WebEnv>(async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get("content-type") ?? "";
  // Headers first: reading `body` turns the adapter's light response into a full one that is then sent as a stream.
  if (
    res.status === 204 ||
    res.status === 304 ||
    res.headers.has("content-encoding") ||
    !COMPRESSIBLE.test(type) ||
    /\bno-transform\b/i.test(res.headers.get("cache-control") ?? "") ||
    (res.headers.get("content-disposition") ?? "").startsWith("attachment") ||
    !res.body
  ) {
    return;
  }
  res.headers.set("vary", varyOnEncoding(res.headers.get("vary")));
  const encoding = responseEncoding(c);
  // Nothing to compress: the response goes out as the route made it, without copying its body.
  if (!encoding) return;
  const length = Number(res.headers.get("content-length") ?? Number.NaN);
  if (length < MIN_COMPRESS_BYTES) return;
  const out = await encodeBody(new Uint8Array(await res.arrayBuffer()), encoding);
  const headers = new Headers(res.headers);
  if (out.encoding) {
    headers.set("content-encoding", out.encoding);
    const etag = headers.get("etag");
    if (etag && !etag.startsWith("W/")) headers.set("etag", `W/${etag}`);
  }
  headers.set("content-length", String(out.body.byteLength));
  c.res = undefined; // otherwise Hono copies the old response's headers over these (ETag, Vary, Content-Length)
  c.res = new Response(out.body, { status: res.status, statusText: res.statusText, headers });
});
