// The cookie that ties a file shared into the app to the browser that shared it (it holds the pending file's random
// id).
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SHARE_TTL_MS } from "../app/keep-shared-file.ts";
import type { WebEnv } from "./env.ts";

const COOKIE = "chitfunds.share";

export const sharedId = (c: Context<WebEnv>): string | undefined => getCookie(c, COOKIE);

export function rememberShared(c: Context<WebEnv>, id: string) {
  setCookie(c, COOKIE, id, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    maxAge: Math.round(SHARE_TTL_MS / 1000),
    secure: c.get("services").config.baseUrl.startsWith("https://"),
  });
}

export const forgetShared = (c: Context<WebEnv>) => deleteCookie(c, COOKIE, { path: "/" });
