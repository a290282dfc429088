// Archive files on disk: `chitfunds export` and `import` and the scheduled backups write and read the portable archive
// through this port, so the use cases never touch the file system themselves.

export const ARCHIVE_FORMAT = "chitfunds-archive";
/** 2 added API tokens (records of type "api-token"), 3 account activity ("activity"); older archives still import. */
export const ARCHIVE_VERSION = 3;

export type ArchiveHeader = {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  app: string;
  counts: Record<string, number>;
};
export type ArchiveRecord = { type: string } & Record<string, unknown>;

/** An archive checked whole (format, version, checksum); `records()` then reads it again from the start. */
export type OpenedArchive = { header: ArchiveHeader; records(): AsyncGenerator<ArchiveRecord> };

/** Why a file cannot be imported; nothing has been changed when this is thrown. */
export class ArchiveRefused extends Error {
  constructor(
    readonly code: "not-an-archive" | "archive-truncated" | "archive-too-new" | "archive-missing",
    message: string,
  ) {
    super(message);
  }
}

export interface ArchiveFiles {
  /** Writes the archive so that a crash never leaves a half-written file under `path`. */
  write(path: string, header: ArchiveHeader, records: AsyncIterable<ArchiveRecord>): Promise<void>;
  /** Throws ArchiveRefused for a file that is missing, not an archive, cut short or from a newer version. */
  open(path: string): Promise<OpenedArchive>;
  /** The names of the files in a folder, making it (readable by this user only) when it does not exist. */
  folder(dir: string): Promise<string[]>;
  remove(path: string): Promise<void>;
}
