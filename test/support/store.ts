// Which store every started app, CLI process and browser test runs on: the embedded SQLite default, or MongoDB when
// MONGODB_TEST_URI is set, each started app then on its own fresh database, dropped when it closes.
// Tests never read MONGODB_URI (it may be someone's production database), and only ever drop databases they created.
import { randomUUID } from "node:crypto";
import { MongoClient } from "mongodb";

const mongoTestUri = process.env.MONGODB_TEST_URI || undefined;

/** The store this run of the suite uses. */
export const TEST_STORE: "sqlite" | "mongodb" = mongoTestUri ? "mongodb" : "sqlite";

/**
 * For a test that only means something on one store: `it.skipIf(!onStore("sqlite"))("...")`, with a comment saying why.
 */
export const onStore = (store: "sqlite" | "mongodb") => TEST_STORE === store;

export type TestStore = {
  /** The settings that select this store, given to loadConfig and to a spawned `chitfunds` process (with DATA_DIR). */
  env: Record<string, string>;
  /** Removes the store's data (the MongoDB database; a SQLite store goes with its DATA_DIR). */
  drop(): Promise<void>;
};

/** A fresh store for one started app: nothing more than DATA_DIR on SQLite; a database of its own on MongoDB. */
export function freshStore(): TestStore {
  if (!mongoTestUri) return { env: {}, drop: async () => {} };
  const uri = mongoTestUri;
  const dbName = `chitfunds_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  return {
    env: { MONGODB_URI: uri, MONGODB_DB: dbName },
    async drop() {
      const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

/**
 * The environment for a `chitfunds` process run by a test: the test's own environment without any MONGODB_URI or
 * MONGODB_DB it may carry (a developer's shell can hold a production URI) nor vitest's BASE_URL, plus the started
 * app's store and `extra`.
 */
export function childEnv(store: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { MONGODB_URI: _uri, MONGODB_DB: _db, BASE_URL: _base, ...rest } = process.env;
  return { ...rest, NODE_ENV: "test", LOG_LEVEL: "silent", BASE_URL: "http://localhost:3000", ...store, ...extra };
}
