// CSRF defence: a per-browser token in a cookie that every form posts back, plus a same-origin check on unsafe requests.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../app/errors.ts";
import type { WebEnv } from "../env.ts";

const COOKIE = "chitfunds.csrf";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser's Origin (when it sends one) must be this site; non-browser clients send none. */
function originAllowed(c: Context<WebEnv>): boolean {
  if (c.req.header("sec-fetch-site") === "cross-site") return false;
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return origin !== "null";
  const allowed = new URL(c.get("services").config.baseUrl).origin;
  if (origin === allowed) return true;
  const host = c.req.header("host");
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

export const csrfProtection = createMiddleware<WebEnv>(async (c, next) => {
  let token = getCookie(c, COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token)) {
    token = randomBytes(24).toString("base64url");
    setCookie(c, COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure: c.get("services").config.baseUrl.startsWith("https://"),
    });
  }
  c.set("csrfToken", token);
  if (!SAFE.has(c.req.method)) {
    if (!originAllowed(c)) throw new AppError(403, "cross-site-request", "This request came from another site and was refused.");
    const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header("content-type") ?? "");
    const isPage = !c.req.path.startsWith("/api/");
    if (isPage && isForm) {
      const body = await c.req.parseBody();
      const sent = typeof body._csrf === "string" ? body._csrf : "";
      if (!sameToken(sent, token)) {
        throw new AppError(403, "form-expired", "This form has expired. Reload the page and try again.");
      }
    }
  }
  await next();
});
