// The front-end assets the app serves itself from node_modules and public/ (no CDN: works offline, under a strict CSP):
// a fixed list, each read once, fingerprinted by its content (pages link app.1a2b3c4d5e.css through assetPath) and
// compressed once (brotli at its best, and gzip) and kept in memory, so serving one costs no compression at all.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { INSTALL_ROOT } from "../i18n/index.ts";

const root = INSTALL_ROOT;
const pkg = (name: string, file: string) => join(root, "node_modules", name, file);

/** A fixed list: only these files can be fetched, so no path ever reaches the file system from a URL. */
const ASSETS: Record<string, string> = {
  "bootstrap/bootstrap.min.css": pkg("bootstrap", "dist/css/bootstrap.min.css"),
  "bootstrap/bootstrap.min.css.map": pkg("bootstrap", "dist/css/bootstrap.min.css.map"),
  "bootstrap/bootstrap.bundle.min.js": pkg("bootstrap", "dist/js/bootstrap.bundle.min.js"),
  "bootstrap/bootstrap.bundle.min.js.map": pkg("bootstrap", "dist/js/bootstrap.bundle.min.js.map"),
  "chart/chart.umd.min.js": pkg("chart.js", "dist/chart.umd.min.js"),
  "dashboard.js": join(root, "public", "dashboard.js"),
  "bid-chart.js": join(root, "public", "bid-chart.js"),
  "app.css": join(root, "public", "app.css"),
  "app.js": join(root, "public", "app.js"),
  "notifications-live.js": join(root, "public", "notifications-live.js"),
  "pwa.js": join(root, "public", "pwa.js"),
  "payment-read.js": join(root, "public", "payment-read.js"),
  "calendar.css": join(root, "public", "calendar.css"),
};

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  map: "application/json; charset=utf-8",
};

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export type Asset = {
  name: string;
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** First 10 hex digits of the content's SHA-256: part of the fingerprinted name and the ETag. */
  hash: string;
  encoded?: Promise<{ br: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }>;
};
const cache = new Map<string, Asset>();

/** The asset by its plain name (bootstrap/bootstrap.min.css), or null when it is not on the list. */
export function loadAsset(name: string): Asset | null {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = ASSETS[name];
  if (!file) return null;
  const body = new Uint8Array(readFileSync(file));
  const loaded = {
    name,
    body,
    type: TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream",
    hash: createHash("sha256").update(body).digest("hex").slice(0, 10),
  };
  cache.set(name, loaded);
  return loaded;
}

/** Compressed once, off the event loop; a 1 MB window covers every asset whole (and bounds the compressor's memory). */
export function encodedAsset(asset: Asset) {
  asset.encoded ??= Promise.all([
    brotli(asset.body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: 20,
        [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.byteLength,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipped(asset.body, { level: 9 }),
  ]).then(([br, gz]) => ({ br: new Uint8Array(br), gzip: new Uint8Array(gz) }));
  return asset.encoded;
}

/** The URL a page links an asset by: its name with the content's fingerprint before the extension. */
export function assetPath(name: string): string {
  const asset = loadAsset(name);
  if (!asset) throw new Error(`no such asset: ${name}`);
  const dot = name.lastIndexOf(".");
  return `/assets/${name.slice(0, dot)}.${asset.hash}${name.slice(dot)}`;
}

/**
 * What the service worker keeps for offline use: every asset a page links (not source maps), by the same fingerprinted
 * URL the pages use, with its content hash; a change to any file changes the worker, which then refreshes its cache.
 */
/** Every asset the app serves, by name (the shipped-assets test checks each is used by a page). */
export function shippedAssets(): string[] {
  return Object.keys(ASSETS);
}

export function offlineAssets(): { url: string; version: string }[] {
  return Object.keys(ASSETS)
    .filter((name) => !name.endsWith(".map"))
    .map((name) => ({ url: assetPath(name), version: loadAsset(name)!.hash }));
}

/** Reads, fingerprints and compresses every asset ahead of the first page (after start-up; errors surface on use). */
export async function warmAssets(): Promise<void> {
  for (const name of Object.keys(ASSETS)) {
    const asset = loadAsset(name);
    if (asset) await encodedAsset(asset).catch(() => undefined);
  }
}
