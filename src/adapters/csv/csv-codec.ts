// CSV as spreadsheets write it (the CsvCodec port): bytes -> text (UTF-8, UTF-16, Windows-1252), delimiter detection,
// RFC 4180 reading and writing, and the guard that stops a cell from running as a spreadsheet formula.
import { type CsvCell, type CsvCodec, type CsvFile, CsvFileError } from "../../ports/csv-codec.ts";

export type CsvDelimiter = "," | ";" | "\t";
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

const DELIMITER_NAMES: Record<CsvDelimiter, CsvFile["delimiter"]> = { ",": "comma", ";": "semicolon", "\t": "tab" };

// ---- writing ----

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab/carriage return before one) gets a leading
 * apostrophe, so an exported reference like "=HYPERLINK(...)" stays text (OWASP's CSV injection advice).
 * Only text is guarded: numbers are ours and are written as they are.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell, quoted when RFC 4180 requires it (delimiter, quote, CR or LF inside). */
export function csvCell(value: CsvCell, delimiter: CsvDelimiter = ","): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : guardFormula(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows -> CSV text with CRLF line ends (RFC 4180), ending in a line break. */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ","): string {
  return rows.map((row) => `${row.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`).join("");
}

// ---- reading bytes ----

/** Counts well-formed multi-byte UTF-8 sequences; Windows-1252 text almost never contains one by accident. */
function utf8MultibyteSequences(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (!need) continue;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      count++;
      i += need;
    }
  }
  return count;
}

function decodeStrict(bytes: Uint8Array, encoding: "utf-8" | "utf-16le" | "utf-16be"): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const broken = (detail: string) =>
  new CsvFileError(
    "csv-encoding",
    `The file's text is damaged (${detail}). Save it again from your spreadsheet as "CSV UTF-8" and upload that.`,
  );

/** UTF-16 without a byte-order mark: most ASCII characters have a zero byte on one side. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(bytes.length, 4000) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.1) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.1) return "utf-16be";
  return null;
}

/**
 * Bytes as a spreadsheet saves them -> text. UTF-8 (with or without BOM) and UTF-16 LE/BE (BOM, or guessed from the
 * zero bytes) are read strictly; text that is not valid UTF-8 and has no UTF-8 sequences at all is Windows-1252
 * (Excel's
 * "CSV" on Windows). Mixed or binary content is refused with a message rather than read as gibberish.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length === 0) throw new CsvFileError("csv-empty", "The file is empty.");
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : bytes.includes(0)
          ? guessUtf16(bytes)
          : null;
  if (utf16) {
    const text = decodeStrict(bytes, utf16);
    if (text === null) throw broken("it says UTF-16 but has invalid characters or an odd number of bytes");
    return { text: checkText(text), encoding: utf16 };
  }
  if (bytes.includes(0))
    throw new CsvFileError(
      "csv-binary",
      "This is not a CSV file: it contains binary data. Export your spreadsheet as CSV and upload that.",
    );
  const utf8 = decodeStrict(bytes, "utf-8");
  if (utf8 !== null) return { text: checkText(utf8), encoding: "utf-8" };
  if (utf8MultibyteSequences(bytes) > 0) throw broken("it mixes UTF-8 characters with bytes that are not UTF-8");
  const text = new TextDecoder("windows-1252").decode(bytes);
  return { text: checkText(text), encoding: "windows-1252" };
}

function checkText(text: string): string {
  const clean = text.replace(/^\uFEFF/, "");
  if (hasControlCharacters(clean)) throw broken("it has control characters or unreadable bytes");
  return clean;
}

/**
 * Control characters other than tab, CR, LF and form feed, or U+FFFD (Windows-1252's five unassigned bytes decode to C1
 * controls).
 */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd)
      return true;
  }
  return false;
}

// ---- parsing ----

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF or CR end a record.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === "\r" || ch === "\n") {
      endRecord();
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (quoted)
    throw new CsvFileError(
      "csv-unclosed-quote",
      'A quoted cell is never closed: the file ends inside quotes. Check for a stray " in the file.',
    );
  if (field !== "" || record.length) endRecord();
  return records;
}

/** Counts a delimiter in one line, outside quotes. */
function countOutsideQuotes(line: string, delimiter: CsvDelimiter): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * The delimiter that splits the header into the most columns and the next lines into the same number; Indian and
 * European Excel often write semicolons, and tab-separated files come from copy-paste.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  if (lines.length === 0) throw new CsvFileError("csv-empty", "The file has no rows.");
  let best: { delimiter: CsvDelimiter; score: number } | null = null;
  for (const delimiter of [",", ";", "\t"] as CsvDelimiter[]) {
    const header = countOutsideQuotes(lines[0]!, delimiter);
    if (header === 0) continue;
    const consistent = lines.slice(1).filter((l) => countOutsideQuotes(l, delimiter) === header).length;
    const score = consistent * 1000 + header;
    if (!best || score > best.score) best = { delimiter, score };
  }
  if (!best) {
    throw new CsvFileError(
      "csv-delimiter",
      "Could not find the columns: the first line has no comma, semicolon or tab between " +
        "column names. Save the spreadsheet as CSV (comma-separated) and upload that.",
    );
  }
  return best.delimiter;
}

/** The codec the use cases get through the CsvCodec port. */
export const csvCodec: CsvCodec = {
  read(bytes) {
    const { text, encoding } = decodeCsvBytes(bytes);
    const delimiter = detectDelimiter(text);
    return { encoding, delimiter: DELIMITER_NAMES[delimiter], records: parseCsv(text, delimiter) };
  },
  write: (rows) => toCsv(rows),
};
