// Where unexpected errors are reported besides the log (Sentry when SENTRY_DSN is set; nowhere otherwise).
export type ErrorContext = { requestId?: string; method?: string; route?: string };

export interface ErrorReporter {
  readonly kind: "none" | "sentry";
  report(error: unknown, context: ErrorContext): void;
  /** Sends what is queued before the process ends (bounded by timeoutMs). */
  flush(timeoutMs: number): Promise<void>;
}

export const noErrorReporter: ErrorReporter = {
  kind: "none",
  report() {},
  async flush() {},
};
