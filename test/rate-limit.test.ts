// Rate limits the app keeps itself (cron endpoint, calendar feed) hold across app instances sharing one store.
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { composeServices, type Services } from "../src/compose.ts";
import { loadConfig } from "../src/config.ts";
import { createWebApp } from "../src/web/app.tsx";
import { BASE, startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
let second: Services;
beforeEach(async () => {
  t = await startTestApp({ smtp: false, env: { RATE_LIMIT: "true", CRON_TOKEN: "a-cron-token-that-is-long-enough" } });
  const config = loadConfig({
    NODE_ENV: "test",
    ...t.storeEnv,
    BASE_URL: BASE,
    LOG_LEVEL: "silent",
    RATE_LIMIT: "true",
    CRON_TOKEN: "a-cron-token-that-is-long-enough",
  });
  second = await composeServices(config, { log: pino({ level: "silent" }) });
});
afterEach(async () => {
  await second.close();
  await t.close();
});

it("two instances behind one load balancer share the cron endpoint's limit of 10 a minute", async () => {
  const appB = createWebApp(second);
  const call = (app: { request: typeof appB.request }) =>
    app.request(`${BASE}/api/v1/cron/run`, {
      method: "POST",
      headers: { authorization: "Bearer wrong-token-of-some-length" },
    });
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await call(i % 2 ? appB : t.app)).status);
  expect(statuses.every((s) => s === 401)).toBe(true);
  const limited = await call(appB);
  expect(limited.status).toBe(429);
  expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  expect((await limited.json()).error.code).toBe("rate-limited");
});
