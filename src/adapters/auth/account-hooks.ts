// What better-auth's endpoints did to an account, told to the app as account events (sign-ins, wrong passwords,
// password and two-factor changes, sessions ended), and the checks before an account is deleted (password, and the
// second factor when it is on).
import { APIError, type createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { ActivityKind } from "../../ports/account-activity.ts";
import { CLIENT_IP_HEADER } from "../../ports/accounts.ts";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Where a request came from, as the activity page shows it. */
export type RequestOrigin = { address: string | null; device: string | null };

export type AccountEvents = {
  /** Something happened to the member's account. */
  event(memberId: string, kind: ActivityKind, origin: RequestOrigin, detail?: string | null): Promise<void>;
  /** A wrong password for `email` (an account or not). */
  wrongPassword(email: string, origin: RequestOrigin): Promise<void>;
};

export function originOf(headers: Headers | undefined): RequestOrigin {
  const agent = headers?.get("user-agent");
  return { address: headers?.get(CLIENT_IP_HEADER) ?? null, device: agent ? agent.slice(0, 160) : null };
}

/** A request finishing a sign-in with its second factor carries better-auth's two_factor cookie. */
const carriesTwoFactorChallenge = (headers: Headers | undefined) =>
  /(^|;\s*)(__Secure-)?[\w.-]*two_factor=/.test(headers?.get("cookie") ?? "");

/** After an account endpoint answered: which event, if any, it was. */
export async function afterAccountEndpoint(ctx: HookContext, events: AccountEvents): Promise<void> {
  const returned = ctx.context.returned;
  const failed = returned instanceof APIError || (returned instanceof Response && returned.status >= 400);
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const origin = originOf(ctx.request?.headers ?? ctx.headers);
  const newUser = ctx.context.newSession?.user as { id: string; twoFactorEnabled?: boolean } | undefined;
  switch (ctx.path) {
    case "/sign-in/email": {
      if (
        returned instanceof APIError &&
        returned.body?.code === "INVALID_EMAIL_OR_PASSWORD" &&
        typeof body.email === "string"
      ) {
        await events.wrongPassword(body.email, origin);
      } else if (!failed && newUser && !newUser.twoFactorEnabled) {
        // With two-factor on, the sign-in completes only with the code (below).
        await events.event(newUser.id, "signed-in", origin);
      }
      return;
    }
    case "/two-factor/verify-totp":
    case "/two-factor/verify-backup-code": {
      if (failed || !newUser || !carriesTwoFactorChallenge(ctx.request?.headers ?? ctx.headers)) return;
      await events.event(
        newUser.id,
        ctx.path === "/two-factor/verify-totp" ? "signed-in" : "signed-in-with-recovery-code",
        origin,
      );
      return;
    }
  }
  if (failed) return;
  const session = await getSessionFromCtx(ctx).catch(() => null);
  const memberId = session?.user.id;
  const kinds: Record<string, ActivityKind> = {
    "/change-password": "password-changed",
    "/two-factor/generate-backup-codes": "recovery-codes-renewed",
    "/revoke-other-sessions": "signed-out-elsewhere",
    "/revoke-sessions": "signed-out-elsewhere",
    "/revoke-session": "session-ended",
  };
  const kind = kinds[ctx.path];
  if (kind && memberId) return events.event(memberId, kind, origin);
  if (ctx.path === "/email-otp/reset-password" && typeof body.email === "string") {
    const found = await ctx.context.internalAdapter.findUserByEmail(body.email.trim().toLowerCase());
    if (found) await events.event(found.user.id, "password-changed", origin, "reset with an emailed code");
  }
}

/**
 * An account is deleted only with its password, and with a current code (or an unused recovery code) when two-factor
 * sign-in is on: `verifyCode` asks better-auth's own two-factor endpoint with the request's session.
 */
export async function beforeDeleteUser(
  ctx: HookContext,
  verifyCode: (headers: Headers, code: string) => Promise<boolean>,
): Promise<void> {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (typeof body.password !== "string" || body.password === "") {
    throw new APIError("BAD_REQUEST", {
      code: "PASSWORD_REQUIRED",
      message: "Enter your password to delete your account.",
    });
  }
  const session = await getSessionFromCtx(ctx);
  if (!session) return; // better-auth answers 401 itself
  if (!(session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) return;
  const code = typeof body.twoFactorCode === "string" ? body.twoFactorCode.trim() : "";
  if (!code) {
    throw new APIError("BAD_REQUEST", {
      code: "TWO_FACTOR_CODE_REQUIRED",
      message: "Enter the code from your authenticator app, or a recovery code.",
    });
  }
  if (!(await verifyCode(ctx.request?.headers ?? ctx.headers ?? new Headers(), code))) {
    throw new APIError("BAD_REQUEST", {
      code: "INVALID_CODE",
      message: "That code is not right. Enter the current code from your authenticator app.",
    });
  }
}

/**
 * better-auth's admin endpoints refuse an administrator without two-factor sign-in when the installation requires it.
 */
export async function requireAdminSecondFactor(ctx: HookContext, required: () => Promise<boolean>): Promise<void> {
  const session = await getSessionFromCtx(ctx).catch(() => null);
  const user = session?.user as { role?: string; twoFactorEnabled?: boolean } | undefined;
  if (user?.role !== "admin" || user.twoFactorEnabled || !(await required())) return;
  throw new APIError("FORBIDDEN", {
    code: "TWO_FACTOR_REQUIRED",
    message: "Administrators must use two-factor sign-in here: set it up in Settings > Security first.",
  });
}
