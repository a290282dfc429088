// A member revokes one of their API tokens; it stops working at the next request. Another member's id is not found.
import type { TokenDeps } from "./create-api-token.ts";
import { notFound } from "./errors.ts";

export async function revokeApiToken(deps: TokenDeps, ownerId: string, id: string): Promise<void> {
  if (!(await deps.apiTokens.delete(ownerId, id))) throw notFound("token");
}
