// Typed application errors: a stable kebab-case code, an HTTP status, a message for people, and per-field messages.
// Messages are Words (an i18n key and parameters) said at the edge in the reader's language; `message` and `fields`
// hold the English text for the API and logs. A plain string is English only (older code paths, the CLI).
import { translatorFor } from "../i18n/index.ts";
import { say, type Words, words, wordsFromMessage } from "../i18n/words.ts";

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

const english = translatorFor("en");
const inEnglish = (m: string | Words) => {
  if (typeof m !== "string") return say(english, m);
  const carried = wordsFromMessage(m);
  return carried ? say(english, carried) : m;
};
const asWords = (m: string | Words): Words | null => (typeof m === "string" ? wordsFromMessage(m) : m);

export class AppError extends Error {
  /** The message as Words, when it has them. */
  readonly words: Words | null;
  /** Per-field messages in English. */
  readonly fields: Record<string, string>;
  /** Per-field messages as Words, for the fields that have them. */
  readonly fieldWords: Record<string, Words>;

  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string | Words,
    fields: Record<string, string | Words> = {},
  ) {
    super(inEnglish(message));
    this.words = asWords(message);
    this.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, inEnglish(v)]));
    this.fieldWords = Object.fromEntries(
      Object.entries(fields)
        .map(([k, v]) => [k, asWords(v)] as const)
        .filter((e): e is readonly [string, Words] => e[1] !== null),
    );
  }
}

type Thing = "chit" | "payment" | "receipt" | "instalment" | "notification" | "token" | "import" | "member" | "page";

export const notFound = (what: Thing = "page") => new AppError(404, "not-found", words(`errors.notFound.${what}`));
export const badInput = (fields: Record<string, string | Words>, message: string | Words = words("errors.fixFields")) =>
  new AppError(400, "invalid-input", message, fields);
