// Personal API tokens in MongoDB (collection `api_tokens`): hashes only, found by a unique index on the hash.
import type { Db } from "mongodb";
import type { ApiToken, ApiTokenRepository } from "../../ports/api-token-repository.ts";

type TokenDoc = Omit<ApiToken, "id"> & { _id: string };

const fromDoc = ({ _id, ...rest }: TokenDoc): ApiToken => ({ id: _id, ...rest });

export function mongoApiTokenRepository(db: Db): ApiTokenRepository {
  const tokens = db.collection<TokenDoc>("api_tokens");
  return {
    async create({ id, ...rest }) {
      await tokens.insertOne({ _id: id, ...rest });
    },
    async listForOwner(ownerId) {
      return (await tokens.find({ ownerId }).sort({ createdAt: -1, _id: 1 }).toArray()).map(fromDoc);
    },
    async findByHash(tokenHash) {
      const doc = await tokens.findOne({ tokenHash });
      return doc ? fromDoc(doc) : null;
    },
    async touch(id, at) {
      await tokens.updateOne({ _id: id }, { $set: { lastUsedAt: at } });
    },
    async delete(ownerId, id) {
      return (await tokens.deleteOne({ _id: id, ownerId })).deletedCount > 0;
    },
    async listAll() {
      return (await tokens.find({}).sort({ createdAt: 1, _id: 1 }).toArray()).map(fromDoc);
    },
  };
}
