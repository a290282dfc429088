// The storage contract on MongoDB: runs when MONGODB_TEST_URI points at a replica set (the stand-in in .ci/run, a real
// mongo:8 in the GitHub workflow), each test on a database of its own, dropped after. Never MONGODB_URI: that may be
// someone's production database.
import { randomUUID } from "node:crypto";
import { describe, it } from "vitest";
import { openMongoStorage } from "../../src/adapters/mongo/storage.ts";
import { loadConfig } from "../../src/config.ts";
import { storageContract } from "./storage-contract.ts";

const uri = process.env.MONGODB_TEST_URI;

if (uri) {
  storageContract(
    "MongoDB",
    () =>
      openMongoStorage({
        uri,
        dbName: `chitfunds_contract_${randomUUID().slice(0, 8)}`,
        ...loadConfig({ MONGODB_URI: uri }).mongodb,
      }),
    async (storage) => {
      await storage.mongo!.db.dropDatabase();
      await storage.close();
    },
  );
} else {
  // Store-specific: the MongoDB adapter's own contract needs a MongoDB server; the SQLite one runs in every run.
  describe("storage contract: MongoDB", () => {
    it.skip("needs MONGODB_TEST_URI (a MongoDB replica set; see README, Tests)", () => {});
  });
}
