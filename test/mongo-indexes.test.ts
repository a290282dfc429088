// MongoDB's indexes after start: better-auth keeps its own (one unique index on rateLimit.key), ours do not get in its
// way, and the queries every open tab polls have one. Store-specific: indexes here are MongoDB's (SQLite's tables and
// indexes come from migrations, checked by the contract suite's behaviour instead).
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { composeServices, type Services } from "../src/compose.ts";
import { loadConfig } from "../src/config.ts";
import { mongoIndexes } from "./support/mongo.ts";
import { freshStore, onStore, type TestStore } from "./support/store.ts";

let services: Services | undefined;
let store: TestStore | undefined;

async function start(): Promise<Services> {
  store ??= freshStore();
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "/nonexistent-not-used-on-mongodb", LOG_LEVEL: "silent", ...store.env });
  services = await composeServices(config, { log: pino({ level: "silent" }) });
  return services;
}

afterEach(async () => {
  await services?.close();
  await store?.drop();
  services = undefined;
  store = undefined;
});

/** better-auth builds its indexes in the background at start: wait (a few seconds at most) until `rateLimit` has one on `key`. */
async function indexesOnceBuilt(s: Services, collection: string, key: string) {
  for (let i = 0; i < 100; i++) {
    const found = (await mongoIndexes(s.config, collection)).filter((index) => Object.keys(index.key).join() === key);
    if (found.some((index) => index.unique)) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await mongoIndexes(s.config, collection)).filter((index) => Object.keys(index.key).join() === key);
}

describe.skipIf(!onStore("mongodb"))("MongoDB indexes after start", () => {
  it("rateLimit has exactly one index on key, and it is unique (better-auth's own)", async () => {
    const s = await start();
    const onKey = await indexesOnceBuilt(s, "rateLimit", "key");
    expect(onKey).toHaveLength(1);
    expect(onKey[0]).toMatchObject({ unique: true });
  });

  it("a database left with the old non-unique rateLimit index by an earlier version gets the unique one", async () => {
    store = freshStore();
    const { MongoClient } = await import("mongodb");
    const client = new MongoClient(store.env.MONGODB_URI!);
    await client.db(store.env.MONGODB_DB).collection("rateLimit").createIndex({ key: 1 }, { name: "key_1" });
    await client.close();
    const s = await start();
    const onKey = await indexesOnceBuilt(s, "rateLimit", "key");
    expect(onKey).toHaveLength(1);
    expect(onKey[0]).toMatchObject({ unique: true });
  });

  it("the unread-notification count has an index that starts with ownerId and readAt", async () => {
    const s = await start();
    const indexes = await mongoIndexes(s.config, "notifications");
    expect(indexes.some((index) => Object.keys(index.key).slice(0, 2).join() === "ownerId,readAt")).toBe(true);
  });
});
