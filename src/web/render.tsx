// Renders a page inside the layout with the request's viewer, language, CSRF token and notice.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import notices from "../../locales/en/notices.json" with { type: "json" };
import { DEFAULT_LOCALE, LANGUAGES, OFFERED_LOCALES } from "../i18n/locales.ts";
import type { WebEnv } from "./env.ts";
import { formatInstant } from "./format.ts";
import { type T, translatorFor } from "./i18n/index.ts";
import { Layout } from "./views/layout.tsx";

/** Fixed notices chosen by a `notice` query key, so a link cannot inject text into a page. */
type NoticeKey = keyof typeof notices;

/** The request's translate function; English for the few error pages drawn before pageLanguage ran. */
export function pageT(c: Context<WebEnv>): T {
  return c.get("t") ?? translatorFor(DEFAULT_LOCALE);
}

export function noticeFrom(c: Context<WebEnv>): string | null {
  const key = c.req.query("notice");
  return key && Object.hasOwn(notices, key) ? pageT(c)(`notices.${key as NoticeKey}`) : null;
}

/** This page's address in each language (?lang= sets the cookie), keeping its other query values but not a notice. */
function languageLinks(c: Context<WebEnv>) {
  const url = new URL(c.req.url);
  return OFFERED_LOCALES.map((locale) => {
    const query = new URLSearchParams(url.search);
    query.delete("notice");
    query.set("lang", locale);
    return { locale, name: LANGUAGES[locale], href: `${url.pathname}?${query}` };
  });
}

/**
 * Tells the service worker whose page this is (a hash of the member's id), or "none" for a visitor: it keeps pages
 * only for the member signed in, and empties its cache when someone signs out or another member signs in.
 */
function markOwner(c: Context<WebEnv>): string | null {
  const viewer = c.get("viewer");
  const member = viewer && viewer.status === "approved" && !viewer.banned ? viewer : null;
  c.header(
    "x-member-cache",
    member ? createHash("sha256").update(`chitfunds-member:${member.id}`).digest("hex").slice(0, 32) : "none",
  );
  // a member's page is checked with the server each time, never served from the browser's HTTP cache to someone else
  if (member && !c.res.headers.has("cache-control")) c.header("cache-control", "private, no-cache");
  return member ? formatInstant(c.get("services").clock.now(), member.timeZone, c.get("locale")) : null;
}

export function renderPage(
  c: Context<WebEnv>,
  title: string,
  body: Child,
  options: { status?: ContentfulStatusCode; active?: string; error?: string | null; notice?: string | null } = {},
) {
  const renderedAt = markOwner(c);
  return c.html(
    <Layout
      title={title}
      t={pageT(c)}
      locale={c.get("locale") ?? DEFAULT_LOCALE}
      viewer={c.get("viewer") ?? null}
      csrfToken={c.get("csrfToken")}
      notice={options.notice === undefined ? noticeFrom(c) : options.notice}
      error={options.error ?? null}
      active={options.active}
      renderedAt={renderedAt}
      languageLinks={languageLinks(c)}
    >
      {body}
    </Layout>,
    options.status ?? 200,
  );
}
