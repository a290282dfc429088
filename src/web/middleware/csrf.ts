// CSRF defence: a per-browser token in a cookie that every form posts back, plus a same-origin check on unsafe
// requests. One check for every state-changing page request, whatever its content type; the body it reads is already
// capped.

import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../app/errors.ts";
import { words } from "../../i18n/words.ts";
import type { WebEnv } from "../env.ts";
import { isUploadRoute } from "./body-cap.ts";
import { sessionMember } from "./session.ts";

const COOKIE = "chitfunds.csrf";
/** Scripts on our pages may send the token in this header instead of a form field. */
export const CSRF_HEADER = "x-csrf-token";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser's Origin (when it sends one) must be this site; non-browser clients send none. */
function originAllowed(c: Context<WebEnv>): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return false;
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return origin !== "null";
  const allowed = new URL(c.get("services").config.baseUrl).origin;
  if (origin === allowed) return true;
  const host = c.req.header("host");
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

const expired = () => new AppError(403, "form-expired", words("errors.formExpired"));

/** The token the request carries: the header, else the `_csrf` field of a form body (any other body carries none). */
async function sentToken(c: Context<WebEnv>): Promise<string> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  if (!FORM.test(c.req.header("content-type") ?? "")) return "";
  // A garbled body throws here and is answered 400; one cut off at the cap, 413 (body-cap.ts).
  const body = await c.req.parseBody();
  return typeof body._csrf === "string" ? body._csrf : "";
}

export const csrfProtection = createMiddleware<WebEnv>(async (c, next) => {
  const cookie = getCookie(c, COOKIE);
  const known = cookie !== undefined && /^[A-Za-z0-9_-]{32,64}$/.test(cookie);
  const token = known ? cookie : randomBytes(24).toString("base64url");
  if (!known) {
    setCookie(c, COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure: c.get("services").config.baseUrl.startsWith("https://"),
    });
  }
  c.set("csrfToken", token);
  if (!SAFE.has(c.req.method)) {
    if (!originAllowed(c)) throw new AppError(403, "cross-site-request", words("errors.crossSite"));
    const isPage = !c.req.path.startsWith("/api/");
    if (isPage) {
      // A request without our cookie cannot carry a matching token: refused before its body is read.
      if (!known) throw expired();
      // Uploads may be large: only a signed-in member's are read at all.
      if (isUploadRoute(c) && !(await sessionMember(c)))
        throw new AppError(403, "unauthenticated", words("errors.signInFirst"));
      if (!sameToken(await sentToken(c), token)) throw expired();
    }
  }
  await next();
});
