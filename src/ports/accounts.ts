// Accounts are better-auth's (sign-up, sign-in, codes, sessions): the web layer hands it its own endpoints and asks it
// whose session a request carries. What the two sides agree on (a header, a code's purposes, a cooldown) is here.
import type { Member } from "./member-repository.ts";

/** The header the web layer sets with the client's address (never taken from the client itself). */
export const CLIENT_IP_HEADER = "x-chitfunds-client-ip";

/** Seconds before another emailed code may be asked for. */
export const CODE_RESEND_COOLDOWN_SECONDS = 60;

/** What an emailed one-time code is for. */
export type CodePurpose = "sign-in" | "email-verification" | "forget-password" | "change-email";

export interface Accounts {
  /** Answers the account endpoints under /api/auth with their own checks and rate limits. */
  handler(request: Request): Promise<Response>;
  /** The member of the request's session cookie whatever their status (null when none), and cookies to send back. */
  session(headers: Headers): Promise<{ member: Member | null; setCookies: string[] }>;
  /** The cookie that keeps a copy of the session for a short while; dropping it makes the next request read afresh. */
  sessionCacheCookie(): Promise<{ name: string; path: string; secure: boolean }>;
}
