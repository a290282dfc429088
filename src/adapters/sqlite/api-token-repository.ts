// Personal API tokens in SQLite (table api_tokens): hashes only, looked up by hash on every bearer request.
import type { ApiToken, ApiTokenRepository } from "../../ports/api-token-repository.ts";
import type { SqliteDatabase } from "./database.ts";

type Row = {
  id: string;
  owner_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
};

const fromRow = (r: Row): ApiToken => ({
  id: r.id,
  ownerId: r.owner_id,
  name: r.name,
  tokenHash: r.token_hash,
  prefix: r.prefix,
  createdAt: new Date(r.created_at),
  expiresAt: r.expires_at ? new Date(r.expires_at) : null,
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
});

export function sqliteApiTokenRepository(db: SqliteDatabase): ApiTokenRepository {
  const insert = db.prepare(
    "INSERT INTO api_tokens (id, owner_id, name, token_hash, prefix, created_at, " +
      "expires_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const ofOwner = db.prepare("SELECT * FROM api_tokens WHERE owner_id = ? ORDER BY created_at DESC, id");
  const byHash = db.prepare("SELECT * FROM api_tokens WHERE token_hash = ?");
  const touch = db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
  const remove = db.prepare("DELETE FROM api_tokens WHERE owner_id = ? AND id = ?");
  const all = db.prepare("SELECT * FROM api_tokens ORDER BY created_at, id");
  return {
    async create(t) {
      insert.run(
        t.id,
        t.ownerId,
        t.name,
        t.tokenHash,
        t.prefix,
        t.createdAt.toISOString(),
        t.expiresAt?.toISOString() ?? null,
        t.lastUsedAt?.toISOString() ?? null,
      );
    },
    async listForOwner(ownerId) {
      return (ofOwner.all(ownerId) as Row[]).map(fromRow);
    },
    async findByHash(tokenHash) {
      const row = byHash.get(tokenHash) as Row | undefined;
      return row ? fromRow(row) : null;
    },
    async touch(id, at) {
      touch.run(at.toISOString(), id);
    },
    async delete(ownerId, id) {
      return remove.run(ownerId, id).changes > 0;
    },
    async listAll() {
      return (all.all() as Row[]).map(fromRow);
    },
  };
}
