// Settings > Security: two-factor sign-in set up, renewed and removed through better-auth's twoFactor endpoints, and
// the member's sessions (each one, or every other one, signed out).
import type { Context } from "hono";
import { Hono } from "hono";
import { type AuthReply, callAuth } from "../auth-call.ts";
import { authErrorToForm } from "../auth-errors.ts";
import type { WebEnv } from "../env.ts";
import { formFields } from "../form-values.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import type { Errors } from "../views/auth-views.tsx";
import { SecurityView, type SessionRow, type TwoFactorStep } from "../views/security-views.tsx";

type Ctx = Context<WebEnv>;

type StoredSession = {
  id: string;
  token: string;
  createdAt: string;
  updatedAt: string;
  ipAddress?: string | null;
  userAgent?: string | null;
};

/** The member's sessions from better-auth, this one first. */
async function sessionsOf(c: Ctx): Promise<{ rows: SessionRow[]; stored: StoredSession[] }> {
  const [list, current] = await Promise.all([
    callAuth(c, "/list-sessions", null, "GET"),
    callAuth(c, "/get-session", null, "GET"),
  ]);
  const stored = (Array.isArray(list.data) ? list.data : []) as StoredSession[];
  const currentToken = (current.data?.session as { token?: string } | undefined)?.token;
  const rows = stored
    .map((s) => ({
      id: s.id,
      createdAt: new Date(s.createdAt),
      updatedAt: new Date(s.updatedAt),
      ipAddress: s.ipAddress ?? null,
      userAgent: s.userAgent ?? null,
      current: s.token === currentToken,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.updatedAt.getTime() - a.updatedAt.getTime());
  return { rows, stored };
}

async function securityPage(
  c: Ctx,
  extra: { step?: TwoFactorStep; errors?: Errors; message?: string | null; status?: 200 | 400 | 429 } = {},
) {
  const services = c.get("services");
  const t = c.get("t");
  // The member as better-auth now has them: a change just made (two-factor on or off) shows at once.
  const member = (await services.members.findById(c.get("member").id)) ?? c.get("member");
  const required = (await services.settings.get("require-admin-two-factor")) === "true";
  const { rows } = await sessionsOf(c);
  c.header("cache-control", "no-store");
  return renderPage(
    c,
    t("security.title"),
    <SecurityView
      t={t}
      locale={c.get("locale")}
      csrfToken={c.get("csrfToken")}
      member={member}
      sessions={rows}
      step={extra.step ?? { kind: "state" }}
      adminRequiresTwoFactor={required}
      errors={extra.errors}
      message={extra.message}
    />,
    { active: "security", status: extra.status ?? 200 },
  );
}

/** better-auth's refusal, put beside `field` (a wrong password) or above the form. */
function refusal(
  c: Ctx,
  reply: AuthReply,
  field: string,
): { errors: Errors; message: string | null; status: 400 | 429 } {
  const { fields, message } = authErrorToForm(reply, c.get("t"));
  const text = fields.currentPassword ?? fields.password ?? fields.code;
  return {
    errors: text ? { [field]: text } : {},
    message: text ? null : message,
    status: reply.status === 429 ? 429 : 400,
  };
}

export const securityRoutes = new Hono<WebEnv>()
  .use("/settings/security", requireMember)
  .use("/settings/security/*", requireMember)
  .get("/settings/security", (c) => securityPage(c))
  .post("/settings/security/two-factor/setup", async (c) => {
    const { password = "" } = await formFields(c, ["password"]);
    const reply = await callAuth(c, "/two-factor/enable", { password });
    if (!reply.ok) return securityPage(c, refusal(c, reply, "password"));
    const step: TwoFactorStep = {
      kind: "setup",
      totpUri: String(reply.data?.totpURI ?? ""),
      recoveryCodes: (reply.data?.backupCodes as string[]) ?? [],
    };
    return securityPage(c, { step });
  })
  .post("/settings/security/two-factor/confirm", async (c) => {
    const { code = "", totpUri = "", recoveryCodes = "" } = await formFields(c, ["code", "totpUri", "recoveryCodes"]);
    const reply = await callAuth(c, "/two-factor/verify-totp", { code: code.replace(/\s/g, "") });
    if (reply.ok) return c.redirect("/settings/security?notice=two-factor-on", 303);
    const step: TwoFactorStep = /^otpauth:\/\/totp\//.test(totpUri)
      ? { kind: "setup", totpUri, recoveryCodes: recoveryCodes.split(/\s+/).filter(Boolean).slice(0, 20) }
      : { kind: "state" };
    return securityPage(c, { step, errors: { code: c.get("t")("security.wrongCode") }, status: 400 });
  })
  .post("/settings/security/two-factor/recovery-codes", async (c) => {
    const { password = "" } = await formFields(c, ["password"]);
    const reply = await callAuth(c, "/two-factor/generate-backup-codes", { password });
    if (!reply.ok) return securityPage(c, refusal(c, reply, "recoveryPassword"));
    return securityPage(c, { step: { kind: "codes", recoveryCodes: (reply.data?.backupCodes as string[]) ?? [] } });
  })
  .post("/settings/security/two-factor/disable", async (c) => {
    const { password = "" } = await formFields(c, ["password"]);
    const reply = await callAuth(c, "/two-factor/disable", { password });
    if (!reply.ok) return securityPage(c, refusal(c, reply, "disablePassword"));
    return c.redirect("/settings/security?notice=two-factor-off", 303);
  })
  .post("/settings/security/sessions/end-others", async (c) => {
    await callAuth(c, "/revoke-other-sessions", {});
    return c.redirect("/settings/security?notice=signed-out-elsewhere", 303);
  })
  .post("/settings/security/sessions/:id/end", async (c) => {
    // better-auth ends a session by its token, which never reaches a page: look it up among the member's own.
    const { stored } = await sessionsOf(c);
    const session = stored.find((s) => s.id === c.req.param("id"));
    if (session) await callAuth(c, "/revoke-session", { token: session.token });
    return c.redirect("/settings/security?notice=session-ended", 303);
  });
