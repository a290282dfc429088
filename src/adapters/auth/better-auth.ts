// better-auth set up for ChitFunds: email + password, 6-digit email codes, two-factor sign-in (TOTP with recovery
// codes), the admin plugin, account deletion, and our member fields.
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { admin, emailOTP, twoFactor } from "better-auth/plugins";
import { DEFAULT_TIME_ZONE } from "../../domain/dates.ts";
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  passwordProblemMessage,
} from "../../domain/password-policy.ts";
import { type ProfileProblem, profileProblemMessage, profileProblems } from "../../domain/profile-rules.ts";
import { isLocale } from "../../i18n/locales.ts";
import { CLIENT_IP_HEADER, CODE_RESEND_COOLDOWN_SECONDS, type CodePurpose } from "../../ports/accounts.ts";
import {
  type AccountEvents,
  afterAccountEndpoint,
  beforeDeleteUser,
  originOf,
  requireAdminSecondFactor,
} from "./account-hooks.ts";

/** The settings better-auth is made with (config.ts has them). */
export type AuthSettings = { baseUrl: string; rateLimit: boolean; sessionCacheSeconds: number };

export type AuthDeps = {
  config: AuthSettings;
  /** A node:sqlite DatabaseSync on the embedded default, or a better-auth adapter (MongoDB) in production. */
  database: Parameters<typeof betterAuth>[0]["database"];
  secret: string;
  sendCode(email: string, code: string, purpose: CodePurpose): Promise<void>;
  onEmailVerified(userId: string): Promise<void>;
  /** The per-account limit on wrong passwords (app/guard-account-sign-in.ts); absent: no such limit. */
  signInGuard?: { secondsUntilSignIn(email: string): Promise<number> };
  /**
   * Sign-ins, wrong passwords, password and two-factor changes, sessions ended (account activity, the sign-in limit).
   */
  accountEvents?: AccountEvents;
  /** Erases the member's own data before better-auth deletes the account (DPDP erasure); a failure stops the delete. */
  onDeleteUser?(user: { id: string; email: string; createdAt: Date }): Promise<void>;
  /**
   * The installation requires two-factor sign-in for administrators (their admin endpoints wait until they set it up).
   */
  adminTwoFactorRequired?(): Promise<boolean>;
  /** better-auth's own messages go to the app's structured log instead of plain text on stderr. */
  log?: {
    debug(obj: object, msg: string): void;
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
};

export const CODE_TTL_SECONDS = 600;
export const CODE_MAX_TRIES = 5;

/** Our codes for a bad profile field; auth-errors.ts puts them beside the field in the page's language. */
const PROFILE_CODES: Record<ProfileProblem["code"], string> = {
  "name-required": "NAME_REQUIRED",
  "too-long": "FIELD_TOO_LONG",
  "invalid-phone": "INVALID_PHONE",
  "unsupported-language": "UNSUPPORTED_LANGUAGE",
  "invalid-time-zone": "INVALID_TIME_ZONE",
  "not-text": "INVALID_FIELD",
};

/** Refuses (400) the first bad profile field, whichever endpoint or database write it came through. */
function assertProfile(fields: Record<string, unknown>, creating: boolean): void {
  const [problem] = profileProblems(fields, { creating, isLanguage: isLocale });
  if (problem)
    throw new APIError("BAD_REQUEST", {
      code: PROFILE_CODES[problem.code],
      message: profileProblemMessage(problem),
      field: problem.field,
      ...(problem.max === undefined ? {} : { max: problem.max }),
    });
}

export function createAuth(deps: AuthDeps) {
  const { config } = deps;
  const limits = config.rateLimit;
  const twoFactorChange = new WeakMap<object, boolean>();
  const auth = betterAuth({
    appName: "ChitFunds Ledger",
    ...(deps.log
      ? {
          logger: {
            level: "warn" as const,
            log: (level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]) => {
              const detail = args.map((a) => (a instanceof Error ? { message: a.message, name: a.name } : a));
              deps.log?.[level]({ component: "better-auth", ...(detail.length ? { detail } : {}) }, message);
            },
          },
        }
      : {}),
    baseURL: config.baseUrl,
    basePath: "/api/auth",
    secret: deps.secret,
    database: deps.database,
    trustedOrigins: [config.baseUrl],
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    emailVerification: {
      autoSignInAfterVerification: true,
      afterEmailVerification: async (user) => {
        await deps.onEmailVerified(user.id);
      },
    },
    user: {
      // A member may delete their own account (DPDP Act 2023): their data goes first (deps.onDeleteUser), then the
      // account.
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          await deps.onDeleteUser?.(user as { id: string; email: string; createdAt: Date });
          // What better-auth does not remove with the user: the two-factor secret, pending codes, trusted devices.
          const { adapter } = await auth.$context;
          await adapter.deleteMany({ model: "twoFactor", where: [{ field: "userId", value: user.id }] });
          await adapter.deleteMany({ model: "verification", where: [{ field: "value", value: user.id }] });
          await adapter.deleteMany({
            model: "verification",
            where: [{ field: "identifier", operator: "ends_with", value: `-otp-${user.email.toLowerCase()}` }],
          });
        },
      },
      additionalFields: {
        status: { type: "string", required: false, defaultValue: "pending", input: false },
        statusReason: { type: "string", required: false, input: false },
        phone: { type: "string", required: false, input: true },
        locale: { type: "string", required: false, defaultValue: "en", input: true },
        timeZone: { type: "string", required: false, defaultValue: DEFAULT_TIME_ZONE, input: true },
        // Reminders and the calendar feed (issue 5); changed only through our settings pages, never at sign-up.
        reminderDays: { type: "string", required: false, defaultValue: "3,0", input: false },
        reminderOverdue: { type: "boolean", required: false, defaultValue: true, input: false },
        reminderDigest: { type: "boolean", required: false, defaultValue: false, input: false },
        reminderChannels: { type: "string", required: false, defaultValue: "", input: false },
        ntfyTopic: { type: "string", required: false, input: false },
        telegramChatId: { type: "string", required: false, input: false },
        calendarFeedVersion: { type: "number", required: false, defaultValue: 0, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      // The session and member travel in a signed cookie for SESSION_CACHE_SECONDS (default 60), so most requests
      // skip the session lookup in the store. The trade-off: a ban, rejection or role change made by the admin
      // reaches a member's already open sessions only when that cookie expires (within a minute by default).
      ...(config.sessionCacheSeconds > 0
        ? { cookieCache: { enabled: true, maxAge: config.sessionCacheSeconds, strategy: "compact" as const } }
        : {}),
    },
    rateLimit: {
      enabled: limits,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 5 },
        "/sign-up/email": { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: config.baseUrl.startsWith("https://"),
      cookiePrefix: "chitfunds",
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // better-auth turns its origin (CSRF) check off when NODE_ENV=test; keep it on so tests see what production does.
      disableOriginCheck: false,
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        if (deps.accountEvents) await afterAccountEndpoint(ctx, deps.accountEvents);
      }),
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        if (ctx.path === "/delete-user")
          await beforeDeleteUser(ctx, (headers, code) => verifySecondFactor(auth, config.baseUrl, headers, code));
        if (ctx.path.startsWith("/admin/") && deps.adminTwoFactorRequired)
          await requireAdminSecondFactor(ctx, deps.adminTwoFactorRequired);
        if (ctx.path === "/sign-in/email" && deps.signInGuard && typeof body.email === "string") {
          const wait = await deps.signInGuard.secondsUntilSignIn(body.email);
          if (wait > 0) {
            const minutes = Math.ceil(wait / 60);
            throw new APIError("TOO_MANY_REQUESTS", {
              code: "ACCOUNT_LOCKED",
              message:
                `Too many wrong passwords for this account. Try again in ${minutes} minutes, or reset ` +
                "your password.",
              minutes,
            });
          }
        }
        if (ctx.path === "/sign-up/email") {
          // Checked before the account exists (the database hooks below check every later write too).
          assertProfile(body, true);
          // better-auth answers a duplicate sign-up with a fake success; we tell the person beside the email field
          // instead.
          const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
          if (email && (await ctx.context.internalAdapter.findUserByEmail(email))) {
            throw new APIError("UNPROCESSABLE_ENTITY", {
              code: "USER_ALREADY_EXISTS",
              message: "An account with this email already exists. Log in, or reset your password.",
            });
          }
        }
        if (ctx.path === "/email-otp/send-verification-otp") {
          const wait = await secondsUntilResend(ctx, String(body.email ?? ""), String(body.type ?? ""));
          if (wait > 0) {
            throw new APIError("TOO_MANY_REQUESTS", {
              code: "RESEND_COOLDOWN",
              message: `A code was sent moments ago. You can ask for a new one in ${wait} seconds.`,
              seconds: wait,
            });
          }
        }
        if (ctx.path === "/email-otp/request-password-reset") {
          // Unknown addresses get {success: true} and no code; so does a known one inside the cooldown (its last code
          // stays valid), so this answer never tells who is registered.
          if ((await secondsUntilResend(ctx, String(body.email ?? ""), "forget-password")) > 0)
            return ctx.json({ success: true });
        }
        const password =
          ctx.path === "/sign-up/email"
            ? body.password
            : ctx.path.includes("reset-password")
              ? body.password
              : ctx.path === "/change-password"
                ? body.newPassword
                : undefined;
        if (typeof password === "string") {
          const problem = passwordProblem(password, typeof body.email === "string" ? body.email : undefined);
          if (problem)
            throw new APIError("BAD_REQUEST", {
              code: "WEAK_PASSWORD",
              message: passwordProblemMessage[problem],
              problem,
            });
        }
      }),
    },
    databaseHooks: {
      // Every write of a user, whichever endpoint (update-user, admin's create/update-user) or our own code made it.
      user: {
        create: {
          before: async (user) => {
            assertProfile(user, true);
          },
        },
        update: {
          before: async (user, ctx) => {
            assertProfile(user, false);
            if (ctx && typeof user.twoFactorEnabled === "boolean") twoFactorChange.set(ctx, user.twoFactorEnabled);
          },
          after: async (user, ctx) => {
            const enabled = ctx ? twoFactorChange.get(ctx) : undefined;
            if (enabled === undefined || !deps.accountEvents) return;
            twoFactorChange.delete(ctx!);
            await deps.accountEvents.event(
              user.id,
              enabled ? "two-factor-enabled" : "two-factor-disabled",
              originOf(ctx?.request?.headers ?? ctx?.headers),
            );
          },
        },
      },
      session: {
        create: {
          before: async (session, ctx) => {
            // Signing in needs an approved member; verifying the email may still open a session for the waiting page.
            if (ctx?.path !== "/sign-in/email") return;
            const user = (await ctx.context.internalAdapter.findUserById(session.userId)) as { status?: string } | null;
            if (user?.status === "approved") return;
            throw new APIError("FORBIDDEN", {
              code: user?.status === "rejected" ? "ACCOUNT_REJECTED" : "ACCOUNT_PENDING",
              message:
                user?.status === "rejected"
                  ? "Your registration was not approved. Contact the administrator if you think this is a mistake."
                  : "Your account is waiting for the administrator's approval. You will get an email once " +
                    "it is approved.",
            });
          },
        },
      },
    },
    plugins: [
      emailOTP({
        otpLength: 6,
        expiresIn: CODE_TTL_SECONDS,
        allowedAttempts: CODE_MAX_TRIES,
        storeOTP: "hashed",
        sendVerificationOnSignUp: true,
        overrideDefaultEmailVerification: true,
        // Per address: code entry gets 10 tries a minute here, and each code dies after CODE_MAX_TRIES wrong ones.
        rateLimit: { window: 60, max: 10 },
        sendVerificationOTP: async ({ email, otp, type }) => {
          await deps.sendCode(email, otp, type);
        },
      }),
      admin({ defaultRole: "member", adminRoles: ["admin"] }),
      // TOTP (any authenticator app) with ten one-time recovery codes; codes and secrets are stored encrypted.
      twoFactor({ issuer: "ChitFunds Ledger", backupCodeOptions: { amount: 10, length: 10 } }),
    ],
  });
  return auth;
}

