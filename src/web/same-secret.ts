// Compares a presented secret (cron token, metrics token) with the configured one without leaking either by timing.
import { createHash, timingSafeEqual } from "node:crypto";

/** Compares digests so neither the length nor the content of the token leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or "" when there is none. */
export const bearerOf = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? "";
