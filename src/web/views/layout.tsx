// The page shell: head with local assets, navigation for the viewer's role, a notice area, the page, and a footer.
import type { Child } from "hono/jsx";
import type { Locale } from "../../app/locale.ts";
import type { Member } from "../../ports/member-repository.ts";
import { assetPath } from "../assets.ts";
import type { T } from "../i18n/index.ts";

export type LayoutProps = {
  title: string;
  t: T;
  locale: Locale;
  viewer?: Member | null;
  csrfToken: string;
  notice?: string | null;
  error?: string | null;
  active?: string;
  /** When the page was drawn, in the member's zone: the service worker shows it when it serves the page offline. */
  renderedAt?: string | null;
  /** Links to this same page in each language, offered before sign-in (after it, the profile keeps the choice). */
  languageLinks?: { locale: Locale; name: string; href: string }[];
  children: Child;
};

type NavLabel = "dashboard" | "chits" | "payments" | "calendar" | "notifications" | "admin";
type SettingsLabel = "profile" | "security" | "activity" | "myData" | "reminders" | "imports" | "tokens" | "apiDocs";

const NAV: { href: string; label: NavLabel; key: string; admin?: boolean }[] = [
  { href: "/dashboard", label: "dashboard", key: "dashboard" },
  { href: "/chits", label: "chits", key: "chits" },
  { href: "/payments", label: "payments", key: "payments" },
  { href: "/calendar", label: "calendar", key: "calendar" },
  { href: "/notifications", label: "notifications", key: "notifications" },
  { href: "/admin", label: "admin", key: "admin", admin: true },
];

/** Less frequent pages, under one "Settings" menu so the bar fits on a laptop and a phone alike. */
const SETTINGS: { href: string; label: SettingsLabel; key: string }[] = [
  { href: "/settings/profile", label: "profile", key: "profile" },
  { href: "/settings/security", label: "security", key: "security" },
  { href: "/settings/activity", label: "activity", key: "activity" },
  { href: "/settings/data", label: "myData", key: "data" },
  { href: "/settings/reminders", label: "reminders", key: "reminders" },
  { href: "/imports", label: "imports", key: "imports" },
  { href: "/settings/tokens", label: "tokens", key: "tokens" },
  { href: "/api/docs", label: "apiDocs", key: "api-docs" },
];

const CLIENT_WORDS = [
  "tooLargeOne",
  "tooLargeMany",
  "chosen",
  "toastOverdue",
  "toastReminder",
  "toastNotification",
  "close",
  "open",
  "chartPaid",
  "chartExpected",
] as const;

function clientWords(t: T): Record<string, string> {
  return Object.fromEntries(CLIENT_WORDS.map((k) => [k, t(`client.${k}`)]));
}

