// Bulk import of payments, reading the file: the member's CSV (any common encoding and delimiter, through the CsvCodec
// port) as a header and rows, within the limits, or a 400 that says what is wrong with the file as a whole.
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
      throw new AppError(
        413,
        "too-many-rows",
        `The file has ${cells.length.toLocaleString("en-IN")} rows; at most ` +
          `${MAX_IMPORT_ROWS.toLocaleString("en-IN")} can be imported at once. Split it into ` +
          "smaller files. Nothing was imported.",
      );
    }
    const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
    return { encoding, delimiter, headers, cells };
  } catch (error) {
    if (error instanceof CsvFileError) throw new AppError(400, error.code, `${error.message} Nothing was imported.`);
    throw error;
  }
}
