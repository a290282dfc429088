// Receipt files and thumbnails in GridFS (bucket `receipts`), so app instances need no local disk.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Db, GridFSBucket } from "mongodb";
import type { FileStore } from "../../ports/file-store.ts";

export function gridFsFileStore(db: Db): FileStore {
  const bucket = new GridFSBucket(db, { bucketName: "receipts" });
  return {
    async put(key, bytes, contentType) {
      await pipeline(Readable.from([Buffer.from(bytes)]), bucket.openUploadStream(key, { metadata: { contentType } }));
    },
    async get(key) {
      const file = await bucket.find({ filename: key }).sort({ uploadDate: -1 }).limit(1).next();
      if (!file) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of bucket.openDownloadStream(file._id)) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    async delete(key) {
      for await (const file of bucket.find({ filename: key })) await bucket.delete(file._id);
    },
    async deleteOlderThan(prefix, before) {
      const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      let removed = 0;
      for await (const file of bucket.find({ filename: { $regex: `^${escaped}` }, uploadDate: { $lt: before } })) {
        await bucket.delete(file._id);
        removed++;
      }
      return removed;
    },
  };
}
