// The message files: every English key exists in every language, with only the placeholders English fills, and no
// translation is left as the English text unless it is made only of words every language keeps (UPI, PDF, the app's
// name).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR, readMessages } from "../src/i18n/index.ts";
import { LANGUAGES, OFFERED_LOCALES } from "../src/i18n/locales.ts";
import { NAMESPACES } from "../src/i18n/resources.ts";
import { englishWords } from "./support/english-words.ts";

/** "ns.key.sub" -> text, for every leaf of a language's messages. */
function flatten(messages: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else if (value && typeof value === "object")
      for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]))].sort();
/** Keys awaiting translation (added by another change, in English only for now): they fall back to English. */
const pending = new Set<string>(JSON.parse(readFileSync(new URL("pending.json", LOCALES_DIR), "utf8")) as string[]);
const english = flatten(readMessages("en"));
const others = OFFERED_LOCALES.filter((l) => l !== "en");
const byLocale = new Map(others.map((l) => [l, flatten(readMessages(l))]));

describe("the message files", () => {
  it("name one namespace per file, each listed in src/i18n/resources.ts", () => {
    const files = readdirSync(new URL("en/", LOCALES_DIR)).filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...NAMESPACES].sort());
  });

  it("list as pending only keys English has and some language still lacks", () => {
    for (const key of pending) {
      expect(english.has(key), `${key} is pending but not in English`).toBe(true);
      const missing = others.filter((l) => !byLocale.get(l)?.has(key));
      expect(missing.length, `${key} is translated everywhere: take it off locales/pending.json`).toBeGreaterThan(0);
    }
  });

  for (const locale of others) {
    describe(`${locale} (${LANGUAGES[locale]})`, () => {
      const translated = byLocale.get(locale) ?? new Map<string, string>();

      it("has every English key, and no key English does not have", () => {
        const missing = [...english.keys()].filter((k) => !translated.has(k) && !pending.has(k));
        expect(missing).toEqual([]);
        expect([...translated.keys()].filter((k) => !english.has(k))).toEqual([]);
      });

      it("uses only the placeholders the English text fills, and no empty text", () => {
        for (const [key, text] of translated) {
          expect(text.trim(), key).not.toBe("");
          expect(placeholders(english.get(key) ?? ""), key).toEqual(expect.arrayContaining(placeholders(text)));
        }
      });

      it("leaves no English text untranslated, apart from words every language keeps", () => {
        const left = [...translated]
          .filter(([key, text]) => text === english.get(key) && englishWords(text).length > 0)
          .map(([key]) => key);
        expect(left).toEqual([]);
      });
    });
  }
});
