// Fixed-window request counters kept in the store, so every app instance counts against the same limit.
export interface RateCounter {
  /** Counts one request for `key` in the window that contains `now` and returns the window's count so far. */
  hit(key: string, windowMs: number, now: number): Promise<{ count: number; windowStart: number }>;
  /** The window's count so far without counting a request (0 when none). */
  peek(key: string, windowMs: number, now: number): Promise<{ count: number; windowStart: number }>;
}
