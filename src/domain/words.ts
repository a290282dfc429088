// Words as data: an i18n key and its parameters, so errors, notes and notifications are made where they happen and
// said at the edge in the reader's language (src/i18n/words.ts). Pure data: no text, no language here.

/** A parameter: text, a number, nested Words (a field's label), or a calendar day shown in the reader's language. */
export type WordParam = string | number | Words | { day: string };

export type Words = { key: string; params?: Record<string, WordParam> };
