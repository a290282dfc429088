// Starts the real app on a free local port (a real HTTP server, a fresh store as in test/support/store.ts, real SMTP
// capture) for browser tests.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import pino from "pino";
import { composeServices, type Services } from "../../src/compose.ts";
import { loadConfig } from "../../src/config.ts";
import { createWebApp } from "../../src/web/app.tsx";
import { type StoreAccess, storeAccess } from "../../test/support/database.ts";
import { type SmtpCapture, startSmtpCapture } from "../../test/support/smtp.ts";
import { freshStore } from "../../test/support/store.ts";

export type RunningServer = {
  /** The address the browser must use: BASE_URL is set to exactly this, so origin checks pass. */
  baseUrl: string;
  services: Services;
  smtp: SmtpCapture;
  dataDir: string;
  /** The store itself, read and edited as an operator would. */
  db: StoreAccess;
  close(): Promise<void>;
};

export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "chitfunds-e2e-"));
  const smtp = await startSmtpCapture();
  // Listen first (port 0 picks a free port), then build the app with BASE_URL set to the address we got.
  let handle: ((request: Request, env: unknown) => Response | Promise<Response>) | null = null;
  const server = serve({
    fetch: (request, env) => (handle ? handle(request, env) : new Response("starting", { status: 503 })),
    port: 0,
    hostname: "127.0.0.1",
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    else server.once("listening", () => resolve()).once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const store = freshStore();
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    ...store.env,
    BASE_URL: baseUrl,
    LOG_LEVEL: "silent",
    RATE_LIMIT: "false",
    SMTP_URL: smtp.url,
    ...options.env,
  });
  const services = await composeServices(config, { log: pino({ level: "silent" }) });
  const app = createWebApp(services);
  handle = (request, env) => app.fetch(request, env);
  return {
    baseUrl,
    services,
    smtp,
    dataDir,
    db: storeAccess(config),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await services.close();
      await smtp.close();
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
