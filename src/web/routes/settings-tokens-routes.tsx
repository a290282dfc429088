// Settings > API tokens page: create (the token is shown once, in the response, never in a URL), list and revoke.
import type { Context } from "hono";
import { Hono } from "hono";
import { createApiToken, tokenInput } from "../../app/create-api-token.ts";
import { AppError } from "../../app/errors.ts";
import { listApiTokens } from "../../app/list-api-tokens.ts";
import { revokeApiToken } from "../../app/revoke-api-token.ts";
import type { WebEnv } from "../env.ts";
import { errorIn } from "../error-words.ts";
import { type FormValues, fieldsOf, formFields } from "../form-values.ts";
import { requestOrigin } from "../middleware/client-address.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { TokensView } from "../views/token-views.tsx";

type Ctx = Context<WebEnv>;

async function tokensPage(
  c: Ctx,
  extra: {
    created?: { name: string; token: string };
    values?: FormValues;
    error?: AppError;
    notice?: string | null;
  } = {},
) {
  const member = c.get("member");
  const tokens = await listApiTokens(c.get("services").tokens, member.id);
  c.header("cache-control", "no-store");
  const view = (
    <TokensView
      t={c.get("t")}
      csrfToken={c.get("csrfToken")}
      tokens={tokens}
      timeZone={member.timeZone}
      created={extra.created ?? null}
      values={extra.values}
      errors={extra.error ? errorIn(c.get("t"), extra.error).fields : undefined}
      message={extra.error ? errorIn(c.get("t"), extra.error).message : undefined}
    />
  );
  return renderPage(c, c.get("t")("tokens.apiTokens"), view, {
    active: "tokens",
    status: extra.error?.status ?? 200,
    ...(extra.notice !== undefined ? { notice: extra.notice } : {}),
  });
}

export const settingsTokensRoutes = new Hono<WebEnv>()
  .use("/settings/tokens", requireMember)
  .use("/settings/tokens/*", requireMember)
  .get("/settings/tokens", (c) =>
    tokensPage(c, { notice: c.req.query("revoked") === "1" ? c.get("t")("tokens.revoked") : undefined }),
  )
  .post("/settings/tokens", async (c) => {
    const values = await formFields(c, fieldsOf(tokenInput));
    try {
      const { token, record } = await createApiToken(
        c.get("services").tokens,
        c.get("member").id,
        values,
        requestOrigin(c),
      );
      return tokensPage(c, { created: { name: record.name, token }, notice: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return tokensPage(c, { values, error, notice: null });
    }
  })
  .post("/settings/tokens/:id/revoke", async (c) => {
    await revokeApiToken(c.get("services").tokens, c.get("member").id, c.req.param("id"), requestOrigin(c));
    return c.redirect("/settings/tokens?revoked=1", 303);
  });
