// Personal API tokens: only a SHA-256 hash of each token is kept; the token itself is shown to its member once.
export type ApiToken = {
  id: string;
  ownerId: string;
  name: string;
  /** Hex SHA-256 of the whole token. */
  tokenHash: string;
  /** The token's first characters, so a member can tell tokens apart ("cfl_3kQ9"). */
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

export interface ApiTokenRepository {
  create(token: ApiToken): Promise<void>;
  /** The member's tokens, newest first. */
  listForOwner(ownerId: string): Promise<ApiToken[]>;
  findByHash(tokenHash: string): Promise<ApiToken | null>;
  touch(id: string, at: Date): Promise<void>;
  /** True when the member had that token. */
  delete(ownerId: string, id: string): Promise<boolean>;
  /** Every member's tokens, for the archive. */
  listAll(): Promise<ApiToken[]>;
}
