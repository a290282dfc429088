// Calls a better-auth endpoint through its own HTTP handler (so its rate limits and checks apply) on behalf of a page.
import type { Context } from "hono";
import { CLIENT_IP_HEADER } from "../ports/accounts.ts";
import type { WebEnv } from "./env.ts";
import { storageProblemNow } from "./storage-problem.ts";

export type AuthReply = {
  ok: boolean;
  status: number;
  code: string | null;
  message: string | null;
  data: Record<string, unknown> | null;
  /** What was sent, so a refusal can be put beside the field it concerns without reading better-auth's English. */
  sent: Record<string, unknown>;
};

export async function callAuth(
  c: Context<WebEnv>,
  path: string,
  body: unknown,
  method: "POST" | "GET" = "POST",
): Promise<AuthReply> {
  const { accounts, config } = c.get("services");
  const headers = new Headers({ origin: new URL(config.baseUrl).origin, "content-type": "application/json" });
  for (const name of ["cookie", "user-agent", CLIENT_IP_HEADER]) {
    const value = c.req.header(name);
    if (value) headers.set(name, value);
  }
  const request = new Request(`${config.baseUrl}/api/auth${path}`, {
    method,
    headers,
    body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
  });
  const response = await accounts.handler(request);
  if (response.status >= 500) {
    const storage = await storageProblemNow(c.get("services"));
    if (storage) throw storage;
  }
  for (const cookie of response.headers.getSetCookie()) c.header("set-cookie", cookie, { append: true });
  const text = await response.text();
  let data: Record<string, unknown> | null = null;
  try {
    data = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    data = null;
  }
  const ok = response.status >= 200 && response.status < 300;
  return {
    ok,
    status: response.status,
    code: ok
      ? null
      : typeof data?.code === "string"
        ? data.code
        : response.status === 429
          ? "TOO_MANY_REQUESTS"
          : "UNKNOWN",
    message: ok
      ? null
      : typeof data?.message === "string"
        ? data.message
        : response.status === 429
          ? "Too many attempts. Wait a minute and try again."
          : "Something went wrong. Please try again.",
    data,
    sent: typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {},
  };
}
