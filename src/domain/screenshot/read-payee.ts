// Who was paid, as a screenshot shows it: the payee's name ("To Shriram Chits", "Paid to", "Beneficiary Name") and UPI
// id (shriramchits@icici), told apart from the payer's own ("From", "Debited from", "Paid using").
import { COLUMN_GAP, editDistance, type Row } from "./ocr-text.ts";

/** name@handle; UPI handles have no dots (an email's domain has), OCR may put spaces round "@" or read "l" as "|". */
const UPI_ID = /(?<![\w.@-])([a-z0-9][a-z0-9._-]{1,255})\s?[@®]{1,2}\s?([a-z][a-z0-9|!]{1,63})(?![\w@]|\.[a-z])/gi;

const PAYER_LABEL = /\b(from|debited|paid from|sent from|paid using|paid by|payer|sender|your upi|my upi|self)\b/;
const PAYEE_LABEL = /\b(to|paid to|sent to|payee|beneficiary|receiver|vpa|upi id|merchant|you paid|paying)\b/;

/** Which side a label names, looking at the text before the id on its row, then the rows above, nearest first. */
function sideOf(rows: Row[], rowIndex: number, at: number): "payer" | "payee" | null {
  const own = rows[rowIndex]!.text.slice(0, at).toLowerCase();
  const texts = [
    own.split(COLUMN_GAP).at(-1) ?? own,
    ...[1, 2, 3].map((i) => rows[rowIndex - i]?.text.toLowerCase() ?? ""),
  ];
  for (const text of texts) {
    const payer = PAYER_LABEL.exec(text);
    const payee = PAYEE_LABEL.exec(text);
    if (payer && payee) return payer.index > payee.index ? "payer" : "payee";
    if (payer) return "payer";
    if (payee) return "payee";
  }
  return null;
}

/** Handles of the common UPI apps and banks, to undo OCR's slips at the end of an id ("ax|", "axl!" -> "axl"). */
const KNOWN_HANDLES = new Set(
  (
    "ybl ibl axl okaxis okhdfcbank okicici oksbi paytm ptyes ptaxis pthdfc ptsbi upi apl " +
    "yapl rapl icici hdfcbank sbi axisbank kotak " +
    "ikwik jupiteraxis fam freecharge waaxis wahdfcbank waicici wasbi postbank aubank pnb " +
    "barodampay cnrb boi unionbank idfcbank indus " +
    "federal kbl uco mahb cbin centralbank yesbank dbs rbl equitas jio airtel axisb " +
    "naviaxis superyes tapicici abfspay kvb tjsb citi " +
    "hsbc sc idbi iob indianbank allbank andb syndicate vijb denabank obc ubi pockets timecosmos mobikwik"
  ).split(" "),
);

/** The handle as OCR read it, put right when a known handle is one slip away ("ax|" -> "axl", "axl|" -> "axl"). */
function fixHandle(raw: string): string {
  const handle = raw.toLowerCase();
  if (KNOWN_HANDLES.has(handle)) return handle;
  const variants = [handle.replace(/[|!1i]$/, ""), handle.replace(/[|!1]/g, "l"), handle.replace(/[|!]/g, "")];
  const known = variants.find((v) => KNOWN_HANDLES.has(v));
  if (known) return known;
  // one letter added, dropped or changed in a longer handle ("hdfcbhank", "okaxs")
  const near =
    handle.length >= 5 ? [...KNOWN_HANDLES].filter((k) => k.length >= 5 && editDistance(k, handle) === 1) : [];
  return near.length === 1 ? near[0]! : handle.replace(/[|!]/g, "l");
}

/** Apps show UPI ids in lower case: a capital I among lower-case letters is an l that OCR misread. */
const fixName = (name: string) =>
  (/[a-z]/.test(name) && !/[A-HJ-Z]/.test(name) ? name.replace(/I/g, "l") : name).toLowerCase();

