// Receipt files and thumbnails in GridFS (bucket `receipts`), so app instances need no local disk. An upload that fails
// part-way is aborted, which removes the chunks it had written: no orphan chunks count against the storage limit. One
// cut off by a crash leaves chunks without a file, which removeIncomplete clears.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Db, GridFSBucket, type ObjectId } from "mongodb";
import type { FileStore, StoredFile } from "../../ports/file-store.ts";

const BATCH = 500;

/** GridFS's default chunk size (255 kB). */
const DEFAULT_CHUNK_BYTES = 255 * 1024;

/**
 * The bytes in chunk-sized pieces: the upload stream then writes one chunk at a time, so none is still in flight when
 * one fails.
 */
function* pieces(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size)
    yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(size, bytes.length - at));
}

export function gridFsFileStore(db: Db, options: { chunkSizeBytes?: number } = {}): FileStore {
  const chunkSizeBytes = options.chunkSizeBytes ?? DEFAULT_CHUNK_BYTES;
  const bucket = new GridFSBucket(db, { bucketName: "receipts", chunkSizeBytes });
  return {
    async put(key, bytes, contentType) {
      const upload = bucket.openUploadStream(key, { metadata: { contentType } });
      try {
        await pipeline(Readable.from(pieces(bytes, chunkSizeBytes)), upload);
      } catch (error) {
        await upload.abort().catch(() => {}); // deletes this file's chunks; fails only if it had already completed
        throw error;
      }
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
    async *list(): AsyncGenerator<StoredFile> {
      for await (const file of bucket.find({}, { projection: { filename: 1, uploadDate: 1 } })) {
        yield { key: file.filename, storedAt: file.uploadDate };
      }
    },
    async removeIncomplete(olderThan) {
      // GridFS writes the chunks first and the file document last: chunks whose file never came are a cut-off upload.
      const chunks = db.collection<{ files_id: ObjectId }>("receipts.chunks");
      const files = db.collection<{ _id: ObjectId }>("receipts.files");
      const ids = (await chunks.distinct("files_id")) as ObjectId[];
      let removed = 0;
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const present = new Set(
          (await files.find({ _id: { $in: batch } }, { projection: { _id: 1 } }).toArray()).map((f) => String(f._id)),
        );
        const orphans = batch.filter(
          (id) => !present.has(String(id)) && typeof id.getTimestamp === "function" && id.getTimestamp() < olderThan,
        );
        if (orphans.length) {
          await chunks.deleteMany({ files_id: { $in: orphans } });
          removed += orphans.length;
        }
      }
      return removed;
    },
  };
}
