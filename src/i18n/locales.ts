// The languages the app speaks, each named in its own script, and how any stored or asked-for language maps onto one.
// A language is offered once its words are there: English, plus each language below whose locales/<lng>/ folder
// exists (test/i18n-messages.test.ts holds every offered language to having every key), so landing a translation
// is all it takes to offer it on every page, mail and PDF.
import { existsSync } from "node:fs";
import { LOCALES_DIR } from "./install-root.ts";

/** Every language the app knows how to name and format, in its own script (offered only once translated). */
export const LANGUAGES = {
  en: "English",
  te: "తెలుగు",
  ta: "தமிழ்",
  ml: "മലയാളം",
  kn: "ಕನ್ನಡ",
  hi: "हिन्दी",
  mr: "मराठी",
} as const;

export type Locale = keyof typeof LANGUAGES;

export const DEFAULT_LOCALE: Locale = "en";

/**
 * The languages offered (in the order of LANGUAGES), each named in its own script: English and every translated one.
 */
export const SUPPORTED_LOCALES: Readonly<Partial<Record<Locale, string>>> = Object.freeze(
  Object.fromEntries(
    (Object.entries(LANGUAGES) as [Locale, string][]).filter(
      ([locale]) => locale === DEFAULT_LOCALE || existsSync(new URL(`${locale}/`, LOCALES_DIR)),
    ),
  ),
);

/** The offered languages' codes, English first. */
export const OFFERED_LOCALES: readonly Locale[] = Object.freeze(Object.keys(SUPPORTED_LOCALES) as Locale[]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(SUPPORTED_LOCALES, value);
}

/** A member's stored language, or English when it is one we have no translation for. */
export function supportedLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The language the browser prefers most among those we have ("te-IN,te;q=0.9,en;q=0.8" -> te), else English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && isLocale(r.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0] ? supportedLocale(ranked[0].language) : DEFAULT_LOCALE;
}

/**
 * The language for a request: the signed-in member's choice, else the one picked on the way in (a cookie, before there
 * is an account), else the browser's Accept-Language.
 */
export function requestLocale(
  memberLocale: string | null | undefined,
  cookieLocale: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (isLocale(memberLocale)) return memberLocale;
  if (isLocale(cookieLocale)) return cookieLocale;
  return localeFromAcceptLanguage(acceptLanguage);
}

/**
 * The BCP 47 tag for Intl: the language as spoken in India, with Latin digits (Marathi would default to Devanagari
 * ones).
 */
export function intlTag(locale: Locale): string {
  return `${locale}-IN-u-nu-latn`;
}
