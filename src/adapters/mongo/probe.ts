// `chitfunds doctor` on MongoDB: connects as the app would and runs every check, better-auth's rate-limit index
// included; a connection that fails is reported as its problem.
import { StoreRefusedError, type StoreReport } from "../../ports/store-health.ts";
import { connectMongo, describeMongo, type MongoSettings } from "./connect.ts";
import { inspectMongo } from "./mongo-health.ts";

export async function probeMongo(settings: MongoSettings): Promise<StoreReport> {
  let connected: Awaited<ReturnType<typeof connectMongo>>;
  try {
    connected = await connectMongo(settings);
  } catch (error) {
    if (error instanceof StoreRefusedError) return error.report;
    throw error;
  }
  const { client, db } = connected;
  try {
    const { problems, storage } = await inspectMongo(db, settings.uri, settings.storageLimitBytes);
    return { store: "mongodb", description: describeMongo(settings, db.databaseName), problems, storage };
  } finally {
    await client.close();
  }
}
