// Use cases name languages through the one i18n layer (src/i18n); this keeps their existing import path.
export { DEFAULT_LOCALE, isLocale, type Locale, SUPPORTED_LOCALES, supportedLocale } from "../i18n/locales.ts";
