// Composition root for everything but the HTTP server: picks adapters from config and wires the use cases' ports.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getMigrations } from "better-auth/db/migration";
import pino from "pino";
import { authAccountArchive } from "./adapters/auth/account-archive.ts";
import { resolveAuthSecret } from "./adapters/auth/auth-secret.ts";
import { type Auth, type AuthDeps, CODE_TTL_SECONDS, createAuth } from "./adapters/auth/better-auth.ts";
import { authMemberRepository } from "./adapters/auth/member-store.ts";
import { betterAuthSessions, type SessionLookup } from "./adapters/auth/session-lookup.ts";
import { boundedReceiptProcessor } from "./adapters/images/bounded-receipt-processor.ts";
import { outboxMailer } from "./adapters/mail/outbox-mailer.ts";
import { smtpMailer } from "./adapters/mail/smtp-mailer.ts";
import { countingNotifier, countingReceipts } from "./adapters/metrics/counted-ports.ts";
import { configuredChannels, notifiersFrom } from "./adapters/notifiers/channels.ts";
import { openStorage } from "./adapters/storage.ts";
import type { ApprovalDeps } from "./app/approve-member.ts";
import { type CalendarFeedDeps, calendarFeedKey } from "./app/calendar-feed.ts";
import type { TokenDeps } from "./app/create-api-token.ts";
import { handleEmailVerified } from "./app/handle-email-verified.ts";
import type { ImportDeps } from "./app/import-archive.ts";
import type { LedgerDeps } from "./app/ledger-deps.ts";
import { notificationSink } from "./app/notifications.ts";
import type { NotificationSink } from "./app/notify.ts";
import type { PaymentImportDeps } from "./app/preview-payment-import.ts";
import { sendCode } from "./app/send-code.ts";
import type { ReminderDeps } from "./app/send-reminders.ts";
import { summaryCache } from "./app/summary-cache.ts";
import type { Config } from "./config.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import { type Clock, systemClock } from "./ports/clock.ts";
import { type ErrorReporter, noErrorReporter } from "./ports/error-reporter.ts";
import type { Mailer } from "./ports/mailer.ts";
import type { MemberRepository } from "./ports/member-repository.ts";
import { type Metrics, noMetrics } from "./ports/metrics.ts";
import type { ExtraChannel } from "./ports/notifier.ts";
import type { OutboxRepository } from "./ports/outbox-repository.ts";
import type { RateCounter } from "./ports/rate-counter.ts";
import type { StoreHealth } from "./ports/store-health.ts";

export type Logger = pino.Logger;

