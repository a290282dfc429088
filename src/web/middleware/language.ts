// Chooses each page's language before the route runs: the signed-in member's choice, else the browser's Accept-Language.
import { createMiddleware } from "hono/factory";
import type { WebEnv } from "../env.ts";
import { requestLocale, translatorFor } from "../i18n/index.ts";
import { sessionMember } from "./session.ts";

export const pageLanguage = createMiddleware<WebEnv>(async (c, next) => {
  // The JSON API speaks English only; it has no pages to translate.
  const member = c.req.path.startsWith("/api/") ? null : await sessionMember(c);
  const locale = requestLocale(member?.locale, c.req.header("accept-language"));
  c.set("locale", locale);
  c.set("t", translatorFor(locale));
  await next();
});
