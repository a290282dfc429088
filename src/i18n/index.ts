// The one i18n layer: a single i18next instance for pages, mails, reminders on every channel, notifications, errors and
// PDFs. Messages live in locales/<language>/<namespace>.json (read once, at start); a key's first part names its
// namespace ("layout.menu" is "menu" in layout.json). English is the fallback for any key not yet translated.
import { readFileSync } from "node:fs";
import i18next, { type TFunction } from "i18next";
import { LOCALES_DIR } from "./install-root.ts";
import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES } from "./locales.ts";
import { NAMESPACES, type Resources } from "./resources.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "layout";
    nsSeparator: ".";
    resources: Resources;
  }
}

/** A translate function fixed to one language; keys are checked against the English files at compile time. */
export type T = TFunction<(typeof NAMESPACES)[number][]>;

export { INSTALL_ROOT, LOCALES_DIR } from "./install-root.ts";

/** One language's messages as they are on disk: namespace -> nested keys -> text (a namespace file may be missing). */
export function readMessages(locale: string): Record<string, Record<string, unknown>> {
  const messages: Record<string, Record<string, unknown>> = {};
  for (const ns of NAMESPACES) {
    try {
      messages[ns] = JSON.parse(readFileSync(new URL(`${locale}/${ns}.json`, LOCALES_DIR), "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT")
        throw new Error(`locales/${locale}/${ns}.json cannot be read: ${(error as Error).message}`);
    }
  }
  return messages;
}

const locales = Object.keys(SUPPORTED_LOCALES) as Locale[];
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(locales.map((l) => [l, readMessages(l)])),
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: locales,
  ns: [...NAMESPACES],
  defaultNS: "layout",
  nsSeparator: ".",
  keySeparator: ".",
  // Resources are read above, so init finishes before this returns; hono/jsx escapes on output, mails are plain text.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const translators = new Map<Locale, T>(locales.map((l) => [l, i18n.getFixedT(l) as unknown as T]));

export function translatorFor(locale: Locale): T {
  return translators.get(locale) ?? (translators.get(DEFAULT_LOCALE) as T);
}

/** The language a translate function speaks (each fixed translator knows its own). */
export function localeOf(t: T): Locale {
  const lng = (t as unknown as { lng?: string }).lng;
  return lng && Object.hasOwn(SUPPORTED_LOCALES, lng) ? (lng as Locale) : DEFAULT_LOCALE;
}
