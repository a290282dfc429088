// GET /assets/*: the app's own front-end files. A fingerprinted name (app.1a2b3c4d5e.css) is cached for a year as
// immutable, since a change of content is a change of name; a plain or outdated name is revalidated every time.
import { Hono } from "hono";
import { encodedAsset, loadAsset } from "../assets.ts";
import type { WebEnv } from "../env.ts";
import { preferredEncoding } from "../middleware/compression.ts";

const YEAR = 365 * 24 * 60 * 60;
const FINGERPRINTED = /^(.+)\.([0-9a-f]{10})(\.[a-z]+)$/;

export const assetRoutes = new Hono<WebEnv>().get("/assets/*", async (c) => {
  const requested = c.req.path.slice("/assets/".length);
  const parts = FINGERPRINTED.exec(requested);
  const asset = loadAsset(requested) ?? (parts ? loadAsset(`${parts[1]}${parts[3]}`) : null);
  if (!asset) return c.text("Not found", 404);
  // The current fingerprint never changes meaning; an old one (a page from before a deploy) or a plain name must
  // be checked again, so the next deploy is seen.
  c.header(
    "cache-control",
    parts && parts[2] === asset.hash ? `public, max-age=${YEAR}, immutable` : "public, max-age=0, must-revalidate",
  );
  c.header("vary", "Accept-Encoding");
  const encoding = asset.body.byteLength > 1024 ? preferredEncoding(c.req.header("accept-encoding")) : null;
  // One ETag per encoding (the bytes differ); any of them proves the client holds this content.
  c.header("etag", `"${asset.hash}${encoding ? `-${encoding}` : ""}"`);
  if ((c.req.header("if-none-match") ?? "").includes(asset.hash)) return c.body(null, 304);
  c.header("content-type", asset.type);
  if (encoding) {
    const compressed = await encodedAsset(asset);
    c.header("content-encoding", encoding);
    return c.body(compressed[encoding]);
  }
  return c.body(asset.body);
});
