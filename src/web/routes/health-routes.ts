// Liveness (/healthz) and readiness (/readyz: the store answers) for load balancers and hosts.
import { Hono } from "hono";
import type { WebEnv } from "../env.ts";

export const healthRoutes = new Hono<WebEnv>()
  .get("/healthz", (c) => c.json({ status: "ok" }))
  .get("/readyz", async (c) => {
    const services = c.get("services");
    try {
      await services.ping();
      return c.json({ status: "ready", storage: services.storageKind });
    } catch (error) {
      c.get("log").warn({ err: error }, "readiness check failed");
      return c.json({ status: "unavailable", storage: services.storageKind }, 503);
    }
  });
