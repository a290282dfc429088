// Typed application errors: a stable kebab-case code, an HTTP status, a message for people, and per-field messages.
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "That item") => new AppError(404, "not-found", `${what} was not found.`);
export const badInput = (fields: Record<string, string>, message = "Please correct the highlighted fields.") =>
  new AppError(400, "invalid-input", message, fields);
