// Loads the signed-in member once per request and guards member and admin areas (pages redirect, the API answers JSON).

import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { mustSetUpTwoFactor } from "../../app/admin-two-factor.ts";
import { authenticateApiToken } from "../../app/authenticate-api-token.ts";
import { AppError, notFound } from "../../app/errors.ts";
import { words } from "../../i18n/words.ts";
import type { Member } from "../../ports/member-repository.ts";
import type { WebEnv } from "../env.ts";
import { requestOrigin } from "./client-address.ts";

/** A personal API token sent as `Authorization: Bearer <token>`; only the JSON API under /api/v1 takes one. */
function bearerToken(c: Context<WebEnv>): string | null {
  if (!c.req.path.startsWith("/api/v1/")) return null;
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? null;
}

export async function loadViewer(c: Context<WebEnv>): Promise<Member | null> {
  const cached = c.get("viewer");
  if (cached !== undefined) return cached;
  const bearer = bearerToken(c);
  if (bearer !== null) {
    // A token speaks for itself: a bad one is refused even if a session cookie came along too.
    const found = await authenticateApiToken(c.get("services").tokens, bearer, requestOrigin(c));
    if (!found) {
      throw new AppError(
        401,
        "invalid-token",
        "This API token is not valid: it was revoked, has expired, or was mistyped. Create a " +
          "new one in Settings > API tokens.",
      );
    }
    c.set("apiTokenId", found.token.id);
    c.set("viewer", found.member);
    return found.member;
  }
  const viewer = await sessionMember(c);
  c.set("viewer", viewer);
  return viewer;
}

/** The member of the session cookie, looked up at most once a request (the page language needs it before the route). */
export async function sessionMember(c: Context<WebEnv>): Promise<Member | null> {
  const cached = c.get("sessionMember");
  if (cached !== undefined) return cached;
  const { member, setCookies } = await c.get("services").accounts.session(c.req.raw.headers);
  for (const cookie of setCookies) c.header("set-cookie", cookie, { append: true });
  c.set("sessionMember", member);
  return member;
}

/** Why a signed-in member may not use the app yet, or null when they may. */
export function blockedReason(member: Member): AppError | null {
  if (member.banned) {
    return new AppError(
      403,
      "account-banned",
      member.banReason
        ? words("errors.accountBannedReason", { reason: member.banReason })
        : words("errors.accountBanned"),
    );
  }
  if (member.status === "pending") {
    return new AppError(403, "account-pending", words("errors.accountPending"));
  }
  if (member.status === "rejected") {
    return new AppError(403, "account-rejected", words("errors.accountRejected"));
  }
  return null;
}

const isApi = (c: Context) => c.req.path.startsWith("/api/");

export const requireMember = createMiddleware<WebEnv>(async (c, next) => {
  const viewer = await loadViewer(c);
  if (!viewer) {
    if (isApi(c)) throw new AppError(401, "unauthenticated", words("errors.signInFirst"));
    const next_ = encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""));
    return c.redirect(`/login?next=${next_}`, 303);
  }
  const blocked = blockedReason(viewer);
  if (blocked) {
    if (!isApi(c) && blocked.code === "account-pending") return c.redirect("/pending", 303);
    throw blocked;
  }
  c.set("member", viewer);
  await next();
});

export const requireAdmin = createMiddleware<WebEnv>(async (c, next) => {
  const member = c.get("member");
  if (member.role !== "admin") throw notFound();
  // The member as stored now (two-factor may have just been turned on), against the installation's rule.
  const current = (await c.get("services").members.findById(member.id)) ?? member;
  if (await mustSetUpTwoFactor(c.get("services").settings, current))
    return c.redirect("/settings/security?notice=two-factor-required", 303);
  await next();
});

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * After a change made with a session (profile, time zone, language, reminder settings...), the session cookie cache is
 * dropped, so the very next page reads the member afresh instead of the cached copy of up to a minute ago.
 */
export const freshSessionAfterChanges = createMiddleware<WebEnv>(async (c, next) => {
  await next();
  if (!UNSAFE.has(c.req.method) || c.res.status >= 400 || c.get("services").config.sessionCacheSeconds === 0) return;
  const { name, path, secure } = await c.get("services").accounts.sessionCacheCookie();
  if (getCookie(c, name) === undefined) return;
  deleteCookie(c, name, { path, secure, httpOnly: true, sameSite: "Lax" });
});
