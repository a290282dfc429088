// The portable archive file: gzip-compressed JSON lines, a header first and a checksummed end line last, so a file
// that is not ours, cut short or from a newer version is refused before anything is changed.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveFiles,
  type ArchiveHeader,
  type ArchiveRecord,
  ArchiveRefused,
  type OpenedArchive,
} from "../../ports/archive-files.ts";

/** Writes to FILE.partial and renames at the end, so a crash never leaves a half archive under the real name. */
async function writeArchive(path: string, header: ArchiveHeader, records: AsyncIterable<ArchiveRecord>): Promise<void> {
  const hash = createHash("sha256");
  let count = 0;
  async function* lines() {
    const first = `${JSON.stringify(header)}\n`;
    hash.update(first);
    yield first;
    for await (const record of records) {
      const line = `${JSON.stringify(record)}\n`;
      hash.update(line);
      count += 1;
      yield line;
    }
    yield `${JSON.stringify({ type: "end", records: count, sha256: hash.digest("hex") })}\n`;
  }
  const partial = `${path}.partial`;
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
  await rename(partial, path);
}

const notOurs = () => new ArchiveRefused("not-an-archive", "This file is not a ChitFunds Ledger archive.");
const truncated = () =>
  new ArchiveRefused(
    "archive-truncated",
    "The archive is incomplete or damaged (it ends early or its checksum does not match). Nothing was changed.",
  );

async function* rawLines(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const stream = createReadStream(path).pipe(gunzip);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") throw truncatedOrForeign(error);
    throw error;
  }
}

function truncatedOrForeign(error: unknown): ArchiveRefused {
  return /incorrect header check|unknown compression/i.test(String((error as Error).message)) ? notOurs() : truncated();
}

/** Reads the whole file once to check it; then `records()` reads it again for the import. */
async function openArchive(path: string): Promise<OpenedArchive> {
  const hash = createHash("sha256");
  let header: ArchiveHeader | null = null;
  let end: { records: number; sha256: string } | null = null;
  let count = 0;
  try {
    for await (const line of rawLines(path)) {
      if (end) throw truncated(); // anything after the end line
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw header ? truncated() : notOurs();
      }
      if (!header) {
        if (parsed.format !== ARCHIVE_FORMAT) throw notOurs();
        if (typeof parsed.version !== "number" || parsed.version > ARCHIVE_VERSION) {
          throw new ArchiveRefused(
            "archive-too-new",
            "This archive was made by a newer version of ChitFunds Ledger (format " +
              `${String(parsed.version)}; this one reads up to ${ARCHIVE_VERSION}). Update the app ` +
              "first. Nothing was changed.",
          );
        }
        header = parsed as ArchiveHeader;
        hash.update(`${line}\n`);
        continue;
      }
      if (parsed.type === "end") {
        end = parsed as { records: number; sha256: string };
        continue;
      }
      hash.update(`${line}\n`);
      count += 1;
    }
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new ArchiveRefused("archive-missing", `No file at ${path}.`);
    throw truncatedOrForeign(error);
  }
  if (!header) throw notOurs();
  if (!end || end.records !== count || end.sha256 !== hash.digest("hex")) throw truncated();
  const verified = header;
  return {
    header: verified,
    async *records() {
      let first = true;
      for await (const line of rawLines(path)) {
        if (first) {
          first = false;
          continue;
        }
        const record = JSON.parse(line) as ArchiveRecord;
        if (record.type === "end") return;
        yield record;
      }
    },
  };
}

/** Archives as files on the local disk (export, import, scheduled backups). */
export const localArchiveFiles: ArchiveFiles = {
  write: writeArchive,
  open: openArchive,
  async folder(dir) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return readdir(dir);
  },
  remove: (path) => rm(path, { force: true }),
};
