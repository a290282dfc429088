// A domain problem (a code and its figures) as Words, said at the edge in the reader's language.
import type { Problem } from "../domain/chit-validation.ts";
import { type Words, words } from "../i18n/words.ts";

export function problemWords(problem: Problem): Words {
  return words(`problems.${problem.code}`, problem.params);
}
