// Typed error for domain arguments that break a type's contract (programmer errors, not a person's typing).

/** Stable kebab-case codes; the web layer maps them onto its error envelope. */
export type DomainErrorCode =
  | "not-integer-paise"
  | "invalid-date"
  | "invalid-time-zone"
  | "invalid-instalment"
  | "division-by-zero";

/**
 * Thrown only when a caller passes a value its type promises can never occur (fractional paise, a
 * malformed CalendarDate, an unknown time zone). Text typed by a person is parsed into `null` instead,
 * so the edge can show a message next to the field without catching anything.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(message);
    this.name = "DomainError";
    this.code = code;
  }
}
