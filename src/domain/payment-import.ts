// Reading payments out of a member's spreadsheet: which column is which (by mapping or by header name, with the
// synonyms people use), and each row's date, amount, method and instalment as the ledger's values.
import { type CalendarDate, parseDate } from "./dates.ts";
import { type Paise, parseINR } from "./money.ts";
import type { WordParam, Words } from "./words.ts";

export const IMPORT_FIELDS = ["date", "amount", "chit", "instalment", "reference", "method", "notes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field -> the file's column name, as the member chose it. */
export type ColumnMapping = Partial<Record<ImportField, string>>;
/** Field -> the column's index in each row. */
export type ColumnIndexes = Partial<Record<ImportField, number>>;

/** A problem with the file or a row: which field, and what is wrong as Words (said in the member's language). */
export type ImportProblem = { field: string; words: Words };

/** Words for an import problem: `imports.problem.<name>` with its parameters. */
export const importWords = (name: string, params?: Record<string, WordParam>): Words =>
  params ? { key: `imports.problem.${name}`, params } : { key: `imports.problem.${name}` };

/** A field's name in the member's language. */
export const fieldWords = (field: ImportField): Words => ({ key: `imports.field.${field}` });

/** Header names people give each column, compared without case, spaces or punctuation. */
const SYNONYMS: Record<ImportField, string[]> = {
  date: [
    "date",
    "paid on",
    "paidon",
    "payment date",
    "paid date",
    "date paid",
    "date of payment",
    "txn date",
    "transaction date",
    "value date",
  ],
  amount: [
    "amount",
    "amount paid",
    "paid amount",
    "amount rs",
    "amount inr",
    "amt",
    "rs",
    "inr",
    "rupees",
    "paid",
    "payment amount",
    "instalment amount",
    "installment amount",
  ],
  chit: ["chit", "chit name", "chit id", "chit group", "group", "group name", "scheme", "chit fund"],
  instalment: [
    "instalment",
    "installment",
    "instalment no",
    "installment no",
    "instalment number",
    "installment number",
    "inst",
    "inst no",
    "month no",
  ],
  reference: [
    "reference",
    "ref",
    "ref no",
    "reference no",
    "reference number",
    "utr",
    "utr no",
    "utr number",
    "transaction id",
    "txn id",
    "upi ref",
    "cheque no",
  ],
  method: ["method", "mode", "payment mode", "payment method", "mode of payment", "paid by", "via"],
  notes: ["notes", "note", "remarks", "remark", "comment", "comments", "description", "narration"],
};

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const SYNONYM_INDEX = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((s) => [normalise(s), field] as const)),
);

/**
 * Columns for each field: the member's mapping first (a name must be one of the file's headers), then header names.
 * `required` fields without a column are problems that name the file's headers, so the member can map them.
 */
export function matchColumns(
  headers: readonly string[],
  mapping: ColumnMapping = {},
  required: readonly ImportField[] = ["date", "amount", "chit"],
) {
  const columns: ColumnIndexes = {};
  const problems: ImportProblem[] = [];
  const byName = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!byName.has(h.trim().toLowerCase())) byName.set(h.trim().toLowerCase(), i);
  });
  const found = headers.map((h) => `"${h.trim()}"`).join(", ");
  for (const field of IMPORT_FIELDS) {
    const chosen = mapping[field]?.trim();
    if (!chosen) continue;
    const index = byName.get(chosen.toLowerCase());
    if (index === undefined)
      problems.push({ field, words: importWords("noSuchColumn", { field: fieldWords(field), column: chosen, found }) });
    else columns[field] = index;
  }
  headers.forEach((header, index) => {
    const field = SYNONYM_INDEX.get(normalise(header));
    if (field && columns[field] === undefined && !mapping[field]?.trim() && !Object.values(columns).includes(index))
      columns[field] = index;
  });
  for (const field of required) {
    if (columns[field] === undefined && !problems.some((p) => p.field === field)) {
      problems.push({ field, words: importWords("noColumn", { field: fieldWords(field), found }) });
    }
  }
  return { columns, problems };
}

/**
 * DD/MM/YYYY (the Indian default), DD-MM-YYYY, DD.MM.YYYY or YYYY-MM-DD; a time after the date (Excel adds one) is
 * ignored.
 */
export function parseImportDate(text: string): { date: CalendarDate } | { error: Words } {
  const value = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, "");
  if (!value) return { error: importWords("dateEmpty") };
  const pad = (n: string) => n.padStart(2, "0");
  let iso: string | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) iso = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(value)) return { error: importWords("dateTwoDigitYear", { value }) };
  if (!iso) return { error: importWords("dateNotDate", { value }) };
  const date = parseDate(iso);
  return date ? { date } : { error: importWords("dateNotRealDay", { value }) };
}

export function parseImportAmount(text: string): { amount: Paise } | { error: Words } {
  const value = text.trim();
  if (!value) return { error: importWords("amountEmpty") };
  const paise = parseINR(value);
  if (paise === null) return { error: importWords("amountNotAmount", { value }) };
  if (paise <= 0) return { error: importWords("amountNotPositive") };
  return { amount: paise };
}

export type ImportMethod = "upi" | "cash" | "bank" | "cheque" | "other";

const METHOD_WORDS: Record<string, ImportMethod> = {
  upi: "upi",
  gpay: "upi",
  googlepay: "upi",
  phonepe: "upi",
  paytm: "upi",
  bhim: "upi",
  cash: "cash",
  bank: "bank",
  banktransfer: "bank",
  transfer: "bank",
  neft: "bank",
  imps: "bank",
  rtgs: "bank",
  netbanking: "bank",
  online: "bank",
  cheque: "cheque",
  check: "cheque",
  chq: "cheque",
  dd: "cheque",
  other: "other",
  others: "other",
};

/** "UPI", "GPay", "NEFT", "Cheque"... -> the ledger's method; empty means "other" (the spreadsheet did not say). */
export function parseImportMethod(text: string): { method: ImportMethod } | { error: Words } {
  const key = normalise(text);
  if (!key) return { method: "other" };
  const method = METHOD_WORDS[key];
  return method ? { method } : { error: importWords("methodUnknown", { value: text.trim() }) };
}

export function parseImportInstalment(
  text: string,
  members: number | null,
): { instalment: number | null } | { error: Words } {
  const value = text.trim().replace(/^#/, "");
  if (!value) return { instalment: null };
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1)
    return { error: importWords("instalmentNotNumber", { value: text.trim() }) };
  const n = Number(value);
  if (members !== null && n > members)
    return { error: importWords("instalmentPastLast", { number: n, last: members }) };
  return { instalment: n };
}