/** The payee's UPI id in lower case, or null. The first id not labelled as the payer's is the payee's. */
export function readUpiId(rows: Row[]): string | null {
  const ids: { id: string; side: "payer" | "payee" | null }[] = [];
  for (const row of rows) {
    for (const m of row.text.matchAll(UPI_ID)) {
      const handle = fixHandle(m[2]!);
      const id = `${fixName(m[1]!)}@${handle}`;
      ids.push({ id, side: sideOf(rows, row.index, m.index ?? 0) });
    }
  }
  const payee = ids.find((i) => i.side === "payee") ?? ids.find((i) => i.side === null);
  return payee?.id ?? null;
}

/**
 * Labels a payee's name follows, on the same row ("Paid to Shriram Chits", "Beneficiary Name  |  X") or the row above.
 */
const NAME_LABEL = new RegExp(
  String.raw`\b(paid successfully to|money sent to|paid to|sent to|payment to|transferred to|you paid|` +
    "beneficiary name|beneficiary|payee name|payee|banking name|receiver|" +
    String.raw`(?:paid|sent|transferred)\s+(?:₹|rs\.?|inr)?\s?[\d,]+(?:\.\d{1,2})?\s+to)\b\s*[:.-]?\s*`,
  "i",
);
/** "To" names the payee only at the start of a row ("To Shriram Chits", "To: SHRIRAM CHITS"), not inside a sentence. */
const TO_LABEL = /^\s*to\b\s*[:.-]?\s*/i;
const NOT_A_NAME = new RegExp(
  String.raw`\b(transaction|details|successful|completed|upi|vpa|bank account|account|debited|from|amount|share|done|` +
    String.raw`help|split|expense|history|receipt|balance|check|powered|id|ref|utr|mobile|status|remarks|date|time)\b`,
  "i",
);

/**
 * A name cleaned of what OCR or the layout put beside it: amounts, UPI ids, phone numbers, avatars' initials, marks.
 */
function cleanName(raw: string): string | null {
  let name = raw
    .split(COLUMN_GAP)[0]!
    .replace(UPI_ID, " ")
    .replace(/(₹|rs\.?|inr)?\s?[\d,]+(\.\d{2})?/gi, " ")
    .replace(/\([^)]*\)?/g, " ")
    .replace(/[^A-Za-z&.' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[^A-Za-z]+|[^A-Za-z.)]+$/g, "");
  // a stray initial from an avatar before the name ("S Shriram Chits" keeps "S" only when the name is one letter long)
  name = name.replace(/^(?:[A-Za-z] )+(?=[A-Za-z]{2,})/, "");
  const letters = name.replace(/[^A-Za-z]/g, "").length;
  if (letters < 3 || NOT_A_NAME.test(name) || name.split(" ").length > 8) return null;
  return name;
}

/** The payee's name as written on the screenshot, or null. */
export function readPayee(rows: Row[]): string | null {
  for (const row of rows) {
    const label = NAME_LABEL.exec(row.text) ?? TO_LABEL.exec(row.text);
    if (!label) continue;
    const rest = row.text.slice((label.index ?? 0) + label[0].length).replace(/^[\s|:.-]+/, "");
    const sameRow = cleanName(rest);
    if (sameRow) return withContinuation(sameRow, rows[row.index + 1]);
    if (rest.replace(/[^A-Za-z]/g, "").length === 0) {
      const next = rows[row.index + 1];
      const below = next ? cleanName(next.text) : null;
      if (below) return withContinuation(below, rows[row.index + 2]);
    }
  }
  return null;
}

/**
 * A long name in capitals wraps onto the next row ("ANNAPURNA CHIT" / "FUNDS"): that row joins it when it is more of
 * it.
 */
function withContinuation(name: string, next: Row | undefined): string {
  if (
    !next ||
    name !== name.toUpperCase() ||
    /@|\d{4}/.test(next.text.replace(/[\d,.]+$/, "")) ||
    next.text.includes(COLUMN_GAP.trim())
  )
    return name;
  const more = cleanName(next.text);
  if (!more || more !== more.toUpperCase() || more.split(" ").length > 4) return name;
  return `${name} ${more}`;
}
