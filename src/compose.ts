// Composition root for everything but the HTTP server: picks adapters from config and wires the use cases' ports.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getMigrations } from "better-auth/db/migration";
import pino from "pino";
import { localArchiveFiles } from "./adapters/archive/archive-file.ts";
import { authAccountArchive } from "./adapters/auth/account-archive.ts";
import { betterAuthAccounts } from "./adapters/auth/accounts.ts";
import { resolveAuthSecret } from "./adapters/auth/auth-secret.ts";
import { type Auth, type AuthDeps, CODE_TTL_SECONDS, createAuth } from "./adapters/auth/better-auth.ts";
import { authMemberRepository } from "./adapters/auth/member-store.ts";
import { csvCodec } from "./adapters/csv/csv-codec.ts";
import { boundedReceiptProcessor } from "./adapters/images/bounded-receipt-processor.ts";
import { outboxMailer } from "./adapters/mail/outbox-mailer.ts";
import { smtpMailer } from "./adapters/mail/smtp-mailer.ts";
import { boundedCache } from "./adapters/memory/bounded-cache.ts";
import { countingNotifier, countingReceipts } from "./adapters/metrics/counted-ports.ts";
import { configuredChannels, notifiersFrom } from "./adapters/notifiers/channels.ts";
import { lazyScreenshotReader } from "./adapters/ocr/lazy-screenshot-reader.ts";
import type { Storage } from "./adapters/storage.ts";
import { adminTwoFactorRequired } from "./app/admin-two-factor.ts";
import { calendarFeedKey } from "./app/calendar-feed.ts";
import { eraseMember } from "./app/erase-member.ts";
import { recordWrongPassword, type SignInGuardDeps, secondsUntilSignIn } from "./app/guard-account-sign-in.ts";
import { handleEmailVerified } from "./app/handle-email-verified.ts";
import type { LedgerDeps } from "./app/ledger-deps.ts";
import { notificationSink } from "./app/notifications.ts";
import type { NotificationSink } from "./app/notify.ts";
import { sendCode } from "./app/send-code.ts";
import type { Config } from "./config.ts";
import { type Clock, systemClock } from "./ports/clock.ts";
import { noErrorReporter } from "./ports/error-reporter.ts";
import type { Mailer } from "./ports/mailer.ts";
import type { MemberRepository } from "./ports/member-repository.ts";
import { type Metrics, noMetrics, type StoreObserver } from "./ports/metrics.ts";
import type { StoreHealth } from "./ports/store-health.ts";
import type { Logger, WebServices } from "./web/env.ts";

/** What the web layer sees (web/env.ts), plus better-auth's own instance for the CLI and tests. */
export type Services = WebServices & { auth: Auth };

const mongoSettings = (config: Config) => ({ uri: config.mongodbUri!, dbName: config.mongodbDb, ...config.mongodb });

/** MongoDB when MONGODB_URI is set, else the embedded SQLite default under DATA_DIR; `observe` is told of every
 * statement or command sent to the store (metrics); `setAsideDamaged` is for `chitfunds restore` only. */
export async function openStorage(
  config: Config,
  observe?: StoreObserver,
  options: { setAsideDamaged?: boolean } = {},
): Promise<Storage> {
  if (config.mongodbUri) {
    const { openMongoStorage } = await import("./adapters/mongo/storage.ts");
    return openMongoStorage(mongoSettings(config), observe);
  }
  const { openSqliteStorage } = await import("./adapters/sqlite/storage.ts");
  return openSqliteStorage(config.dataDir, observe, options);
}

/**
 * Checks the configured store without starting the app (`chitfunds doctor`): a store that cannot be reached is a
 * report with that problem, not an error.
 */
export function probeStore(config: Config): StoreHealth {
  if (config.mongodbUri) {
    return {
      async report() {
        const { probeMongo } = await import("./adapters/mongo/probe.ts");
        return probeMongo(mongoSettings(config));
      },
    };
  }
  return {
    async report() {
      const { probeSqlite } = await import("./adapters/sqlite/sqlite-health.ts");
      return probeSqlite(config.dataDir);
    },
  };
}

/** Members whose dashboard summary an instance keeps (up to ~100 kB each for 25 chits: bounded for a 512 MB host). */
const SUMMARY_CACHE_LIMIT = 200;

export type Overrides = {
  clock?: Clock;
  log?: Logger;
  mailer?: Mailer;
  metrics?: Metrics;
  /** Only `chitfunds restore`: an empty or damaged SQLite file is set aside instead of stopping start-up. */
  setAsideDamagedDatabase?: boolean;
};

