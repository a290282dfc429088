// Words as data: an i18n key and its parameters, so errors and notes can be made where they happen (in English-free
// use cases) and said at the edge in the reader's language. A parameter may itself be Words (a field's label).

import type { Words } from "../domain/words.ts";
import { formatDay } from "./format.ts";
import { localeOf, type T } from "./index.ts";

export type { Words } from "../domain/words.ts";

export function words(key: string, params?: Words["params"]): Words {
  return params ? { key, params } : { key };
}

export function isWords(value: unknown): value is Words {
  return typeof value === "object" && value !== null && typeof (value as Words).key === "string";
}

/** The words in the language of `t`. */
export function say(t: T, w: Words): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(w.params ?? {})) {
    if (isWords(value)) params[name] = say(t, value);
    else if (typeof value === "object") params[name] = formatDay(value.day, localeOf(t));
    else params[name] = value;
  }
  return (t as unknown as (key: string, options?: object) => string)(w.key, params);
}

const MARK = "\u0001words:";

/** A schema library's message must be a string: Words travel inside one, marked so they can be told from plain text. */
export function wordsMessage(key: string, params?: Words["params"]): string {
  return `${MARK}${JSON.stringify(words(key, params))}`;
}

/** The Words inside a message made by wordsMessage, or null for plain text. */
export function wordsFromMessage(message: string): Words | null {
  if (!message.startsWith(MARK)) return null;
  try {
    const parsed: unknown = JSON.parse(message.slice(MARK.length));
    return isWords(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
