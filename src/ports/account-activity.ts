// What happened to a member's account, for their Account activity page: sign-ins, password and two-factor changes,
// sessions ended, API tokens (made, revoked, first use each day), data exports. Kept per member; erased with the
// account.
export const ACTIVITY_KINDS = [
  "signed-in",
  "sign-in-failed",
  "signed-in-with-recovery-code",
  "password-changed",
  "two-factor-enabled",
  "two-factor-disabled",
  "recovery-codes-renewed",
  "signed-out-elsewhere",
  "session-ended",
  "token-created",
  "token-revoked",
  "token-used",
  "data-exported",
] as const;

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type ActivityEvent = {
  memberId: string;
  kind: ActivityKind;
  at: Date;
  /** The client's address, when the event came with a request. */
  address: string | null;
  /** The browser or app (its User-Agent, shortened), when known. */
  device: string | null;
  /** A short fact such as a token's name; never a secret. */
  detail: string | null;
};

export interface AccountActivityLog {
  record(event: ActivityEvent): Promise<void>;
  /** Newest first. */
  list(memberId: string, page: { limit: number; offset: number }): Promise<{ events: ActivityEvent[]; total: number }>;
}
