// Remembers which request first used an idempotency key (per member), so a retry or a double submission finds the
// result of the first instead of making a second payment. Keys are kept a day.
export type IdempotencyRecord = {
  fingerprint: string;
  /** "pending" while the first request is still being handled. */
  state: "pending" | "done";
  /** What the first request produced (a JSON text the use case chose), once done. */
  result: string | null;
};

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyStore {
  /** Takes the key for this request and answers null, or answers what is recorded when the key is already taken. */
  claim(ownerId: string, key: string, fingerprint: string, now: Date): Promise<IdempotencyRecord | null>;
  complete(ownerId: string, key: string, result: string): Promise<void>;
  /** Frees the key after a request that made nothing (refused input, a failure), so it can be tried again. */
  release(ownerId: string, key: string): Promise<void>;
}
