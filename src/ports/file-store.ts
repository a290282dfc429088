// Where receipt files and thumbnails live: a folder under DATA_DIR on the embedded default, GridFS on MongoDB.
export interface FileStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Removes the files under a key prefix (a folder, ending in "/") stored before `before`; answers how many. */
  deleteOlderThan(prefix: string, before: Date): Promise<number>;
}
