// Front-end assets served by the app itself from node_modules and public/ (no CDN: works offline, under a strict CSP).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { WebEnv } from "../env.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const pkg = (name: string, file: string) => join(root, "node_modules", name, file);

/** A fixed list: only these files can be fetched, so no path ever reaches the file system from a URL. */
const ASSETS: Record<string, string> = {
  "bootstrap/bootstrap.min.css": pkg("bootstrap", "dist/css/bootstrap.min.css"),
  "bootstrap/bootstrap.min.css.map": pkg("bootstrap", "dist/css/bootstrap.min.css.map"),
  "bootstrap/bootstrap.bundle.min.js": pkg("bootstrap", "dist/js/bootstrap.bundle.min.js"),
  "bootstrap/bootstrap.bundle.min.js.map": pkg("bootstrap", "dist/js/bootstrap.bundle.min.js.map"),
  "htmx/htmx.min.js": pkg("htmx.org", "dist/htmx.min.js"),
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

type Loaded = { body: Uint8Array<ArrayBuffer>; type: string; etag: string };
const cache = new Map<string, Loaded>();

function load(name: string): Loaded | null {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = ASSETS[name];
  if (!file) return null;
  const body = new Uint8Array(readFileSync(file));
  const loaded = { body, type: TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream", etag: `"${body.length.toString(36)}-${hash(body)}"` };
  cache.set(name, loaded);
  return loaded;
}

function hash(bytes: Uint8Array): string {
  let h = 2166136261;
  for (let i = 0; i < bytes.length; i += 7) h = Math.imul(h ^ (bytes[i] ?? 0), 16777619);
  return (h >>> 0).toString(36);
}

/**
 * What the service worker keeps for offline use: every page asset (not source maps) with its version, so a new
 * version of any file makes a new service worker and a fresh cache.
 */
export function offlineAssets(): { url: string; version: string }[] {
  return Object.keys(ASSETS)
    .filter((name) => !name.endsWith(".map"))
    .map((name) => ({ url: `/assets/${name}`, version: load(name)!.etag.replace(/"/g, "") }));
}

export const assetRoutes = new Hono<WebEnv>().get("/assets/*", (c) => {
  const name = c.req.path.slice("/assets/".length);
  const asset = load(name);
  if (!asset) return c.text("Not found", 404);
  if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
  c.header("content-type", asset.type);
  c.header("etag", asset.etag);
  c.header("cache-control", "public, max-age=3600");
  return c.body(asset.body);
});
