// Liveness (/healthz) and readiness (/readyz: the store answers, receipt files can be written, the disk has room).
import { Hono } from "hono";
import type { WebEnv } from "../env.ts";

export const healthRoutes = new Hono<WebEnv>()
  .get("/healthz", (c) => c.json({ status: "ok" }))
  .get("/readyz", async (c) => {
    const services = c.get("services");
    const checks = await services.readiness();
    const failed = checks.filter((check) => !check.ok);
    const report = Object.fromEntries(checks.map((check) => [check.name, check.detail]));
    if (failed.length === 0) return c.json({ status: "ready", storage: services.storageKind, checks: report });
    c.get("log").warn(
      { checks: report },
      `not ready: ${failed.map((check) => `${check.name} ${check.detail}`).join("; ")}`,
    );
    return c.json({ status: "unavailable", storage: services.storageKind, checks: report }, 503);
  });
