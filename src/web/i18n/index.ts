// Pages use the one i18n layer in src/i18n; this keeps the web layer's import path for views and routes.
export { localeOf, type T, translatorFor } from "../../i18n/index.ts";
