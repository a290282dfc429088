// A member creates a personal API token: named, optionally expiring; the token is returned once and only its SHA-256
// hash is stored.

import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { words } from "../i18n/words.ts";
import type { AccountActivityLog } from "../ports/account-activity.ts";
import type { ApiToken, ApiTokenRepository } from "../ports/api-token-repository.ts";
import type { Clock } from "../ports/clock.ts";
import { AppError } from "./errors.ts";
import { parseInput } from "./parse-input.ts";

/** `activity` records each token made or revoked on the member's account activity page. */
export type TokenDeps = { apiTokens: ApiTokenRepository; clock: Clock; activity?: AccountActivityLog };

/** Where a request came from, for the account activity page. */
export type Origin = { address: string | null; device: string | null };

export const TOKEN_PREFIX = "cfl_";
export const MAX_TOKENS_PER_MEMBER = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export const tokenInput = z.object({
  name: z
    .string({ message: "Give the token a name, e.g. 'Home spreadsheet'." })
    .trim()
    .min(1, "Give the token a name, e.g. 'Home spreadsheet'.")
    .max(60, "Name must be at most 60 characters.")
    .meta({ description: "What it is for." }),
  expiresInDays: z
    .union([z.number(), z.string().trim()])
    .transform((v, ctx) => {
      if (v === "" || v === "never") return null;
      const n = typeof v === "number" ? v : Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 3650) {
        ctx.addIssue({
          code: "custom",
          message: "Expiry must be a whole number of days from 1 to 3650, or empty for never.",
        });
        return z.NEVER;
      }
      return n;
    })
    .nullable()
    .optional()
    .meta({ description: "Days until it stops working (1 to 3650); null, empty or absent: never." }),
});

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(
  deps: TokenDeps,
  ownerId: string,
  raw: Record<string, unknown>,
  origin: Origin = { address: null, device: null },
): Promise<{ token: string; record: ApiToken }> {
  const input = parseInput(tokenInput, raw);
  const existing = await deps.apiTokens.listForOwner(ownerId);
  if (existing.length >= MAX_TOKENS_PER_MEMBER) {
    throw new AppError(409, "too-many-tokens", words("errors.tooManyTokens", { count: existing.length }));
  }
  const now = deps.clock.now();
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record: ApiToken = {
    id: randomUUID(),
    ownerId,
    name: input.name,
    tokenHash: hashToken(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    createdAt: now,
    expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
    lastUsedAt: null,
  };
  await deps.apiTokens.create(record);
  await deps.activity?.record({ memberId: ownerId, kind: "token-created", at: now, ...origin, detail: record.name });
  return { token, record };
}