export type Services = {
  config: Config;
  log: Logger;
  clock: Clock;
  auth: Auth;
  /** The member of a request's session cookie (better-auth's answer, kept per browser while its cookie copy lasts). */
  sessions: SessionLookup;
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
  /** Reminders (issue 5): the job's ports, the extra channels members may choose, the calendar feed, live notifications. */
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
  /** Prometheus metrics when GET /metrics is configured (METRICS_TOKEN or METRICS_PORT), else a no-op. */
  metrics: Metrics;
  /** Unexpected errors go here besides the log (Sentry when SENTRY_DSN is set). */
  errors: ErrorReporter;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type Overrides = { clock?: Clock; log?: Logger; mailer?: Mailer; metrics?: Metrics };

export async function composeServices(config: Config, overrides: Overrides = {}): Promise<Services> {
  const log = overrides.log ?? pino({ level: config.logLevel, base: undefined, redact: ["req.headers.cookie", "req.headers.authorization"] });
  const clock = overrides.clock ?? systemClock;
  const metricsOn = config.metrics.token !== undefined || config.metrics.port !== undefined;
  // prom-client loads only when something may scrape it.
  const metrics = overrides.metrics ?? (metricsOn ? (await import("./adapters/metrics/prometheus-metrics.ts")).prometheusMetrics() : noMetrics);
  const errors = config.sentryDsn
    ? await (await import("./adapters/errors/sentry-reporter.ts")).sentryErrorReporter(config.sentryDsn, config.env)
    : noErrorReporter;
  const kind = config.mongodbUri ? "mongodb" : "sqlite";
  const storage = await openStorage(
    config,
    metrics === noMetrics ? undefined : (operation, seconds, failed) => metrics.storeOperation(kind, operation, seconds, failed),
  );
  const payments = metrics === noMetrics ? storage.payments : countingReceipts(storage.payments, metrics);
  const closeMailer: (() => void)[] = [];
  const mailer =
    overrides.mailer ??
    (config.smtpUrl
      ? (() => {
          const m = smtpMailer(config.smtpUrl, config.mailFrom);
          closeMailer.push(m.close);
          return m;
        })()
      : outboxMailer(storage.outbox, clock, log));
  const notify: NotificationSink = notificationSink({ notifications: storage.notifications, clock });
  const ledger: LedgerDeps = {
    chits: storage.chits,
    payments,
    notifications: storage.notifications,
    files: storage.files,
    // sharp (libvips) loads on the first upload; at most config.imageConcurrency receipts are decoded at once.
    receiptProcessor: boundedReceiptProcessor(
      async () => (await import("./adapters/images/sharp-receipt-processor.ts")).sharpReceiptProcessor(),
      config.imageConcurrency,
    ),
    clock,
    receiptMaxBytes: config.receiptMaxBytes,
    summaries: summaryCache(),
  };

  let members: MemberRepository | undefined;
  const authSecret = resolveAuthSecret(config.authSecret, config.dataDir);
  const auth = createAuth({
    config,
    log,
    database: storage.authDatabase as AuthDeps["database"],
    secret: authSecret,
    sendCode: (email, code, purpose) => {
      if (mailer.kind === "outbox") log.info({ email, purpose, code }, `one-time code for ${email}: ${code}`);
      return sendCode({ mailer, codeTtlMinutes: CODE_TTL_SECONDS / 60, members: members! }, email, code, purpose);
    },
    onEmailVerified: (userId) =>
      handleEmailVerified(
        {
          members: members!,
          mailer,
          audit: storage.audit,
          clock,
          notify,
          approvalMode: config.approvalMode,
          adminEmail: config.adminEmail,
          baseUrl: config.baseUrl,
        },
        userId,
      ),
  });
  if (storage.kind === "sqlite") {
    // better-auth creates and upgrades its own tables; MongoDB needs no migrations (indexes are made at start-up).
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
  }
  members = authMemberRepository(auth);
  const liveStreams = new AbortController();

  return {
    config,
    log,
    clock,
    auth,
    sessions: betterAuthSessions(auth, config.sessionCacheSeconds),
    members,
    mailer,
    outbox: storage.outbox,
    audit: storage.audit,
    notify,
    approval: { members, mailer, audit: storage.audit, clock, notify, baseUrl: config.baseUrl },
    ledger,
    archive: {
      accounts: authAccountArchive(auth),
      chits: storage.chits,
      payments,
      notifications: storage.notifications,
      outbox: storage.outbox,
      audit: storage.audit,
      files: storage.files,
      clock,
      clearLedger: storage.clearLedger,
      apiTokens: storage.apiTokens,
    },
    tokens: { apiTokens: storage.apiTokens, members, clock },
    paymentImports: { chits: storage.chits, payments, imports: storage.imports, clock },
    reminders: {
      members,
      chits: storage.chits,
      payments,
      notifications: storage.notifications,
      reminderLog: storage.reminderLog,
      leases: storage.leases,
      notifiers: notifiersFrom(config.channels, mailer).map((n) => (metrics === noMetrics ? n : countingNotifier(n, metrics))),
      clock,
      baseUrl: config.baseUrl,
      fromHour: config.reminders.fromHour,
      instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      log,
    },
    reminderChannels: configuredChannels(config.channels),
    calendar: { members, chits: storage.chits, payments, clock, baseUrl: config.baseUrl, feedKey: calendarFeedKey(authSecret) },
    live: { pollMs: config.eventsPollMs, signal: liveStreams.signal, stop: () => liveStreams.abort() },
    storageKind: storage.kind,
    storageDescription: storage.description,
    storeHealth: storage.health,
    rateCounter: storage.rateCounter,
    metrics,
    errors,
    ping: storage.ping,
    async close() {
      liveStreams.abort();
      for (const close of closeMailer) close();
      await storage.close();
      await errors.flush(2000);
    },
  };
}
