// Environment -> one typed, validated config object; a bad value stops start-up with a message naming the setting.
import { CronPattern } from "croner";
import { z } from "zod";
import { DEFAULT_TIME_ZONE, isTimeZone } from "./domain/dates.ts";

const isCronPattern = (pattern: string) => {
  try {
    new CronPattern(pattern);
    return true;
  } catch {
    return false;
  }
};

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z
    .union([z.literal("off"), z.coerce.number().int().min(0).max(65535)], {
      message: "must be a port number (0-65535), or off with SOCKET_PATH set",
    })
    .default(3000),
  SOCKET_PATH: z.string().min(1).max(100, "must be at most 100 characters (a Unix socket path limit)").optional(),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  BASE_URL: z.url({ message: "must be a full URL such as https://chits.example.com" }).optional(),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)")
    .optional(),
  APPROVAL_MODE: z.enum(["admin", "email"], { message: "must be 'admin' or 'email'" }).default("admin"),
  ADMIN_EMAIL: z.email({ message: "must be an email address" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps:// (e.g. smtp://user:pass@host:587)")
    .optional(),
  MAIL_FROM: z.string().default("ChitFunds Ledger <no-reply@localhost>"),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RATE_LIMIT: bool.default(true),
  // Wrong passwords one account may get in 15 minutes, from whatever addresses, before its password sign-in pauses.
  SIGN_IN_MAX_FAILURES: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0 (off) or more")
    .max(1000)
    .default(10),
  RECEIPT_MAX_MB: z.coerce.number().positive().max(100).default(10),
  OCR_WORKERS: z.coerce.number().int("must be a whole number").min(0).max(16).default(2),
  OCR_QUEUE: z.coerce.number().int("must be a whole number").min(0).max(100).default(8),
  OCR_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(20),
  OCR_IDLE_MINUTES: z.coerce.number().min(0.05).max(1440).default(10),
  // /readyz reports not ready when the disk holding DATA_DIR has less free space than this (SQLite store).
  READY_MIN_FREE_MB: z.coerce.number().min(0, "must be 0 or more").max(1_000_000).default(50),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[^/\\. "$]{1,63}$/, 'must be a MongoDB database name (no / \\ . space " $)')
    .optional(),
  MONGODB_MAX_POOL_SIZE: z.coerce.number().int("must be a whole number").min(1).max(500).default(10),
  MONGODB_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
  MONGODB_STORAGE_LIMIT_MB: z.coerce.number().min(0, "must be 0 (no limit) or more").default(512),
  // Reminders, the outside scheduler's token, extra channels and live notifications (issue 5).
  CRON_TOKEN: z.string().min(24, "must be at least 24 characters (generate one with: openssl rand -hex 24)").optional(),
  REMINDER_SCHEDULE: z
    .string()
    .refine(
      (v) => v === "off" || isCronPattern(v),
      "must be a cron pattern such as '5 * * * *' (minute 5 of every hour), or 'off'",
    )
    .default("5 * * * *"),
  REMINDER_TIME_ZONE: z
    .string()
    .refine(isTimeZone, `must be an IANA time zone such as ${DEFAULT_TIME_ZONE}`)
    .default(DEFAULT_TIME_ZONE),
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(0),
  WEBHOOK_URL: z.url({ message: "must be a full URL such as https://hooks.example.com/chitfunds" }).optional(),
  WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  NTFY_URL: z.url({ message: "must be the ntfy server's URL, e.g. https://ntfy.sh" }).optional(),
  NTFY_TOKEN: z.string().optional(),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must be the token @BotFather gave, e.g. 123456789:AAH...")
    .optional(),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio Account SID (AC followed by 32 hex digits)")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the Twilio auth token").optional(),
  TWILIO_FROM: z
    .string()
    .regex(
      /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/,
      "must be a phone number like +15005550006 or a Messaging Service SID (MG...)",
    )
    .optional(),
  EVENTS_POLL_SECONDS: z.coerce.number().min(0.2).max(60).default(5),
  // Scheduled backups (issue 6): off unless BACKUP_DIR is set.
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(7),
  BACKUP_CRON: z
    .string()
    .refine(isCronPattern, "must be a cron pattern such as '30 2 * * *' (02:30 every day)")
    .default("30 2 * * *"),
  BACKUP_TIME_ZONE: z
    .string()
    .refine(isTimeZone, `must be an IANA time zone such as ${DEFAULT_TIME_ZONE}`)
    .default(DEFAULT_TIME_ZONE),
  // Performance and observability (issue 12).
  IMAGE_CONCURRENCY: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(16, "must be at most 16")
    .default(1),
  SESSION_CACHE_SECONDS: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0 (off) or more")
    .max(300, "must be at most 300")
    .default(60),
  METRICS_TOKEN: z
    .string()
    .min(24, "must be at least 24 characters (generate one with: openssl rand -hex 24)")
    .optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().default("127.0.0.1"),
  SENTRY_DSN: z
    .url({ message: "must be the DSN Sentry shows, e.g. https://abc123@o1.ingest.sentry.io/456" })
    .optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  /** The TCP port, or null when the app listens only on SOCKET_PATH. */
  port: number | null;
  host: string;
  /** A Unix socket to serve on as well (hosts that proxy to a socket, e.g. PythonAnywhere's ASGI-style websites). */
  socketPath: string | undefined;
  dataDir: string;
  baseUrl: string;
  authSecret: string | undefined;
  approvalMode: "admin" | "email";
  adminEmail: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  logLevel: string;
  rateLimit: boolean;
  /** Wrong passwords per account per 15 minutes before its password sign-in pauses (0: no such limit). */
  signInMaxFailures: number;
  receiptMaxBytes: number;
  /**
   * Reading payment screenshots (OCR): reads at once (0: off), reads that may wait, the time one may take, idle worker
   * life.
   */
  ocr: { workers: number; queue: number; timeoutMs: number; idleMs: number };
  /** Free space under DATA_DIR below which /readyz says not ready. */
  readyMinFreeBytes: number;
  mongodbUri: string | undefined;
  mongodbDb: string | undefined;
  /** Connections per instance, the time one operation may take, and the storage limit warned about (null: none). */
  mongodb: { maxPoolSize: number; timeoutMs: number; storageLimitBytes: number | null };
  cronToken: string | undefined;
  /** When the in-process job runs (null: only POST /api/v1/cron/run), in which zone, and from which local hour. */
  reminders: { schedule: string | null; timeZone: string; fromHour: number };
  /** Extra reminder channels; null when not configured. */
  channels: {
    webhook: { url: string; secret: string | undefined } | null;
    ntfy: { url: string; token: string | undefined } | null;
    telegram: { botToken: string } | null;
    sms: { accountSid: string; authToken: string; from: string } | null;
  };
  eventsPollMs: number;
  /** Scheduled backups into dir (none when unset), keeping the newest `keep`; cron is read in timeZone. */
  backup: { dir: string | undefined; keep: number; cron: string; timeZone: string };
  /** How many receipt images are decoded at once (each 12 MP photo takes tens of MB while it is). */
  imageConcurrency: number;
  /** How long a signed session is trusted from its cookie before the store is asked again (0: ask every request). */
  sessionCacheSeconds: number;
  /**
   * GET /metrics (Prometheus text): with a token on the main port, and/or alone on its own port (an internal address).
   * Off when neither is set.
   */
  metrics: { token: string | undefined; port: number | undefined; host: string };
  /** Error reports go to Sentry when set; @sentry/node is not even loaded otherwise. */
  sentryDsn: string | undefined;
};

