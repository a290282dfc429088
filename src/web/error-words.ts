// An AppError said in the page's language: the Words it carries where it has them, else its (English) text.
import type { AppError } from "../app/errors.ts";
import { say, type Words } from "../i18n/words.ts";
import type { T } from "./i18n/index.ts";

export function errorIn(t: T, error: AppError): { message: string; fields: Record<string, string> } {
  const fields = { ...error.fields };
  for (const [field, w] of Object.entries(error.fieldWords)) fields[field] = say(t, w);
  return { message: error.words ? say(t, error.words) : error.message, fields };
}

/** An import problem in the page's language (a preview stored before problems had Words holds English text). */
export function problemIn(t: T, problem: { words?: Words; message?: string }): string {
  return problem.words ? say(t, problem.words) : (problem.message ?? "");
}