/**
 * Asks better-auth's own two-factor endpoints (with the request's session) whether a code or recovery code is right.
 */
async function verifySecondFactor(
  auth: { handler(request: Request): Promise<Response> },
  baseUrl: string,
  from: Headers,
  code: string,
): Promise<boolean> {
  const headers = new Headers({ "content-type": "application/json", origin: new URL(baseUrl).origin });
  for (const name of ["cookie", "user-agent", CLIENT_IP_HEADER]) {
    const value = from.get(name);
    if (value) headers.set(name, value);
  }
  const path = /^\d{6}$/.test(code) ? "verify-totp" : "verify-backup-code";
  const reply = await auth.handler(
    new Request(`${baseUrl}/api/auth/two-factor/${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(path === "verify-totp" ? { code } : { code, disableSession: true }),
    }),
  );
  return reply.ok;
}

export type Auth = ReturnType<typeof createAuth>;

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Seconds until a new code may be sent for this address and purpose (0: now), whoever asks and from wherever. */
async function secondsUntilResend(ctx: HookContext, email: string, type: string): Promise<number> {
  const existing = await ctx.context.internalAdapter.findVerificationValue(`${type}-otp-${email.trim().toLowerCase()}`);
  if (!existing) return 0;
  const waited = (Date.now() - new Date(existing.createdAt).getTime()) / 1000;
  return waited < CODE_RESEND_COOLDOWN_SECONDS ? Math.ceil(CODE_RESEND_COOLDOWN_SECONDS - waited) : 0;
}
