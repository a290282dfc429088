// Page translations with i18next: one `t` per language, chosen for a request from the member's stored language or the
// browser's Accept-Language; English is the default and the fallback for any missing word.
import i18next, { type TFunction } from "i18next";
import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES, supportedLocale } from "../../app/locale.ts";
import { en } from "./en.ts";
import { hi } from "./hi.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

/** The translate function views receive; keys are checked against en.ts at compile time. */
export type T = TFunction<"translation">;

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, hi: { translation: hi } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: Object.keys(SUPPORTED_LOCALES),
  // Resources are bundled, so init finishes before this returns; hono/jsx escapes on output, and mails are plain text.
  initAsync: false,
  interpolation: { escapeValue: false },
});

const translators = new Map<Locale, T>((Object.keys(SUPPORTED_LOCALES) as Locale[]).map((l) => [l, i18n.getFixedT(l) as T]));

export function translatorFor(locale: Locale): T {
  return translators.get(locale) ?? (translators.get(DEFAULT_LOCALE) as T);
}

/** The language the browser prefers most among those we have ("hi-IN,hi;q=0.9,en;q=0.8" -> hi), else English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Object.hasOwn(SUPPORTED_LOCALES, r.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0] ? supportedLocale(ranked[0].language) : DEFAULT_LOCALE;
}

/** The language for a request: the signed-in member's choice, else what the browser asks for. */
export function requestLocale(memberLocale: string | null | undefined, acceptLanguage: string | undefined): Locale {
  return memberLocale ? supportedLocale(memberLocale) : localeFromAcceptLanguage(acceptLanguage);
}
