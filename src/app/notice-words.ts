// A notification's words and their English text (kept for the API and for readers without the words).
import { translatorFor } from "../i18n/index.ts";
import { say, type Words } from "../i18n/words.ts";

export function noticeWords(w: Words): { message: string; words: Words } {
  return { message: say(translatorFor("en"), w), words: w };
}
