// Whose session a request carries, remembered briefly per browser. With the session cookie cache on, better-auth
// answers from the signed copy of the session in the browser's cookie until that copy expires (at most
// SESSION_CACHE_SECONDS), yet it still verifies two HMACs and re-parses the copy on every request: most of a cached
// page's cost. So the member it found is kept in memory under the exact Cookie header until the same moment the copy
// expires: a browser sending the same cookies gets the same answer better-auth would give, for no longer than
// better-auth itself would give it. Any other cookies (signed out, a new session, the copy dropped after a change) are
// a different key and go to better-auth. Nothing is kept when better-auth had to set cookies or found no member.
import type { Accounts } from "../../ports/accounts.ts";

type SessionAnswer = Awaited<ReturnType<Accounts["session"]>>;
type Ask = (headers: Headers) => Promise<SessionAnswer>;

const KEPT_BROWSERS = 5000;

/**
 * When the session copy in this Cookie header expires (ms since 1970), from better-auth's compact cookie; null if none.
 */
export function cookieCopyExpiry(cookieHeader: string, name: string): number | null {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      const json = JSON.parse(
        Buffer.from(decodeURIComponent(part.slice(eq + 1).trim()), "base64url").toString("utf8"),
      ) as { expiresAt?: unknown };
      return typeof json.expiresAt === "number" && Number.isFinite(json.expiresAt) ? json.expiresAt : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * `ask` with its answers kept per Cookie header for at most `seconds` and never past the cookie copy's own expiry.
 * `copyName` gives the name of better-auth's session-copy cookie.
 */
export function rememberedSessions(
  ask: Ask,
  seconds: number,
  copyName: () => Promise<string>,
  now: () => number = Date.now,
): Ask {
  const kept = new Map<string, { answer: SessionAnswer; until: number }>();
  let name: string | undefined;
  return async (headers) => {
    const cookies = headers.get("cookie");
    if (!cookies) return ask(headers);
    const hit = kept.get(cookies);
    if (hit && hit.until > now()) return hit.answer;
    if (hit) kept.delete(cookies);
    const answer = await ask(headers);
    name ??= await copyName();
    const until = Math.min(cookieCopyExpiry(cookies, name) ?? 0, now() + seconds * 1000);
    if (answer.member && answer.setCookies.length === 0 && until > now()) {
      if (kept.size >= KEPT_BROWSERS) kept.delete(kept.keys().next().value!);
      kept.set(cookies, { answer: { member: Object.freeze(answer.member), setCookies: [] }, until });
    }
    return answer;
  };
}
