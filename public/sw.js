// The service worker (served at /sw.js, which prepends `const CONFIG = {version, assets, offlineUrl}`): the app's
// static files cached by version; the signed-in member's dashboard, chit pages and payment history kept for reading
// offline, with a banner saying when they were current; receipts, the API and everything else never cached.
/* global CONFIG */

const STATIC = `static-${CONFIG.version}`;
const PRIVATE = "private-pages";
const META = "private-meta";
const MEMBER_KEY = "/__member";

/** The member's pages worth reading offline: dashboard, chit list and chit pages, payment history and payments. */
const PRIVATE_PAGES = [/^\/dashboard$/, /^\/chits$/, /^\/chits\/[^/]+$/, /^\/payments$/, /^\/payments\/[^/]+$/];
/** Never cached, offline or not: receipts (files and their pages), the API, live events, auth. */
const NEVER = [/^\/receipts\//, /^\/api\//, /^\/events/, /\/receipts\//, /^\/share/];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC);
      await cache.addAll([...CONFIG.assets, CONFIG.offlineUrl]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith("static-") && name !== STATIC) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function forgetMember() {
  await caches.delete(PRIVATE);
  await caches.delete(META);
}

self.addEventListener("message", (event) => {
  if (event.data?.type === "clear-private") event.waitUntil(forgetMember());
});

/** Keeps a member's page; pages of another member (someone else signed in here) first empty the cache. */
async function remember(request, response) {
  const member = response.headers.get("x-member-cache");
  if (!member || member === "none") {
    if (member === "none") await forgetMember();
    return;
  }
  const meta = await caches.open(META);
  const known = await meta.match(MEMBER_KEY);
  const knownMember = known ? await known.text() : null;
  if (knownMember !== member) {
    await forgetMember();
    await (await caches.open(META)).put(MEMBER_KEY, new Response(member));
  }
  const url = new URL(request.url);
  if (PRIVATE_PAGES.some((re) => re.test(url.pathname)) && response.ok)
    await (await caches.open(PRIVATE)).put(request.url, response);
}

/** A kept page, shown with its "offline: as of" banner and its forms marked as needing a connection. */
async function offlineCopy(request) {
  const cached = await (await caches.open(PRIVATE)).match(request.url, { ignoreVary: true });
  if (!cached) return (await caches.match(CONFIG.offlineUrl)) ?? Response.error();
  const html = (await cached.text())
    .replace("<html ", '<html data-offline="true" ')
    .replace(/(<[^>]*\bdata-offline-banner\b[^>]*?)\shidden(="[^"]*")?/, "$1");
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
}

async function navigate(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.type !== "opaqueredirect") event.waitUntil(remember(request, response.clone()));
    return response;
  } catch {
    if (request.method !== "GET") return (await caches.match(CONFIG.offlineUrl)) ?? Response.error();
    return offlineCopy(request);
  }
}

async function staticFirst(request) {
  const hit = await caches.match(request, { ignoreSearch: false });
  if (hit) return hit;
  return fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER.some((re) => re.test(url.pathname))) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
    return;
  }
  if (request.method === "GET" && CONFIG.assets.includes(url.pathname + url.search))
    event.respondWith(staticFirst(request));
});
