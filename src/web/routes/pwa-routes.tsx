// What makes the app installable and readable offline: the web app manifest (with its share target), the service
// worker at the root scope, the icons and favicon, and the page shown offline for a page never opened before.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { offlineAssets } from "../assets.ts";
import type { WebEnv } from "../env.ts";
import { renderPage } from "../render.tsx";

const publicDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "public");

export const THEME_COLOUR = "#0d6efd";
export const SHARE_ACTION = "/share";
export const SHARE_ACCEPT = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
  "image/heif",
  "application/pdf",
  ".jpg",
  ".jpeg",
  ".png",
  ".webp",
  ".heic",
  ".pdf",
];

/** A fixed list, so no URL reaches the file system. */
const ICONS: Record<string, string> = {
  "icon-192.png": "image/png",
  "icon-512.png": "image/png",
  "icon-maskable-512.png": "image/png",
  "apple-touch-icon.png": "image/png",
  "icon.svg": "image/svg+xml",
};
const iconBytes = new Map<string, Uint8Array<ArrayBuffer>>();
function icon(name: string): Uint8Array<ArrayBuffer> {
  let bytes = iconBytes.get(name);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(publicDir, "icons", name)));
    iconBytes.set(name, bytes);
  }
  return bytes;
}

/** The service worker: its code with the version and list of the assets it keeps; any change makes a new worker. */
let worker: { body: string; etag: string } | null = null;
function serviceWorker() {
  if (worker) return worker;
  const assets = offlineAssets();
  const iconUrls = ["/icons/icon-192.png", "/icons/icon-512.png", "/favicon.ico"];
  const code = readFileSync(join(publicDir, "sw.js"), "utf8");
  const version = createHash("sha256")
    .update(code)
    .update(assets.map((a) => `${a.url}@${a.version}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  const config = { version, assets: [...assets.map((a) => a.url), ...iconUrls], offlineUrl: "/offline" };
  const body = `const CONFIG = ${JSON.stringify(config)};\n${code}`;
  worker = { body, etag: `"sw-${version}"` };
  return worker;
}

export const pwaRoutes = new Hono<WebEnv>()
  .get("/manifest.webmanifest", (c) => {
    const t = c.get("t");
    const manifest = {
      id: "/",
      name: "ChitFunds Ledger",
      short_name: "ChitFunds",
      description: t("pwa.description"),
      lang: c.get("locale"),
      dir: "ltr",
      start_url: "/dashboard",
      scope: "/",
      display: "standalone",
      orientation: "any",
      theme_color: THEME_COLOUR,
      background_color: "#ffffff",
      categories: ["finance", "productivity"],
      icons: [
        { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
        { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
        { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      ],
      share_target: {
        action: SHARE_ACTION,
        method: "POST",
        enctype: "multipart/form-data",
        params: { title: "title", text: "text", url: "url", files: [{ name: "file", accept: SHARE_ACCEPT }] },
      },
    };
    c.header("content-type", "application/manifest+json; charset=utf-8");
    c.header("cache-control", "no-cache");
    c.header("vary", "accept-language");
    return c.body(JSON.stringify(manifest));
  })
  .get("/sw.js", (c) => {
    const sw = serviceWorker();
    if (c.req.header("if-none-match") === sw.etag) return c.body(null, 304);
    // always checked with the server, so a new version is found on the next visit
    c.header("content-type", "text/javascript; charset=utf-8");
    c.header("cache-control", "no-cache");
    c.header("etag", sw.etag);
    c.header("service-worker-allowed", "/");
    return c.body(sw.body);
  })
  .get("/favicon.ico", (c) => {
    c.header("content-type", "image/x-icon");
    c.header("cache-control", "public, max-age=86400");
    return c.body(new Uint8Array(readFileSync(join(publicDir, "icons", "favicon.ico"))));
  })
  .get("/icons/:name", (c) => {
    const type = ICONS[c.req.param("name")];
    if (!type) return c.text("Not found", 404);
    c.header("content-type", type);
    c.header("cache-control", "public, max-age=86400");
    return c.body(icon(c.req.param("name")));
  })
  .get("/offline", (c) => {
    const t = c.get("t");
    // kept in the service worker's shared cache: drawn as for a visitor, so it never shows a member's name or email
    c.set("viewer", null);
    return renderPage(
      c,
      t("pwa.offlineTitle"),
      <div class="text-center py-5" data-offline-page>
        <h1 class="h3">{t("pwa.offlineTitle")}</h1>
        <p class="text-muted">{t("pwa.offlineText")}</p>
        <a class="btn btn-primary" href="/dashboard">
          {t("pwa.openDashboard")}
        </a>
      </div>,
    );
  });
