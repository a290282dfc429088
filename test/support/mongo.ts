// Reads MongoDB's own view of a started app's database (indexes, GridFS chunks) for store-specific tests.
import { MongoClient } from "mongodb";
import type { Config } from "../../src/config.ts";

export type IndexInfo = {
  name: string;
  key: Record<string, number>;
  unique?: boolean;
  partialFilterExpression?: unknown;
};

export async function mongoIndexes(config: Config, collection: string): Promise<IndexInfo[]> {
  const client = new MongoClient(config.mongodbUri!, { serverSelectionTimeoutMS: 5_000 });
  try {
    return (await client
      .db(config.mongodbDb)
      .collection(collection)
      .listIndexes()
      .toArray()
      .catch(() => [])) as IndexInfo[];
  } finally {
    await client.close();
  }
}
