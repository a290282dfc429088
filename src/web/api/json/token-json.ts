// Personal API tokens as the API sends them: never the token itself, except once in the answer that creates it.
import { z } from "zod";
import type { TokenView } from "../../../app/list-api-tokens.ts";
import type { ApiToken } from "../../../ports/api-token-repository.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { instant } from "./common.ts";

const apiTokenSchema = responseSchema(
  "ApiToken",
  z.object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The token's first characters, to tell tokens apart." }),
    createdAt: instant(),
    lastUsedAt: instant("Updated at most once a minute.").nullable(),
    expiresAt: instant().nullable(),
    expired: z.boolean(),
  }),
);

export function tokenJson(t: ApiToken | TokenView): z.infer<typeof apiTokenSchema> {
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

export const tokenListSchema = responseSchema("ApiTokenList", z.object({ tokens: z.array(apiTokenSchema) }));

export const newTokenSchema = responseSchema(
  "NewApiToken",
  apiTokenSchema.extend({
    token: z
      .string()
      .meta({ description: "The token: send it as Authorization: Bearer <token>. Shown only this once." }),
    notice: z.string(),
  }),
);

export function newTokenJson(token: string, record: ApiToken): z.infer<typeof newTokenSchema> {
  return { ...tokenJson(record), token, notice: "Copy the token now: it is shown only this once." };
}
