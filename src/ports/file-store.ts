// Where receipt files and thumbnails live: a folder under DATA_DIR on the embedded default, GridFS on MongoDB.
export type StoredFile = { key: string; storedAt: Date };

export interface FileStore {
  /** Stores the file whole or not at all: a crash or a full disk never leaves a partial file under `key`. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Every complete stored file, with when it was stored. */
  list(): AsyncIterable<StoredFile>;
  /** Removes the leftovers of writes cut off (a crash mid-write) before `olderThan`; returns how many. */
  removeIncomplete(olderThan: Date): Promise<number>;
  /** Removes the files under a key prefix (a folder, ending in "/") stored before `before`; answers how many. */
  deleteOlderThan(prefix: string, before: Date): Promise<number>;
}
