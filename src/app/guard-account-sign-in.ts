// Sign-in is limited per account as well as per address: wrong passwords for one account are counted in the store
// (every instance shares the count) whatever address they come from; past the limit the account's password sign-in
// waits out the window, and the member is told by mail when someone is guessing at it.
import type { AccountActivityLog } from "../ports/account-activity.ts";
import type { Clock } from "../ports/clock.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { MemberRepository } from "../ports/member-repository.ts";
import type { RateCounter } from "../ports/rate-counter.ts";
import { supportedLocale } from "./locale.ts";
import { signInAttemptsMail } from "./mail-templates.ts";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** The notice goes out once a window, at this many wrong passwords. */
export const NOTICE_AT_FAILURES = 5;

export type SignInGuardDeps = {
  rateCounter: RateCounter;
  members: Pick<MemberRepository, "findByEmail">;
  mailer: Mailer;
  clock: Clock;
  /** Wrong passwords allowed per account in a window; 0 turns the limit off. */
  maxFailures: number;
  baseUrl: string;
  activity: AccountActivityLog;
};

const keyOf = (email: string) => `sign-in-failures:${email.trim().toLowerCase()}`;

/** Seconds until this account may try a password again (0: now). */
export async function secondsUntilSignIn(deps: SignInGuardDeps, email: string): Promise<number> {
  if (deps.maxFailures <= 0 || !email) return 0;
  const now = deps.clock.now().getTime();
  const { count, windowStart } = await deps.rateCounter.peek(keyOf(email), SIGN_IN_WINDOW_MS, now);
  return count >= deps.maxFailures ? Math.max(1, Math.ceil((windowStart + SIGN_IN_WINDOW_MS - now) / 1000)) : 0;
}

/** Counts a wrong password; at NOTICE_AT_FAILURES (or at the limit, when that is lower) the member gets a mail. */
export async function recordFailedSignIn(deps: SignInGuardDeps, email: string, address: string | null): Promise<void> {
  if (deps.maxFailures <= 0 || !email) return;
  const { count } = await deps.rateCounter.hit(keyOf(email), SIGN_IN_WINDOW_MS, deps.clock.now().getTime());
  if (count !== Math.min(NOTICE_AT_FAILURES, deps.maxFailures)) return;
  // Unknown addresses are counted the same (the answer never tells who is registered) but nobody is mailed.
  const member = await deps.members.findByEmail(email);
  if (!member) return;
  await deps.mailer.send(
    signInAttemptsMail(member.email, {
      name: member.name,
      failures: count,
      minutes: SIGN_IN_WINDOW_MS / 60_000,
      address: address ?? "unknown",
      limit: deps.maxFailures,
      resetUrl: `${deps.baseUrl}/forgot`,
      securityUrl: `${deps.baseUrl}/settings/security`,
      locale: supportedLocale(member.locale),
    }),
  );
}

/** A wrong password: counted against the account, and shown on the member's activity page when the account exists. */
export async function recordWrongPassword(
  deps: SignInGuardDeps,
  email: string,
  origin: { address: string | null; device: string | null },
): Promise<void> {
  await recordFailedSignIn(deps, email, origin.address);
  const member = await deps.members.findByEmail(email);
  if (member)
    await deps.activity.record({
      memberId: member.id,
      kind: "sign-in-failed",
      at: deps.clock.now(),
      ...origin,
      detail: null,
    });
}
