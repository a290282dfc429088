// The languages pages and mails are really translated into, and how any stored language maps onto one of them.
export const SUPPORTED_LOCALES = { en: "English", hi: "हिन्दी (Hindi)" } as const;

export type Locale = keyof typeof SUPPORTED_LOCALES;

export const DEFAULT_LOCALE: Locale = "en";

/** A member's stored language, or English when it is one we have no translation for (e.g. an earlier "te" or "ta"). */
export function supportedLocale(value: string | null | undefined): Locale {
  return value !== null && value !== undefined && Object.hasOwn(SUPPORTED_LOCALES, value) ? (value as Locale) : DEFAULT_LOCALE;
}
