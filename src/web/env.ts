// The Hono environment every route shares: services, the request's logger, CSRF token, signed-in member and language.
import type { Logger } from "pino";
import type { ApprovalDeps } from "../app/approve-member.ts";
import type { CalendarFeedDeps } from "../app/calendar-feed.ts";
import type { TokenDeps } from "../app/create-api-token.ts";
import type { MemberExportDeps } from "../app/export-member-data.ts";
import type { ImportDeps } from "../app/import-archive.ts";
import type { LedgerDeps } from "../app/ledger-deps.ts";
import type { Locale } from "../app/locale.ts";
import type { NotificationSink } from "../app/notify.ts";
import type { PaymentImportDeps } from "../app/payment-import-deps.ts";
import type { ReminderDeps } from "../app/send-reminders.ts";
import type { Config } from "../config.ts";
import type { AccountActivityLog } from "../ports/account-activity.ts";
import type { Accounts } from "../ports/accounts.ts";
import type { AppSettings } from "../ports/app-settings.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { ErrorReporter } from "../ports/error-reporter.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import type { Metrics } from "../ports/metrics.ts";
import type { ExtraChannel } from "../ports/notifier.ts";
import type { OutboxRepository } from "../ports/outbox-repository.ts";
import type { RateCounter } from "../ports/rate-counter.ts";
import type { HealthCheck } from "../ports/readiness.ts";
import type { ScreenshotReader } from "../ports/screenshot-reader.ts";
import type { StoreHealth } from "../ports/store-health.ts";
import type { T } from "./i18n/index.ts";
import type { ResponseCache } from "./response-cache.ts";

export type { Logger };

/** The installation as the web layer (and the jobs) see it: settings, ports and each use case's dependencies. */
export type WebServices = {
  config: Config;
  log: Logger;
  clock: Clock;
  accounts: Accounts;
  members: MemberRepository;
  mailer: Mailer;
  outbox: OutboxRepository;
  audit: AuditLog;
  notify: NotificationSink;
  approval: ApprovalDeps;
  ledger: LedgerDeps;
  archive: ImportDeps;
  storageKind: "sqlite" | "mongodb";
  storageDescription: string;
  /** What the store says about itself: problems and storage used (start-up log, Admin page). */
  storeHealth: StoreHealth;
  /**
   * Reminders (issue 5): the job's ports, the extra channels members may choose, the calendar feed, live notifications.
   */
  reminders: ReminderDeps;
  reminderChannels: ExtraChannel[];
  calendar: CalendarFeedDeps;
  /** Open live-notification streams end when `signal` aborts (stop() at shutdown, so the server can close). */
  live: { pollMs: number; signal: AbortSignal; stop(): void };
  /** Personal API tokens and bulk CSV imports of payments (issue 6). */
  tokens: TokenDeps & { members: MemberRepository };
  paymentImports: PaymentImportDeps;
  /** Request counters in the store, shared by all instances (rate limits better-auth does not cover). */
  rateCounter: RateCounter;
  /** Reads payment screenshots (OCR in worker threads, bounded; issue 14). */
  screenshots: ScreenshotReader;
  /** Prometheus metrics when GET /metrics is configured (METRICS_TOKEN or METRICS_PORT), else a no-op. */
  metrics: Metrics;
  /** Unexpected errors go here besides the log (Sentry when SENTRY_DSN is set). */
  errors: ErrorReporter;
  ping(): Promise<void>;
  /** The store, the receipt files and free space, as /readyz reports them. */
  readiness(): Promise<HealthCheck[]>;
  /** Each member's account activity (sign-ins, password and two-factor changes, tokens, exports). */
  activity: AccountActivityLog;
  /** Settings the admin changes in the app (e.g. two-factor sign-in required for admins). */
  settings: AppSettings;
  /** A member's own data as one portable archive (DPDP). */
  memberExport: MemberExportDeps;
  close(): Promise<void>;
};

export type WebEnv = {
  Variables: {
    services: WebServices;
    requestId: string;
    log: Logger;
    csrfToken: string;
    /** The signed-in member whatever their status, or null; loaded once per request. */
    viewer: Member | null;
    /** An approved, unbanned member: set by requireMember. */
    member: Member;
    /** The personal API token this request came with (Authorization: Bearer), or undefined for a session. */
    apiTokenId: string | undefined;
    notice: string | null;
    /** The session's member (cookie only, whatever their status), looked up once; undefined until looked up. */
    sessionMember: Member | null;
    /** The language of this request's page and its translate function: set by pageLanguage. */
    locale: Locale;
    t: T;
    /** This app's kept answers (middleware/ledger-cache.ts); undefined when caching is off. */
    responseCache: ResponseCache | undefined;
  };
};
