// The Hono application: middleware in order, then one sub-app per area.
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { calendarApi, calendarFeedApi } from "./api/calendar-api.ts";
import { cronApi } from "./api/cron-api.ts";
import { openApiRoutes } from "./api/openapi.ts";
import { apiV1 } from "./api/v1.ts";
import type { WebEnv, WebServices } from "./env.ts";
import { bodyCap } from "./middleware/body-cap.ts";
import { stampClientAddress } from "./middleware/client-address.ts";
import { compression } from "./middleware/compression.ts";
import { csrfProtection } from "./middleware/csrf.ts";
import { errorEnvelope, onError, onNotFound } from "./middleware/errors.tsx";
import { pageLanguage } from "./middleware/language.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { freshSessionAfterChanges } from "./middleware/session.ts";
import { responseCache } from "./response-cache.ts";
import { routeLabel } from "./route-label.ts";
import { accountDataRoutes } from "./routes/account-data-routes.tsx";
import { accountRoutes } from "./routes/account-routes.tsx";
import { adminRoutes } from "./routes/admin-routes.tsx";
import { apiDocsRoutes } from "./routes/api-docs-routes.tsx";
import { assetRoutes } from "./routes/asset-routes.ts";
import { authRoutes } from "./routes/auth-routes.tsx";
import { calendarRoutes } from "./routes/calendar-routes.tsx";
import { chitRoutes } from "./routes/chit-routes.tsx";
import { dashboardRoutes } from "./routes/dashboard-routes.tsx";
import { eventsRoutes } from "./routes/events-routes.ts";
import { healthRoutes } from "./routes/health-routes.ts";
import { importRoutes } from "./routes/import-routes.tsx";
import { metricsRoutes } from "./routes/metrics-routes.ts";
import { notificationRoutes } from "./routes/notification-routes.tsx";
import { paymentRoutes } from "./routes/payment-routes.tsx";
import { pwaRoutes } from "./routes/pwa-routes.tsx";
import { reminderSettingsRoutes } from "./routes/reminder-settings-routes.tsx";
import { securityRoutes } from "./routes/security-routes.tsx";
import { settingsTokensRoutes } from "./routes/settings-tokens-routes.tsx";
import { shareRoutes, shareTarget } from "./routes/share-routes.tsx";
import { storageProblemNow } from "./storage-problem.ts";

/** Bytes of compressed answers an app keeps by default (a dashboard is ~10 KB): a few hundred members' pages. */
export const RESPONSE_CACHE_BYTES = 8 * 1024 * 1024;

export function createWebApp(services: WebServices, options: { responseCacheBytes?: number } = {}) {
  const app = new Hono<WebEnv>();
  const cacheBytes = options.responseCacheBytes ?? RESPONSE_CACHE_BYTES;
  const kept = cacheBytes > 0 ? responseCache(cacheBytes) : undefined;
  app.use(requestId());
  app.use(async (c, next) => {
    c.set("services", services);
    c.set("responseCache", kept);
    const log = services.log.child({ reqId: c.get("requestId") });
    c.set("log", log);
    const started = performance.now();
    await next();
    const elapsed = performance.now() - started;
    services.metrics.request(c.req.method, routeLabel(c), c.res.status, elapsed / 1000);
    if (!c.req.path.startsWith("/assets/"))
      log.info(
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(elapsed * 10) / 10 },
        "request",
      );
  });
  app.use(compression);
  app.use(securityHeaders({ https: services.config.baseUrl.startsWith("https://") }));
  // Before anything can read a body, better-auth's endpoints included.
  app.use(bodyCap);
  app.use(stampClientAddress);
  app.onError(onError);
  app.notFound(onNotFound);

  app.route("/", healthRoutes);
  app.route("/", metricsRoutes);
  app.route("/", assetRoutes);
  app.route("/", openApiRoutes);
  // better-auth answers its own endpoints (sign-up, sign-in, email codes...) with its own checks and rate limits.
  // Its small bodies are read here first (within the cap), so a body cut off at the cap never reaches it.
  app.on(["GET", "POST"], "/api/auth/*", async (c) => {
    const raw = c.req.raw;
    const request = raw.body
      ? new Request(raw.url, { method: raw.method, headers: raw.headers, body: await c.req.arrayBuffer() })
      : raw;
    const response = await services.accounts.handler(forNonBrowserClients(request, services.config.baseUrl));
    if (response.status < 500) return response;
    // better-auth answers its own failures with a bare 500: a full or read-only store gets our plain 503 instead.
    const storage = await storageProblemNow(services);
    return storage ? c.json(errorEnvelope(storage), 503) : response;
  });
  // Public API routes, before the member-only API: the cron token and the feed's secret URL are their keys, so no
  // session and no CSRF cookie (nothing a browser could be tricked into sending).
  app.route("/api/v1", cronApi);
  app.route("/api/v1", calendarFeedApi);
  app.use(pageLanguage);
  // The share target: the browser posts a shared file with no CSRF token (it only keeps the file; see
  // share-routes.tsx).
  app.route("/", shareTarget);
  app.use(csrfProtection);
  app.use(freshSessionAfterChanges);
  app.route("/", pwaRoutes);
  app.route("/api/v1", calendarApi);
  app.route("/api/v1", apiV1);
  app.route("/", apiDocsRoutes);
  app.route("/", importRoutes);
  app.route("/", settingsTokensRoutes);
  app.route("/", authRoutes);
  app.route("/", accountRoutes);
  app.route("/", securityRoutes);
  app.route("/", accountDataRoutes);
  app.route("/", adminRoutes);
  app.route("/", dashboardRoutes);
  app.route("/", chitRoutes);
  app.route("/", paymentRoutes);
  app.route("/", shareRoutes);
  app.route("/", notificationRoutes);
  app.route("/", calendarRoutes);
  app.route("/", reminderSettingsRoutes);
  app.route("/", eventsRoutes);
  return app;
}

/**
 * better-auth refuses requests without an Origin header in production. Browsers always send Origin (and
 * Sec-Fetch-Site) on the POSTs that could be forged, so a request with neither comes from a script, curl or an app,
 * which cannot ride on a victim's cookies: it is treated as coming from our own origin.
 */
function forNonBrowserClients(request: Request, baseUrl: string): Request {
  if (request.method === "GET" || request.headers.has("origin") || request.headers.has("sec-fetch-site"))
    return request;
  const headers = new Headers(request.headers);
  headers.set("origin", new URL(baseUrl).origin);
  return new Request(request, { headers });
}
