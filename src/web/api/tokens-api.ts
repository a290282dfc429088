// /api/v1/tokens: personal API tokens. Creating one needs a signed-in session: a token cannot make more tokens.
import { Hono } from "hono";
import { createApiToken } from "../../app/create-api-token.ts";
import { AppError } from "../../app/errors.ts";
import { listApiTokens, type TokenView } from "../../app/list-api-tokens.ts";
import { revokeApiToken } from "../../app/revoke-api-token.ts";
import type { ApiToken } from "../../ports/api-token-repository.ts";
import type { WebEnv } from "../env.ts";
import { readFields } from "./request-body.ts";

export function tokenJson(t: ApiToken | TokenView) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    expired: "expired" in t ? t.expired : false,
  };
}

export const tokensApi = new Hono<WebEnv>()
  .get("/tokens", async (c) => c.json({ tokens: (await listApiTokens(c.get("services").tokens, c.get("member").id)).map(tokenJson) }))
  .post("/tokens", async (c) => {
    if (c.get("apiTokenId")) {
      throw new AppError(
        403,
        "token-cannot-create-tokens",
        "An API token cannot create tokens. Sign in and create one in Settings > API tokens (or POST here with your session).",
      );
    }
    const { token, record } = await createApiToken(c.get("services").tokens, c.get("member").id, await readFields(c));
    return c.json({ ...tokenJson(record), token, notice: "Copy the token now: it is shown only this once." }, 201, {
      location: `/api/v1/tokens/${record.id}`,
      "cache-control": "no-store",
    });
  })
  .delete("/tokens/:id", async (c) => {
    await revokeApiToken(c.get("services").tokens, c.get("member").id, c.req.param("id"));
    return c.body(null, 204);
  });
