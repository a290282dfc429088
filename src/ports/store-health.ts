// What the configured store says about itself: problems that stop the app (each with what to do), and the storage it
// uses against its limit. Asked by `chitfunds doctor`, at start-up, and by the Admin page.

export type StoreProblem =
  /** The connection string itself is wrong (often a password with @ : / not percent-encoded). */
  | { code: "mongodb-uri-invalid"; host: string; detail: string; passwordNeedsEncoding: boolean }
  /** The cluster's name does not resolve (a typo in the address; for mongodb+srv:// the SRV record). */
  | { code: "mongodb-dns-failed"; host: string; srv: boolean }
  | { code: "mongodb-auth-failed"; host: string; user: string; passwordNeedsEncoding: boolean }
  /** Nothing listens at that address and port. */
  | { code: "mongodb-connection-refused"; host: string }
  /** No server answered in time; with Atlas most often this machine's IP is not on the Network Access list. */
  | { code: "mongodb-unreachable"; host: string; seconds: number; atlas: boolean }
  | { code: "mongodb-failed"; host: string; detail: string }
  | { code: "mongodb-not-replica-set"; host: string }
  | { code: "mongodb-no-readwrite"; user: string; database: string }
  /** Indexes the app needs that are not there (it creates them at start-up: a user without createIndex cannot). */
  | { code: "indexes-missing"; indexes: string[] }
  /** An index with the same key but other options (or the same name, another key) stands in the way of one we need. */
  | { code: "index-conflict"; wanted: string; existing: string }
  | { code: "storage-full"; usedBytes: number; limitBytes: number }
  | { code: "data-dir-unwritable"; dir: string; detail: string };

export type StorageUse = {
  /** Data and indexes (Atlas counts both against M0's 512 MB), receipts included. */
  usedBytes: number;
  /** Of which receipt files and thumbnails (GridFS on MongoDB, files under DATA_DIR on SQLite). */
  filesBytes: number;
  /** The limit it counts against (MONGODB_STORAGE_LIMIT_MB), or null when none applies. */
  limitBytes: number | null;
};

export type StoreReport = {
  store: "sqlite" | "mongodb";
  /** Where: host and database, or the SQLite file; never a password. */
  description: string;
  problems: StoreProblem[];
  /** Null when the store could not be reached. */
  storage: StorageUse | null;
};

export interface StoreHealth {
  report(): Promise<StoreReport>;
}

/** Start-up stops with this when the store cannot be used; its report says why, in problems to be put in words. */
export class StoreRefusedError extends Error {
  constructor(readonly report: StoreReport) {
    super(`${report.description}: ${report.problems.map((p) => p.code).join(", ")}`);
  }
}
