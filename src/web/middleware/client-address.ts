// Works out the client's address (socket, or X-Forwarded-For when TRUST_PROXY) for rate limits; clients cannot forge
// it.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { CLIENT_IP_HEADER } from "../../ports/accounts.ts";
import type { WebEnv } from "../env.ts";

export function clientAddress(c: Context<WebEnv>): string {
  if (c.get("services").config.trustProxy) {
    // The entry our proxy appended is the last one; earlier entries come from the client and can be forged.
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local"; // requests made in-process (tests) have no socket
  }
}

/** Replaces any client-sent copy of our address header with the address we trust. */
export const stampClientAddress = createMiddleware<WebEnv>(async (c, next) => {
  const headers = c.req.raw.headers;
  try {
    headers.set(CLIENT_IP_HEADER, clientAddress(c));
  } catch {
    // immutable headers (some test requests): better-auth then sees no address
  }
  await next();
});

/** Where this request came from, as the account activity page shows it: the client's address and its browser. */
export function requestOrigin(c: Context<WebEnv>): { address: string | null; device: string | null } {
  const agent = c.req.header("user-agent");
  return { address: clientAddress(c), device: agent ? agent.slice(0, 160) : null };
}
