// Environment -> one typed, validated config object; a bad value stops start-up with a message naming the setting.
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no", ""]).transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  BASE_URL: z.url({ message: "must be a full URL such as https://chits.example.com" }).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
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
  RECEIPT_MAX_MB: z.coerce.number().positive().max(100).default(10),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://").optional(),
  MONGODB_DB: z.string().regex(/^[^/\\. "$]{1,63}$/, "must be a MongoDB database name (no / \\ . space \" $)").optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
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
  receiptMaxBytes: number;
  mongodbUri: string | undefined;
  mongodbDb: string | undefined;
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
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
    authSecret: c.AUTH_SECRET,
    approvalMode: c.APPROVAL_MODE,
    adminEmail: c.ADMIN_EMAIL?.toLowerCase(),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    trustProxy: c.TRUST_PROXY,
    logLevel: c.LOG_LEVEL,
    rateLimit: c.RATE_LIMIT,
    receiptMaxBytes: Math.round(c.RECEIPT_MAX_MB * 1024 * 1024),
    mongodbUri: c.MONGODB_URI,
    mongodbDb: c.MONGODB_DB,
  };
}
