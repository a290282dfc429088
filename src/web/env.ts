// The Hono environment every route shares: services, the request's logger, CSRF token and signed-in member.
import type { Services } from "../compose.ts";
import type { Member } from "../ports/member-repository.ts";

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
  };
};
