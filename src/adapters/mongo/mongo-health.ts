// What a connected MongoDB says about itself: replica set or not, whether our user may read and write, our indexes
// (missing, or in conflict with one of other options), and the storage used against the limit (Atlas M0: 512 MB).
import { type Db, MongoServerError } from "mongodb";
import type { StorageUse, StoreProblem } from "../../ports/store-health.ts";
import { hostsOf, userOf } from "./connection-problem.ts";
import { APP_INDEXES, type IndexSpec } from "./indexes.ts";

/** better-auth's index that rate limits depend on (issue 9): we check it, better-auth creates it. */
const BETTER_AUTH_INDEXES: IndexSpec[] = [{ collection: "rateLimit", key: { key: 1 }, options: { unique: true } }];

export async function isReplicaSet(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 });
  // A mongos (sharded cluster) also allows transactions.
  return typeof hello.setName === "string" || hello.msg === "isdbgrid";
}

type Privilege = {
  resource?: { db?: string; collection?: string; anyResource?: boolean; cluster?: boolean };
  actions?: string[];
};
const NEEDED_ACTIONS = ["find", "insert", "update", "remove", "createIndex"];

/**
 * False when the signed-in user's privileges (connectionStatus) lack what readWrite gives on `db`; true without auth.
 */
export async function canReadWrite(db: Db): Promise<boolean> {
  const status = await db.admin().command({ connectionStatus: 1, showPrivileges: true });
  const users = status.authInfo?.authenticatedUsers ?? [];
  if (users.length === 0) return true; // no authentication on this server: every client may read and write
  const privileges: Privilege[] = status.authInfo?.authenticatedUserPrivileges ?? [];
  const granted = new Set<string>();
  for (const p of privileges) {
    const r = p.resource ?? {};
    const coversDb =
      r.anyResource ||
      ((r.db === db.databaseName || r.db === "") && (r.collection === "" || r.collection === undefined));
    if (coversDb) for (const action of p.actions ?? []) granted.add(action);
  }
  return NEEDED_ACTIONS.every((a) => granted.has(a));
}

export const describeIndex = (spec: IndexSpec) =>
  `${spec.collection} ${JSON.stringify(spec.key)}` +
  (spec.options?.unique ? " unique" : "") +
  (spec.options?.expireAfterSeconds !== undefined ? " TTL" : "");

type ExistingIndex = {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: unknown;
};

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);
/**
 * Whether an index of the same key serves as ours: the same uniqueness and expiry, and (where the server lists one)
 * the same partial filter. A partial filter the listing leaves out is not held against it: MongoDB itself refuses to
 * create ours beside a same-named index of other options (85/86), which start-up reports.
 */
const sameOptions = (existing: ExistingIndex, spec: IndexSpec) =>
  Boolean(existing.unique) === Boolean(spec.options?.unique) &&
  existing.expireAfterSeconds === spec.options?.expireAfterSeconds &&
  (existing.partialFilterExpression === undefined ||
    JSON.stringify(existing.partialFilterExpression) === JSON.stringify(spec.options?.partialFilterExpression ?? null));

/** Our indexes (and better-auth's rate-limit one) that are missing or blocked by an index of other options. */
export async function indexProblems(db: Db, betterAuthIndexes = true): Promise<StoreProblem[]> {
  const collections = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  const problems: StoreProblem[] = [];
  const missing: string[] = [];
  const byCollection = new Map<string, ExistingIndex[]>();
  for (const spec of betterAuthIndexes ? [...APP_INDEXES, ...BETTER_AUTH_INDEXES] : APP_INDEXES) {
    // A collection that does not exist yet gets its indexes when the app first starts (or first writes to it).
    if (!collections.has(spec.collection)) continue;
    if (!byCollection.has(spec.collection))
      byCollection.set(
        spec.collection,
        (await db.collection(spec.collection).listIndexes().toArray()) as ExistingIndex[],
      );
    const existing = byCollection.get(spec.collection)!.filter((index) => sameKey(index.key, spec.key));
    if (existing.some((index) => sameOptions(index, spec))) continue;
    if (existing[0])
      problems.push({
        code: "index-conflict",
        wanted: describeIndex(spec),
        existing: `${spec.collection} ${existing[0].name}`,
      });
    else missing.push(describeIndex(spec));
  }
  if (missing.length) problems.unshift({ code: "indexes-missing", indexes: missing });
  return problems;
}

/**
 * Data and indexes used, as Atlas counts them against a free cluster's limit: `atlasSize` on M0/Flex clusters (the
 * whole cluster), else dbStats of this database. Receipts are the GridFS files' lengths.
 */
export async function storageUse(db: Db, limitBytes: number | null): Promise<StorageUse> {
  let usedBytes: number;
  try {
    const atlas = await db.admin().command({ atlasSize: 1 });
    usedBytes = Number(atlas.atlasSize);
  } catch {
    const stats = await db.command({ dbStats: 1 });
    usedBytes = Number(stats.dataSize ?? 0) + Number(stats.indexSize ?? 0);
  }
  const [files] = await db
    .collection("receipts.files")
    .aggregate<{ bytes: number }>([{ $group: { _id: null, bytes: { $sum: "$length" } } }])
    .toArray();
  const filesBytes = Number(files?.bytes ?? 0);
  return { usedBytes: Math.max(usedBytes, filesBytes), filesBytes, limitBytes };
}

/**
 * Every check on a connected database: the problems found (in the order a person should fix them) and storage used.
 * better-auth's own indexes are left out at start-up, before better-auth has built them.
 */
export async function inspectMongo(
  db: Db,
  uri: string,
  limitBytes: number | null,
  options: { betterAuthIndexes?: boolean } = {},
) {
  const problems: StoreProblem[] = [];
  if (!(await isReplicaSet(db))) problems.push({ code: "mongodb-not-replica-set", host: hostsOf(uri) });
  if (!(await canReadWrite(db).catch(() => true)))
    problems.push({ code: "mongodb-no-readwrite", user: userOf(uri) ?? "", database: db.databaseName });
  const notAllowed = (error: unknown) =>
    error instanceof MongoServerError && error.code === 13 ? [] : Promise.reject(error);
  problems.push(...(await indexProblems(db, options.betterAuthIndexes ?? true).catch(notAllowed)));
  const storage = await storageUse(db, limitBytes);
  if (limitBytes && storage.usedBytes >= limitBytes)
    problems.push({ code: "storage-full", usedBytes: storage.usedBytes, limitBytes });
  return { problems, storage };
}
