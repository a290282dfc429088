// Whose session a request carries, from better-auth, remembered briefly per browser. With the session cookie cache on,
// better-auth answers from the signed copy of the session in the browser's cookie until that copy expires (at most
// SESSION_CACHE_SECONDS), yet it still verifies two HMACs and re-parses the copy on every request: most of a cached
// page's cost. So the member it found is kept in memory under the exact Cookie header until the same moment the
// copy expires: a browser sending the same cookies gets the same answer better-auth would give, for no longer than
// better-auth itself would give it. Any other cookies (signed out, new session, the copy dropped after a change) are a
// different key and go to better-auth. Nothing is kept when the cache is off, or when better-auth had to set cookies.
import type { Member } from "../../ports/member-repository.ts";
import type { Auth } from "./better-auth.ts";
import { toMember } from "./member-store.ts";

export type SessionAnswer = { member: Member | null; setCookies: string[] };
export type SessionLookup = (headers: Headers) => Promise<SessionAnswer>;

const KEPT_BROWSERS = 5000;

/** When the session copy in this cookie header expires (ms), read from better-auth's compact cookie; null if absent. */
export function cookieCopyExpiry(cookieHeader: string, name: string): number | null {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      const json = JSON.parse(Buffer.from(decodeURIComponent(part.slice(eq + 1).trim()), "base64url").toString("utf8")) as { expiresAt?: unknown };
      return typeof json.expiresAt === "number" && Number.isFinite(json.expiresAt) ? json.expiresAt : null;
    } catch {
      return null;
    }
  }
  return null;
}

export function betterAuthSessions(auth: Auth, cacheSeconds: number, now: () => number = Date.now): SessionLookup {
  const ask: SessionLookup = async (headers) => {
    // returnHeaders: better-auth refreshes the session cookie cache on a miss; the browser must get that cookie.
    const { headers: reply, response: session } = await auth.api.getSession({ headers, returnHeaders: true });
    return { member: session ? toMember(session.user as Parameters<typeof toMember>[0]) : null, setCookies: reply.getSetCookie() };
  };
  if (cacheSeconds <= 0) return ask;
  const kept = new Map<string, { answer: SessionAnswer; until: number }>();
  let copyName: string | undefined;
  return async (headers) => {
    const cookies = headers.get("cookie");
    if (!cookies) return ask(headers);
    const hit = kept.get(cookies);
    if (hit && hit.until > now()) return hit.answer;
    if (hit) kept.delete(cookies);
    const answer = await ask(headers);
    copyName ??= (await auth.$context).authCookies.sessionData.name;
    const until = Math.min(cookieCopyExpiry(cookies, copyName) ?? 0, now() + cacheSeconds * 1000);
    if (answer.member && answer.setCookies.length === 0 && until > now()) {
      if (kept.size >= KEPT_BROWSERS) kept.delete(kept.keys().next().value!);
      kept.set(cookies, { answer: { member: Object.freeze(answer.member), setCookies: [] }, until });
    }
    return answer;
  };
}
