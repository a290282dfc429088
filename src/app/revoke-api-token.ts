// A member revokes one of their API tokens; it stops working at the next request. Another member's id is not found.
import type { Origin, TokenDeps } from "./create-api-token.ts";
import { notFound } from "./errors.ts";

export async function revokeApiToken(
  deps: TokenDeps,
  ownerId: string,
  id: string,
  origin: Origin = { address: null, device: null },
): Promise<void> {
  const token = (await deps.apiTokens.listForOwner(ownerId)).find((t) => t.id === id);
  if (!(await deps.apiTokens.delete(ownerId, id))) throw notFound("token");
  await deps.activity?.record({
    memberId: ownerId,
    kind: "token-revoked",
    at: deps.clock.now(),
    ...origin,
    detail: token?.name ?? null,
  });
}
