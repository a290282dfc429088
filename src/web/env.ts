// The Hono environment every route shares: services, the request's logger, CSRF token, signed-in member and language.
import type { Locale } from "../app/locale.ts";
import type { Services } from "../compose.ts";
import type { Member } from "../ports/member-repository.ts";
import type { T } from "./i18n/index.ts";
import type { ResponseCache } from "./response-cache.ts";

export type WebEnv = {
  Variables: {
    services: Services;
    requestId: string;
    log: Services["log"];
    csrfToken: string;
    /** The signed-in member whatever their status, or null; loaded once per request. */
    viewer: Member | null;
    /** An approved, unbanned member: set by requireMember. */
    member: Member;
    /** The personal API token this request came with (Authorization: Bearer), or undefined for a session. */
    apiTokenId: string | undefined;
    notice: string | null;
    /** The session's member (cookie only, whatever their status), looked up once; undefined until looked up. */
    sessionMember: Member | null;
    /** The language of this request's page and its translate function: set by pageLanguage. */
    locale: Locale;
    t: T;
    /** This app's kept answers (middleware/ledger-cache.ts); undefined when caching is off. */
    responseCache: ResponseCache | undefined;
  };
};
