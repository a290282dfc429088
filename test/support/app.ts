// The one way tests start the app: a temporary DATA_DIR, a fresh store (SQLite, or its own MongoDB database when
// MONGODB_TEST_URI is set: support/store.ts), real SMTP capture, requests through app.request.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { composeServices, type Services } from "../../src/compose.ts";
import { loadConfig } from "../../src/config.ts";
import type { Clock } from "../../src/ports/clock.ts";
import { createWebApp } from "../../src/web/app.tsx";
import { storeAccess } from "./database.ts";
import { type SmtpCapture, startSmtpCapture } from "./smtp.ts";
import { freshStore } from "./store.ts";

export const BASE = "http://localhost:3000";

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function startTestApp(options: { env?: Record<string, string>; clock?: Clock; smtp?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "chitfunds-test-"));
  const smtp: SmtpCapture | null = options.smtp === false ? null : await startSmtpCapture();
  const store = freshStore();
  /** What selects this app's store, for a second instance or a `chitfunds` process sharing it. */
  const storeEnv = { DATA_DIR: dataDir, ...store.env };
  const config = loadConfig({
    NODE_ENV: "test",
    BASE_URL: BASE,
    LOG_LEVEL: "silent",
    RATE_LIMIT: "false",
    // Tests check that a ban, rejection or sign-out takes effect at the very next request; the session cookie cache
    // (on by default in the app: up to a minute) is tested with its trade-off in test/session-cache.test.ts.
    SESSION_CACHE_SECONDS: "0",
    ...storeEnv,
    ...(smtp ? { SMTP_URL: smtp.url } : {}),
    ...options.env,
  });
  const services: Services = await composeServices(config, {
    log: pino({ level: "silent" }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = createWebApp(services);
  const client = new Client(app.request.bind(app));
  return {
    app,
    services,
    smtp,
    dataDir,
    storeEnv,
    /** The store itself, read and edited as an operator would. */
    db: storeAccess(config),
    client,
    /** A second browser, with its own cookies. */
    newClient: () => new Client(app.request.bind(app)),
    async close() {
      await services.close();
      await smtp?.close();
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type RequestFn = (input: string, init?: RequestInit) => Response | Promise<Response>;

/** A tiny cookie-keeping client: enough to act as one browser or one API user. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly request: RequestFn) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get csrf(): string {
    return this.cookies.get("chitfunds.csrf") ?? "";
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const res = await this.request(`${BASE}${path}`, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Like a script on one of our pages: a browser sends our Origin with it. */
  json(path: string, body: unknown, method = "POST") {
    return this.fetch(path, {
      method,
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify(body),
    });
  }

  /** Loads the page first (to get the CSRF cookie) unless we have one, then posts the form like a browser. */
  async form(path: string, fields: Record<string, string>, options: { csrf?: string | null } = {}) {
    if (!this.csrf) await this.fetch("/login");
    const body = new URLSearchParams(fields);
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.set("_csrf", token);
    return this.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
      body,
    });
  }
}

/**
 * Registers, confirms by the mailed code, and (unless told otherwise) approves a member; returns a signed-in client.
 */
export async function signedInMember(
  t: TestApp,
  email: string,
  options: { approve?: boolean; password?: string; name?: string } = {},
) {
  const password = options.password ?? "correct horse battery";
  const client = t.newClient();
  const signUp = await client.json("/api/auth/sign-up/email", {
    name: options.name ?? email.split("@")[0],
    email,
    password,
  });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const code = await t.smtp!.codeFor(email);
  const verify = await client.json("/api/auth/email-otp/verify-email", { email, otp: code });
  if (verify.status !== 200) throw new Error(`verify failed: ${verify.status} ${await verify.text()}`);
  if (options.approve === false) return client;
  const { approveMember } = await import("../../src/app/approve-member.ts");
  await approveMember(t.services.approval, email, null);
  const signIn = await client.json("/api/auth/sign-in/email", { email, password });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  return client;
}