export class ConfigError extends Error {}

/** Reads the environment once; empty strings count as unset so `.env` templates with blank values work. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.PORT === "off" && !c.SOCKET_PATH)
    throw new ConfigError("Invalid configuration:\n  PORT: off needs SOCKET_PATH (the app must listen somewhere)");
  const twilio = [c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, c.TWILIO_FROM];
  if (twilio.some(Boolean) && !twilio.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration:\n  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM: set " +
        "all three for SMS reminders, or none",
    );
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT === "off" ? null : c.PORT,
    host: c.HOST,
    socketPath: c.SOCKET_PATH,
    dataDir: c.DATA_DIR,
    baseUrl: (c.BASE_URL ?? `http://localhost${c.PORT === "off" ? "" : `:${c.PORT}`}`).replace(/\/$/, ""),
    authSecret: c.AUTH_SECRET,
    approvalMode: c.APPROVAL_MODE,
    adminEmail: c.ADMIN_EMAIL?.toLowerCase(),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    trustProxy: c.TRUST_PROXY,
    logLevel: c.LOG_LEVEL,
    rateLimit: c.RATE_LIMIT,
    signInMaxFailures: c.SIGN_IN_MAX_FAILURES,
    receiptMaxBytes: Math.round(c.RECEIPT_MAX_MB * 1024 * 1024),
    ocr: {
      workers: c.OCR_WORKERS,
      queue: c.OCR_QUEUE,
      timeoutMs: Math.round(c.OCR_TIMEOUT_SECONDS * 1000),
      idleMs: Math.round(c.OCR_IDLE_MINUTES * 60_000),
    },
    readyMinFreeBytes: Math.round(c.READY_MIN_FREE_MB * 1024 * 1024),
    mongodbUri: c.MONGODB_URI,
    mongodbDb: c.MONGODB_DB,
    mongodb: {
      maxPoolSize: c.MONGODB_MAX_POOL_SIZE,
      timeoutMs: Math.round(c.MONGODB_TIMEOUT_SECONDS * 1000),
      storageLimitBytes: c.MONGODB_STORAGE_LIMIT_MB > 0 ? Math.round(c.MONGODB_STORAGE_LIMIT_MB * 1024 * 1024) : null,
    },
    cronToken: c.CRON_TOKEN,
    reminders: {
      schedule: c.REMINDER_SCHEDULE === "off" ? null : c.REMINDER_SCHEDULE,
      timeZone: c.REMINDER_TIME_ZONE,
      fromHour: c.REMINDER_HOUR,
    },
    channels: {
      webhook: c.WEBHOOK_URL ? { url: c.WEBHOOK_URL, secret: c.WEBHOOK_SECRET } : null,
      ntfy: c.NTFY_URL ? { url: c.NTFY_URL.replace(/\/$/, ""), token: c.NTFY_TOKEN } : null,
      telegram: c.TELEGRAM_BOT_TOKEN ? { botToken: c.TELEGRAM_BOT_TOKEN } : null,
      sms:
        c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && c.TWILIO_FROM
          ? { accountSid: c.TWILIO_ACCOUNT_SID, authToken: c.TWILIO_AUTH_TOKEN, from: c.TWILIO_FROM }
          : null,
    },
    eventsPollMs: Math.round(c.EVENTS_POLL_SECONDS * 1000),
    backup: { dir: c.BACKUP_DIR, keep: c.BACKUP_KEEP, cron: c.BACKUP_CRON, timeZone: c.BACKUP_TIME_ZONE },
    imageConcurrency: c.IMAGE_CONCURRENCY,
    sessionCacheSeconds: c.SESSION_CACHE_SECONDS,
    metrics: { token: c.METRICS_TOKEN, port: c.METRICS_PORT, host: c.METRICS_HOST },
    sentryDsn: c.SENTRY_DSN,
  };
}
