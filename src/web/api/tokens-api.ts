// /api/v1/tokens: personal API tokens. Creating one needs a signed-in session: a token cannot make more tokens.
import { Hono } from "hono";
import type { z } from "zod";
import { createApiToken, tokenInput } from "../../app/create-api-token.ts";
import { AppError } from "../../app/errors.ts";
import { listApiTokens } from "../../app/list-api-tokens.ts";
import { revokeApiToken } from "../../app/revoke-api-token.ts";
import type { WebEnv } from "../env.ts";
import { requestOrigin } from "../middleware/client-address.ts";
import { errorSchema, idParam } from "./json/common.ts";
import { newTokenJson, newTokenSchema, tokenJson, tokenListSchema } from "./json/token-json.ts";
import { describeRoute, guarded, requestSchema } from "./openapi/describe-route.ts";
import { readFields } from "./request-body.ts";

const tags = ["tokens"];

export const tokensApi = new Hono<WebEnv>()
  .get(
    "/tokens",
    describeRoute({
      operationId: "listTokens",
      summary: "The member's API tokens (never the tokens themselves), with when each was last used.",
      tags,
      responses: { 200: { description: "The tokens.", json: tokenListSchema }, ...guarded },
    }),
    async (c) => {
      const tokens = await listApiTokens(c.get("services").tokens, c.get("member").id);
      return c.json({ tokens: tokens.map(tokenJson) } satisfies z.infer<typeof tokenListSchema>);
    },
  )
  .post(
    "/tokens",
    describeRoute({
      operationId: "createToken",
      summary:
        "Create a token; the answer holds it once. Needs a signed-in session: a request made with a token gets 403.",
      tags,
      security: [{ cookieAuth: [] }],
      body: { required: true, content: { "application/json": requestSchema("TokenInput", tokenInput) } },
      responses: {
        201: { description: "The token, shown only this once.", json: newTokenSchema },
        400: "BadInput",
        401: "Unauthenticated",
        403: {
          description: "Called with a token (code token-cannot-create-tokens), or the account may not use the app.",
          json: errorSchema,
        },
        409: { description: "The member already has the most tokens allowed (50).", json: errorSchema },
      },
    }),
    async (c) => {
      if (c.get("apiTokenId")) {
        throw new AppError(
          403,
          "token-cannot-create-tokens",
          "An API token cannot create tokens. Sign in and create one in Settings > API tokens " +
            "(or POST here with your session).",
        );
      }
      const { token, record } = await createApiToken(
        c.get("services").tokens,
        c.get("member").id,
        await readFields(c),
        requestOrigin(c),
      );
      return c.json(newTokenJson(token, record), 201, {
        location: `/api/v1/tokens/${record.id}`,
        "cache-control": "no-store",
      });
    },
  )
  .delete(
    "/tokens/:id",
    describeRoute({
      operationId: "revokeToken",
      summary: "Revoke a token: it stops working at once.",
      tags,
      params: idParam("token"),
      responses: { 204: { description: "Revoked." }, 404: "NotFound", ...guarded },
    }),
    async (c) => {
      await revokeApiToken(c.get("services").tokens, c.get("member").id, c.req.param("id"), requestOrigin(c));
      return c.body(null, 204);
    },
  );
