// The shape of every namespace, taken from the English files: keys are checked at compile time against these.
// A new namespace (a new locales/en/<ns>.json) gets one line here; new keys in an existing file need nothing.
type Json<T> = T extends { default: infer D } ? D : T;

export type Resources = {
  admin: Json<typeof import("../../locales/en/admin.json", { with: { type: "json" }})>;
  apiDocs: Json<typeof import("../../locales/en/apiDocs.json", { with: { type: "json" }})>;
  auth: Json<typeof import("../../locales/en/auth.json", { with: { type: "json" }})>;
  authErrors: Json<typeof import("../../locales/en/authErrors.json", { with: { type: "json" }})>;
  bid: Json<typeof import("../../locales/en/bid.json", { with: { type: "json" }})>;
  calendar: Json<typeof import("../../locales/en/calendar.json", { with: { type: "json" }})>;
  chitForm: Json<typeof import("../../locales/en/chitForm.json", { with: { type: "json" }})>;
  chits: Json<typeof import("../../locales/en/chits.json", { with: { type: "json" }})>;
  client: Json<typeof import("../../locales/en/client.json", { with: { type: "json" }})>;
  dashboard: Json<typeof import("../../locales/en/dashboard.json", { with: { type: "json" }})>;
  errors: Json<typeof import("../../locales/en/errors.json", { with: { type: "json" }})>;
  imports: Json<typeof import("../../locales/en/imports.json", { with: { type: "json" }})>;
  input: Json<typeof import("../../locales/en/input.json", { with: { type: "json" }})>;
  instalmentForm: Json<typeof import("../../locales/en/instalmentForm.json", { with: { type: "json" }})>;
  layout: Json<typeof import("../../locales/en/layout.json", { with: { type: "json" }})>;
  ledger: Json<typeof import("../../locales/en/ledger.json", { with: { type: "json" }})>;
  mail: Json<typeof import("../../locales/en/mail.json", { with: { type: "json" }})>;
  notices: Json<typeof import("../../locales/en/notices.json", { with: { type: "json" }})>;
  notifications: Json<typeof import("../../locales/en/notifications.json", { with: { type: "json" }})>;
  payment: Json<typeof import("../../locales/en/payment.json", { with: { type: "json" }})>;
  paymentForm: Json<typeof import("../../locales/en/paymentForm.json", { with: { type: "json" }})>;
  payments: Json<typeof import("../../locales/en/payments.json", { with: { type: "json" }})>;
  pdf: Json<typeof import("../../locales/en/pdf.json", { with: { type: "json" }})>;
  problems: Json<typeof import("../../locales/en/problems.json", { with: { type: "json" }})>;
  profile: Json<typeof import("../../locales/en/profile.json", { with: { type: "json" }})>;
  pwa: Json<typeof import("../../locales/en/pwa.json", { with: { type: "json" }})>;
  rate: Json<typeof import("../../locales/en/rate.json", { with: { type: "json" }})>;
  reminderSettings: Json<typeof import("../../locales/en/reminderSettings.json", { with: { type: "json" }})>;
  reminders: Json<typeof import("../../locales/en/reminders.json", { with: { type: "json" }})>;
  rules: Json<typeof import("../../locales/en/rules.json", { with: { type: "json" }})>;
  screenshot: Json<typeof import("../../locales/en/screenshot.json", { with: { type: "json" }})>;
  store: Json<typeof import("../../locales/en/store.json", { with: { type: "json" }})>;
  tokens: Json<typeof import("../../locales/en/tokens.json", { with: { type: "json" }})>;
};

export const NAMESPACES = [
  "admin",
  "apiDocs",
  "auth",
  "authErrors",
  "bid",
  "calendar",
  "chitForm",
  "chits",
  "client",
  "dashboard",
  "errors",
  "imports",
  "input",
  "instalmentForm",
  "layout",
  "ledger",
  "mail",
  "notices",
  "notifications",
  "payment",
  "paymentForm",
  "payments",
  "pdf",
  "problems",
  "profile",
  "pwa",
  "rate",
  "reminderSettings",
  "reminders",
  "rules",
  "screenshot",
  "store",
  "tokens",
] as const satisfies readonly (keyof Resources)[];