export async function composeServices(config: Config, overrides: Overrides = {}): Promise<Services> {
  const log =
    overrides.log ??
    pino({ level: config.logLevel, base: undefined, redact: ["req.headers.cookie", "req.headers.authorization"] });
  const clock = overrides.clock ?? systemClock;
  const metricsOn = config.metrics.token !== undefined || config.metrics.port !== undefined;
  // prom-client loads only when something may scrape it.
  const metrics =
    overrides.metrics ??
    (metricsOn ? (await import("./adapters/metrics/prometheus-metrics.ts")).prometheusMetrics() : noMetrics);
  const errors = config.sentryDsn
    ? await (await import("./adapters/errors/sentry-reporter.ts")).sentryErrorReporter(config.sentryDsn, config.env)
    : noErrorReporter;
  const kind = config.mongodbUri ? "mongodb" : "sqlite";
  const storage = await openStorage(
    config,
    metrics === noMetrics
      ? undefined
      : (operation, seconds, failed) => metrics.storeOperation(kind, operation, seconds, failed),
    { setAsideDamaged: overrides.setAsideDamagedDatabase },
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
    csv: csvCodec,
    receiptMaxBytes: config.receiptMaxBytes,
    summaries: boundedCache(SUMMARY_CACHE_LIMIT),
    idempotency: storage.idempotency,
  };

  let members: MemberRepository | undefined;
  const signInGuard = (): SignInGuardDeps => ({
    rateCounter: storage.rateCounter,
    members: members!,
    mailer,
    clock,
    maxFailures: config.signInMaxFailures,
    baseUrl: config.baseUrl,
    activity: storage.activity,
  });
  const authSecret = resolveAuthSecret(config.authSecret, config.dataDir);
  const auth = createAuth({
    config,
    log,
    database: storage.authDatabase as AuthDeps["database"],
    secret: authSecret,
    signInGuard: { secondsUntilSignIn: (email) => secondsUntilSignIn(signInGuard(), email) },
    accountEvents: {
      event: (memberId, kind, origin, detail) =>
        storage.activity.record({ memberId, kind, at: clock.now(), ...origin, detail: detail ?? null }),
      wrongPassword: (email, origin) => recordWrongPassword(signInGuard(), email, origin),
    },
    adminTwoFactorRequired: () => adminTwoFactorRequired(storage.settings),
    onDeleteUser: (user) =>
      eraseMember({ memberData: storage.memberData, files: storage.files, audit: storage.audit, clock }, user),
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
  const screenshots = lazyScreenshotReader(async () =>
    (await import("./adapters/ocr/tesseract-screenshot-reader.ts")).tesseractScreenshotReader({
      ...config.ocr,
      onError: (error) => log.warn({ err: error }, "screenshot reading failed"),
    }),
  );

  return {
    config,
    log,
    clock,
    auth,
    accounts: betterAuthAccounts(auth, config.sessionCacheSeconds),
    members,
    mailer,
    outbox: storage.outbox,
    audit: storage.audit,
    notify,
    approval: { members, mailer, audit: storage.audit, clock, notify, baseUrl: config.baseUrl },
    ledger,
    archive: {
      archives: localArchiveFiles,
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
      activity: storage.activity,
    },
    tokens: { apiTokens: storage.apiTokens, members, clock, activity: storage.activity },
    activity: storage.activity,
    settings: storage.settings,
    memberExport: {
      archives: localArchiveFiles,
      chits: storage.chits,
      payments,
      notifications: storage.notifications,
      apiTokens: storage.apiTokens,
      activity: storage.activity,
      files: storage.files,
      clock,
    },
    paymentImports: { chits: storage.chits, payments, imports: storage.imports, clock, csv: csvCodec },
    reminders: {
      members,
      chits: storage.chits,
      payments,
      notifications: storage.notifications,
      reminderLog: storage.reminderLog,
      leases: storage.leases,
      notifiers: notifiersFrom(config.channels, mailer).map((n) =>
        metrics === noMetrics ? n : countingNotifier(n, metrics),
      ),
      clock,
      baseUrl: config.baseUrl,
      fromHour: config.reminders.fromHour,
      instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      log,
    },
    reminderChannels: configuredChannels(config.channels),
    calendar: {
      members,
      chits: storage.chits,
      payments,
      clock,
      baseUrl: config.baseUrl,
      feedKey: calendarFeedKey(authSecret),
    },
    live: { pollMs: config.eventsPollMs, signal: liveStreams.signal, stop: () => liveStreams.abort() },
    storageKind: storage.kind,
    storageDescription: storage.description,
    storeHealth: storage.health,
    rateCounter: storage.rateCounter,
    screenshots,
    metrics,
    errors,
    ping: storage.ping,
    readiness: () => storage.readiness(config.readyMinFreeBytes),
    async close() {
      liveStreams.abort();
      await screenshots.close();
      for (const close of closeMailer) close();
      await storage.close();
      await errors.flush(2000);
    },
  };
}
