// GET /metrics (Prometheus text): on the main port only with METRICS_TOKEN as a bearer token; on METRICS_PORT (an
// internal address the load balancer does not expose) without one. Off (404) when neither is configured.
import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../app/errors.ts";
import type { WebEnv, WebServices } from "../env.ts";
import { bearerOf, sameSecret } from "../same-secret.ts";

async function exposition(c: Context, services: WebServices) {
  const { contentType, body } = await services.metrics.render();
  c.header("cache-control", "no-store");
  return c.body(body, 200, { "content-type": contentType });
}

export const metricsRoutes = new Hono<WebEnv>().get("/metrics", async (c) => {
  const services = c.get("services");
  const token = services.config.metrics.token;
  if (!token) throw new AppError(404, "not-found", "There is nothing at this address.");
  if (!sameSecret(bearerOf(c.req.header("authorization")), token)) {
    c.header("www-authenticate", 'Bearer realm="metrics"');
    throw new AppError(
      401,
      "invalid-metrics-token",
      "Send the server's METRICS_TOKEN as: Authorization: Bearer <token>.",
    );
  }
  return exposition(c, services);
});

/** The app served on METRICS_HOST:METRICS_PORT: /metrics and nothing else. */
export function createMetricsApp(services: WebServices) {
  return new Hono().get("/metrics", (c) => exposition(c, services)).all("*", (c) => c.text("Not found", 404));
}
