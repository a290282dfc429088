// `Authorization: Bearer <token>` -> the token's member, or null when the token is unknown, revoked or expired. Whether
// that member may use the app (approved, not banned) is checked by the caller on every request, as for sessions.
import type { ApiToken } from "../ports/api-token-repository.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import { hashToken, type Origin, TOKEN_PREFIX, type TokenDeps } from "./create-api-token.ts";

/** Last use is written at most once a minute per token, so a busy script does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export async function authenticateApiToken(
  deps: TokenDeps & { members: MemberRepository },
  token: string,
  origin: Origin = { address: null, device: null },
): Promise<{ member: Member; token: ApiToken } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const record = await deps.apiTokens.findByHash(hashToken(token));
  if (!record) return null;
  const now = deps.clock.now();
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) return null;
  const member = await deps.members.findById(record.ownerId);
  if (!member) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
    await deps.apiTokens.touch(record.id, now);
  // The member's account activity shows a token's first use of each day (UTC), not every request a script makes.
  if (!record.lastUsedAt || utcDay(record.lastUsedAt) !== utcDay(now)) {
    await deps.activity?.record({ memberId: member.id, kind: "token-used", at: now, ...origin, detail: record.name });
  }
  return { member, token: record };
}
