// Bulk import of payments, reading the file: the member's CSV (any common encoding and delimiter, through the CsvCodec
// port) as a header and rows, within the limits, or a 400 that says what is wrong with the file as a whole.
import { importWords } from "../domain/payment-import.ts";
import { type CsvCodec, CsvFileError } from "../ports/csv-codec.ts";
import type { ImportPreview } from "../ports/import-repository.ts";
import { AppError } from "./errors.ts";

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export type ImportSource = ImportPreview["source"];

/** Bytes -> header and rows, or a 400 that says what is wrong with the file as a whole. */
export function readImportFile(csv: CsvCodec, bytes: Uint8Array): ImportSource {
  try {
    const { encoding, delimiter, records: all } = csv.read(bytes);
    const records = all.filter((r) => r.some((cell) => cell.trim() !== ""));
    const [header, ...cells] = records;
    if (!header) throw new CsvFileError("csv-empty", "The file has no rows.");
    if (cells.length === 0) throw new CsvFileError("csv-no-rows", "The file has a header but no payments under it.");
    if (cells.length > MAX_IMPORT_ROWS) {
      const rows = cells.length.toLocaleString("en-IN");
      throw new AppError(
        413,
        "too-many-rows",
        importWords("tooManyRows", { rows, max: MAX_IMPORT_ROWS.toLocaleString("en-IN") }),
      );
    }
    const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
    return { encoding, delimiter, headers, cells };
  } catch (error) {
    if (error instanceof CsvFileError) throw new AppError(400, error.code, fileWords(error));
    throw error;
  }
}

/** A file refused as a whole, in the member's language: the codec's code names the words (English text otherwise). */
const FILE_PROBLEMS: Record<string, string> = {
  "csv-empty": "fileEmpty",
  "csv-no-rows": "fileNoRows",
  "csv-encoding": "fileDamaged",
  "csv-binary": "fileBinary",
  "csv-unclosed-quote": "fileUnclosedQuote",
  "csv-delimiter": "fileNoDelimiter",
};
const fileWords = (error: CsvFileError) => {
  const name = FILE_PROBLEMS[error.code];
  return name ? importWords(name) : importWords("fileUnreadable", { reason: error.message });
};
