// Spreadsheet files as rows: a member's CSV read whatever encoding and delimiter their spreadsheet wrote, and ours
// written so that no cell runs as a formula when they open it.
export type CsvCell = string | number | null | undefined;

/**
 * A file as read: its encoding ("utf-8", "windows-1252" ...), its delimiter by name, and its records, blank lines kept.
 */
export type CsvFile = { encoding: string; delimiter: "comma" | "semicolon" | "tab"; records: string[][] };

/**
 * A file that cannot be read as CSV: `code` says why (csv-empty, csv-encoding, csv-binary ...); the message is for the
 * member.
 */
export class CsvFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CsvFileError";
  }
}

export interface CsvCodec {
  /** Bytes -> records; throws CsvFileError when the bytes are not a CSV file a spreadsheet could have written. */
  read(bytes: Uint8Array): CsvFile;
  /** Rows -> CSV text (RFC 4180, CRLF, comma), every text cell guarded against running as a spreadsheet formula. */
  write(rows: readonly (readonly CsvCell[])[]): string;
}
