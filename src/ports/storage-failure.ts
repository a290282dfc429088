// Recognises the store or the file store failing for lack of space or because it is read-only, whichever adapter
// raised it (node:sqlite, the file system, MongoDB/Atlas), so the web layer can answer 503 in plain words.
export type StorageFailure = "full" | "read-only" | "unavailable";

const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
/** MongoDB's OutOfDiskSpace, and Atlas's "you are over your space quota" (AtlasError 8000). */
const MONGO_FULL_CODES = new Set([14031, 8000]);

export function storageFailureOf(error: unknown): StorageFailure | null {
  if (!error || typeof error !== "object") return null;
  const e = error as { code?: unknown; errcode?: unknown; message?: unknown; cause?: unknown; codeName?: unknown };
  if (e.code === "ENOSPC" || e.code === "EDQUOT") return "full";
  if (e.code === "EROFS") return "read-only";
  if (e.code === "ERR_SQLITE_ERROR" && typeof e.errcode === "number") {
    const primary = e.errcode & 0xff;
    if (primary === SQLITE_FULL) return "full";
    if (primary === SQLITE_READONLY) return "read-only";
    if (primary === SQLITE_IOERR || primary === SQLITE_CANTOPEN) return "unavailable";
  }
  if (typeof e.code === "number" && MONGO_FULL_CODES.has(e.code)) return "full";
  if (e.codeName === "OutOfDiskSpace" || (typeof e.message === "string" && /over your space quota/i.test(e.message)))
    return "full";
  return e.cause ? storageFailureOf(e.cause) : null;
}
