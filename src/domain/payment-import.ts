// Reading payments out of a member's spreadsheet: which column is which (by mapping or by header name, with the
// synonyms people use), and each row's date, amount, method and instalment as the ledger's values.
import { type CalendarDate, parseDate } from "./dates.ts";
import { type Paise, parseINR } from "./money.ts";

export const IMPORT_FIELDS = ["date", "amount", "chit", "instalment", "reference", "method", "notes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field -> the file's column name, as the member chose it. */
export type ColumnMapping = Partial<Record<ImportField, string>>;
/** Field -> the column's index in each row. */
export type ColumnIndexes = Partial<Record<ImportField, number>>;

export type ImportProblem = { field: string; message: string };

export const FIELD_LABELS: Record<ImportField, string> = {
  date: "Date",
  amount: "Amount",
  chit: "Chit",
  instalment: "Instalment",
  reference: "Reference",
  method: "Method",
  notes: "Notes",
};

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
      problems.push({
        field,
        message: `${FIELD_LABELS[field]}: the file has no column "${chosen}". Its columns are ${found}.`,
      });
    else columns[field] = index;
  }
  headers.forEach((header, index) => {
    const field = SYNONYM_INDEX.get(normalise(header));
    if (field && columns[field] === undefined && !mapping[field]?.trim() && !Object.values(columns).includes(index))
      columns[field] = index;
  });
  for (const field of required) {
    if (columns[field] === undefined && !problems.some((p) => p.field === field)) {
      problems.push({
        field,
        message:
          `No ${FIELD_LABELS[field].toLowerCase()} column: name a column ` +
          `"${FIELD_LABELS[field]}" or map one of ${found} to it.`,
      });
    }
  }
  return { columns, problems };
}

const DATE_HELP = "write it as DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD";

/**
 * DD/MM/YYYY (the Indian default), DD-MM-YYYY, DD.MM.YYYY or YYYY-MM-DD; a time after the date (Excel adds one) is
 * ignored.
 */
export function parseImportDate(text: string): { date: CalendarDate } | { error: string } {
  const value = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, "");
  if (!value) return { error: `Date is empty: ${DATE_HELP}.` };
  const pad = (n: string) => n.padStart(2, "0");
  let iso: string | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) iso = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(value))
    return { error: `Date "${value}" has a two-digit year: ${DATE_HELP}.` };
  if (!iso) return { error: `Date "${value}" is not a date: ${DATE_HELP}.` };
  const date = parseDate(iso);
  return date ? { date } : { error: `Date "${value}" is not a real day (${DATE_HELP}; day first).` };
}

export function parseImportAmount(text: string): { amount: Paise } | { error: string } {
  const value = text.trim();
  if (!value) return { error: "Amount is empty." };
  const paise = parseINR(value);
  if (paise === null)
    return { error: `Amount "${value}" is not an amount in rupees, e.g. 5000, 1,00,000.00 or ₹5,000.` };
  if (paise <= 0) return { error: "Amount must be more than zero." };
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
export function parseImportMethod(text: string): { method: ImportMethod } | { error: string } {
  const key = normalise(text);
  if (!key) return { method: "other" };
  const method = METHOD_WORDS[key];
  return method
    ? { method }
    : { error: `Method "${text.trim()}" is not one of UPI, cash, bank transfer, cheque or other.` };
}

export function parseImportInstalment(
  text: string,
  members: number | null,
): { instalment: number | null } | { error: string } {
  const value = text.trim().replace(/^#/, "");
  if (!value) return { instalment: null };
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1)
    return { error: `Instalment "${text.trim()}" is not an instalment number (1, 2, 3...).` };
  const n = Number(value);
  if (members !== null && n > members)
    return { error: `Instalment ${n} is past the chit's last instalment (${members}).` };
  return { instalment: n };
}
