// The Accounts port over better-auth: its HTTP handler, and the session's user as a Member.
import type { Accounts } from "../../ports/accounts.ts";
import type { Auth } from "./better-auth.ts";
import { toMember } from "./member-store.ts";

export function betterAuthAccounts(auth: Auth): Accounts {
  return {
    handler: (request) => auth.handler(request),
    async session(headers) {
      // returnHeaders: better-auth refreshes the session cookie cache on a miss; the browser must get that cookie.
      const { headers: reply, response: session } = await auth.api.getSession({ headers, returnHeaders: true });
      return { member: session ? toMember(session.user as Parameters<typeof toMember>[0]) : null, setCookies: reply.getSetCookie() };
    },
    async sessionCacheCookie() {
      const { name, attributes } = (await auth.$context).authCookies.sessionData;
      return { name, path: attributes.path ?? "/", secure: attributes.secure === true };
    },
  };
}
