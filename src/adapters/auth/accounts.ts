// The Accounts port over better-auth: its HTTP handler, and the session's user as a Member.
import type { Accounts } from "../../ports/accounts.ts";
import type { Auth } from "./better-auth.ts";
import { toMember } from "./member-store.ts";

export function betterAuthAccounts(auth: Auth): Accounts {
  return {
    handler: (request) => auth.handler(request),
    async session(headers) {
      const session = await auth.api.getSession({ headers });
      return { member: session ? toMember(session.user as Parameters<typeof toMember>[0]) : null, setCookies: [] };
    },
  };
}
