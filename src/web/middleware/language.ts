// Chooses each page's language before the route runs: the signed-in member's choice, else the one picked on the way in
// (?lang= from the language links, kept in a cookie until there is an account), else the browser's Accept-Language.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { isLocale, requestLocale } from "../../i18n/locales.ts";
import type { WebEnv } from "../env.ts";
import { translatorFor } from "../i18n/index.ts";
import { sessionMember } from "./session.ts";

export const LANGUAGE_COOKIE = "chitfunds.lang";

/** The language picked with a ?lang= link, remembered for a year (a preference, not a secret: readable, Lax). */
function pickedLanguage(c: Context<WebEnv>): string | undefined {
  const picked = c.req.query("lang");
  if (isLocale(picked)) {
    setCookie(c, LANGUAGE_COOKIE, picked, {
      path: "/",
      sameSite: "Lax",
      maxAge: 365 * 24 * 3600,
      secure: c.get("services").config.baseUrl.startsWith("https://"),
    });
    return picked;
  }
  return getCookie(c, LANGUAGE_COOKIE);
}

export const pageLanguage = createMiddleware<WebEnv>(async (c, next) => {
  // The JSON API answers in English; its error codes are stable for clients to translate. /api/docs is a page.
  const api = c.req.path.startsWith("/api/") && c.req.path !== "/api/docs";
  const member = api ? null : await sessionMember(c);
  const locale = api ? "en" : requestLocale(member?.locale, pickedLanguage(c), c.req.header("accept-language"));
  c.set("locale", locale);
  c.set("t", translatorFor(locale));
  await next();
});
