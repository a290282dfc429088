// The storage contract on MongoDB: runs when MONGODB_TEST_URI (or MONGODB_URI) points at a replica set, e.g. in the
// GitHub workflow's mongo:8 service. No MongoDB server can run on the development machines, and no fake stands in.
import { randomUUID } from "node:crypto";
import { describe, it } from "vitest";
import { openMongoStorage } from "../../src/adapters/mongo/storage.ts";
import { storageContract } from "./storage-contract.ts";

const uri = process.env.MONGODB_TEST_URI || process.env.MONGODB_URI;

if (uri) {
  storageContract(
    "MongoDB",
    () => openMongoStorage(uri, `chitfunds_contract_${randomUUID().slice(0, 8)}`),
    async (storage) => {
      await storage.mongo!.db.dropDatabase();
      await storage.close();
    },
  );
} else {
  console.warn("\n*** MongoDB storage contract SKIPPED: set MONGODB_TEST_URI to a MongoDB replica set to run it. ***\n");
  describe("storage contract: MongoDB", () => {
    it.skip("needs MONGODB_TEST_URI (skipped: no MongoDB server on this machine)", () => {});
  });
}
