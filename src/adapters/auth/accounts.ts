// The Accounts port over better-auth: its HTTP handler, and the session's user as a Member (kept per browser while
// the session cookie cache's copy lasts: remembered-sessions.ts).
import type { Accounts } from "../../ports/accounts.ts";
import type { Auth } from "./better-auth.ts";
import { toMember } from "./member-store.ts";
import { rememberedSessions } from "./remembered-sessions.ts";

export function betterAuthAccounts(auth: Auth, sessionCacheSeconds = 0): Accounts {
  const session: Accounts["session"] = async (headers) => {
    // returnHeaders: better-auth refreshes the session cookie cache on a miss; the browser must get that cookie.
    const { headers: reply, response: found } = await auth.api.getSession({ headers, returnHeaders: true });
    return {
      member: found ? toMember(found.user as Parameters<typeof toMember>[0]) : null,
      setCookies: reply.getSetCookie(),
    };
  };
  const copyName = async () => (await auth.$context).authCookies.sessionData.name;
  return {
    handler: (request) => auth.handler(request),
    session: sessionCacheSeconds > 0 ? rememberedSessions(session, sessionCacheSeconds, copyName) : session,
    async sessionCacheCookie() {
      const { name, attributes } = (await auth.$context).authCookies.sessionData;
      return { name, path: attributes.path ?? "/", secure: attributes.secure === true };
    },
  };
}
