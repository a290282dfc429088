// A member's API tokens (never the tokens themselves): name, start of the token, created, last used, expiry.
import type { ApiToken } from "../ports/api-token-repository.ts";
import type { TokenDeps } from "./create-api-token.ts";

export type TokenView = ApiToken & { expired: boolean };

export async function listApiTokens(deps: TokenDeps, ownerId: string): Promise<TokenView[]> {
  const now = deps.clock.now().getTime();
  return (await deps.apiTokens.listForOwner(ownerId)).map((t) => ({
    ...t,
    expired: t.expiresAt !== null && t.expiresAt.getTime() <= now,
  }));
}