export function Layout(props: LayoutProps) {
  const { viewer, t } = props;
  const signedIn = viewer && viewer.status === "approved" && !viewer.banned;
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={props.csrfToken} />
        {/* The few words the page scripts write (toasts, file checks, chart legends), in the page's language. */}
        <meta name="ui-words" content={JSON.stringify(clientWords(t))} />
        <link rel="manifest" href="/manifest.webmanifest" />
        <meta name="theme-color" content="#0d6efd" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
        <title>{`${props.title} · ChitFunds Ledger`}</title>
        <link rel="stylesheet" href={assetPath("bootstrap/bootstrap.min.css")} />
        <link rel="stylesheet" href={assetPath("app.css")} />
        <script src={assetPath("bootstrap/bootstrap.bundle.min.js")} defer></script>
        <script src={assetPath("app.js")} defer></script>
        <script src={assetPath("pwa.js")} defer></script>
        {signedIn && <script src={assetPath("notifications-live.js")} defer></script>}
        {signedIn && <script src={assetPath("payment-read.js")} defer></script>}
      </head>
      <body class="d-flex flex-column min-vh-100" data-signed-out={signedIn ? undefined : "true"}>
        <a class="visually-hidden-focusable" href="#main">
          {t("layout.skipToContent")}
        </a>
        <nav class="navbar navbar-expand-md navbar-dark bg-primary" aria-label={t("layout.menu")}>
          <div class="container">
            <a class="navbar-brand fw-semibold" href={signedIn ? "/dashboard" : "/"}>
              ChitFunds Ledger
            </a>
            {signedIn && (
              <>
                <button
                  class="navbar-toggler"
                  type="button"
                  data-bs-toggle="collapse"
                  data-bs-target="#nav"
                  aria-controls="nav"
                  aria-expanded="false"
                  aria-label={t("layout.menu")}
                >
                  <span class="navbar-toggler-icon"></span>
                </button>
                <div class="collapse navbar-collapse" id="nav">
                  <ul class="navbar-nav me-auto">
                    {NAV.filter((n) => !n.admin || viewer.role === "admin").map((n) => (
                      <li class="nav-item">
                        <a
                          class={[
                            "nav-link",
                            props.active === n.key ? " active" : "",
                            n.key === "notifications" ? " text-nowrap" : "",
                          ].join("")}
                          href={n.href}
                          aria-current={props.active === n.key ? "page" : undefined}
                        >
                          {t(`layout.${n.label}`)}
                          {/* The unread count, kept current by public/notifications-live.js (live, over /events). */}
                          {n.key === "notifications" && (
                            <span class="badge rounded-pill text-bg-light ms-1" data-unread-count hidden>
                              <span data-unread-number>0</span>
                              <span class="visually-hidden">{t("layout.unread")}</span>
                            </span>
                          )}
                        </a>
                      </li>
                    ))}
                    <li class="nav-item dropdown">
                      <button
                        class={[
                          "nav-link dropdown-toggle",
                          SETTINGS.some((n) => n.key === props.active) ? " active" : "",
                        ].join("")}
                        type="button"
                        data-bs-toggle="dropdown"
                        aria-expanded="false"
                      >
                        {t("layout.settings")}
                      </button>
                      <ul class="dropdown-menu">
                        {SETTINGS.map((n) => (
                          <li>
                            <a
                              class={`dropdown-item${props.active === n.key ? " active" : ""}`}
                              href={n.href}
                              aria-current={props.active === n.key ? "page" : undefined}
                            >
                              {t(`layout.${n.label}`)}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </li>
                  </ul>
                  <form method="post" action="/logout" class="d-flex">
                    <input type="hidden" name="_csrf" value={props.csrfToken} />
                    <span class="navbar-text text-white-50 me-3 d-none d-lg-inline">{viewer.email}</span>
                    <button class="btn btn-outline-light btn-sm" type="submit">
                      {t("layout.logOut")}
                    </button>
                  </form>
                </div>
              </>
            )}
            {!signedIn && (
              <div class="d-flex gap-2">
                {viewer ? (
                  <form method="post" action="/logout">
                    <input type="hidden" name="_csrf" value={props.csrfToken} />
                    <button class="btn btn-outline-light btn-sm" type="submit">
                      {t("layout.logOut")}
                    </button>
                  </form>
                ) : (
                  <>
                    <a class="btn btn-outline-light btn-sm" href="/login">
                      {t("layout.logIn")}
                    </a>
                    <a class="btn btn-light btn-sm" href="/register">
                      {t("layout.register")}
                    </a>
                  </>
                )}
              </div>
            )}
          </div>
        </nav>
        <main id="main" class="container py-4 flex-grow-1">
          {signedIn && props.renderedAt && (
            <div
              class="alert alert-warning"
              role="status"
              data-offline-banner
              hidden
              data-form-text={t("pwa.formNeedsConnection")}
            >
              {t("pwa.offlineAsOf", { time: props.renderedAt })} {t("pwa.formsNeedConnection")}
            </div>
          )}
          {!signedIn && props.languageLinks && (
            <nav class="mb-3 small" aria-label={t("layout.language")}>
              <span class="text-muted me-2">{t("layout.language")}:</span>
              <ul class="list-inline d-inline mb-0">
                {props.languageLinks.map((l) => (
                  <li class="list-inline-item">
                    {l.locale === props.locale ? (
                      <strong lang={l.locale} aria-current="true">
                        {l.name}
                      </strong>
                    ) : (
                      <a href={l.href} lang={l.locale} hreflang={l.locale}>
                        {l.name}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {props.notice && (
            <div class="alert alert-success" role="status">
              {props.notice}
            </div>
          )}
          {props.error && (
            <div class="alert alert-danger" role="alert">
              {props.error}
            </div>
          )}
          {props.children}
        </main>
        {signedIn && (
          <div class="toast-container position-fixed bottom-0 end-0 p-3" data-live-toasts aria-live="polite"></div>
        )}
        <footer class="border-top py-3 text-muted small">
          <div class="container d-flex flex-wrap justify-content-between gap-2">
            <span>{t("layout.footerAbout")}</span>
            <span>{t("layout.footerUnits")}</span>
          </div>
        </footer>
      </body>
    </html>
  );
}
