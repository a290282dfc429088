// The UPI reference (UTR/RRN, always 12 digits) on a payment screenshot, told apart from the app's own transaction or
// order ids, phone numbers and masked account digits by the label it sits beside or under.
import { digitsOf, type Row } from "./ocr-text.ts";

/**
 * Labels of the bank's reference: Google Pay's "UPI transaction ID", PhonePe's "UTR", Paytm's "UPI Ref No", banks' RRN.
 */
const BANK_REFERENCE = new RegExp(
  String.raw`\b(utr|rrn|upi\s*ref|upi\s*reference|upi\s*(transaction|txn|trans)\.?\s*(id|no|number)|` +
    String.raw`ref(erence)?\.?\s*(no|num|number|id)|bank\s*ref|imps|neft|reference)\b`,
);
/** Labels of numbers that are not the bank's reference: an app's own ids, orders, accounts, phones. */
const OTHER_NUMBER = new RegExp(
  String.raw`(\bgoogle\b|\bphonepe\b|\bpaytm\b|\bamazon\b|\bcred\b|\bwhatsapp\b|\bbhim\b|\border\b|\bwallet\b|` +
    String.raw`\bmerchant\b|\binvoice\b|\bbill\b|\bcustomer\b|\bcust\b|\bmobile\b|\bphone\b|\bcontact\b|\ba\/?c\b|` +
    String.raw`\baccount\b|\bcard\b|\bgst|\bifsc\b|\bcrn\b|\bapp\b|\bpayment id\b)`,
);
/** A label that names some transaction id without saying whose (BHIM and some banks call the UPI reference that). */
const SOME_TRANSACTION_ID = /\b(transaction|txn|trans)\.?\s*(id|no|number)\b/;

type Candidate = { digits: string; row: number; score: number };

/** Twelve digits standing alone, or in groups of 3, 4 or 6 the app spaced out ("5123 4567 8901"). */
function twelveDigitRuns(text: string): { digits: string; at: number }[] {
  const found: { digits: string; at: number }[] = [];
  const tokens = [...text.matchAll(/[0-9A-Za-z|]+/g)];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const at = token.index ?? 0;
    const before = text.slice(Math.max(0, at - 1), at);
    if (before === "+") continue; // +91 phone numbers
    const single = digitsOf(token[0]);
    if (single?.length === 12) {
      found.push({ digits: single, at });
      continue;
    }
    // spaced groups: join consecutive digit-only tokens of 3-6 digits that make exactly 12
    let joined = "";
    let j = i;
    while (j < tokens.length && /^\d{3,6}$/.test(tokens[j]![0]) && joined.length < 12) {
      const gap =
        j === i ? "" : text.slice((tokens[j - 1]!.index ?? 0) + tokens[j - 1]![0].length, tokens[j]!.index ?? 0);
      if (j > i && gap !== " ") break;
      joined += tokens[j]![0];
      j++;
    }
    const next = tokens[j];
    const endsClean =
      !next ||
      text.slice((tokens[j - 1]?.index ?? 0) + (tokens[j - 1]?.[0].length ?? 0), next.index ?? 0) !== " " ||
      !/^\d/.test(next[0]);
    if (j - i >= 2 && joined.length === 12 && endsClean) found.push({ digits: joined, at });
  }
  return found;
}

/** How the label beside (same row, before the number) or above (the two rows before) speaks of the number. */
function labelScore(rows: Row[], rowIndex: number, at: number): number {
  const row = rows[rowIndex]!;
  const sameRow = row.text.slice(0, at).toLowerCase();
  const candidates = [sameRow];
  // a row holding only the value: its label is the row above (or the one above that, when a value sits between)
  if (!/[a-z]{2,}/.test(sameRow)) {
    for (let i = 1; i <= 2; i++) {
      const above = rows[rowIndex - i]?.text.toLowerCase();
      if (above === undefined) break;
      candidates.push(above);
      if (/[a-z]{3,}/.test(above)) break;
    }
  }
  const label = candidates.filter((c) => /[a-z]{2,}/.test(c)).at(0) ?? "";
  if (!label) return 0;
  // A label may hold a previous value too ("UTR: 1234 | Order ID: ..."): only the words nearest the number count.
  const nearest = label.split("  |  ").at(-1) ?? label;
  if (OTHER_NUMBER.test(nearest) && !/\b(utr|rrn|upi\s*ref|bank\s*ref)/.test(nearest)) return -10;
  if (BANK_REFERENCE.test(nearest)) return 5;
  if (SOME_TRANSACTION_ID.test(nearest)) return 1;
  return 0;
}

/**
 * The 12-digit UPI reference, or null. A labelled reference wins; an unlabelled 12-digit number counts only when it is
 * the one such number on the screenshot; two different numbers with equally good labels give null (no guessing).
 */
export function readReference(rows: Row[]): string | null {
  const candidates: Candidate[] = [];
  for (const row of rows) {
    for (const run of twelveDigitRuns(row.text)) {
      candidates.push({ digits: run.digits, row: row.index, score: labelScore(rows, row.index, run.at) });
    }
  }
  const usable = candidates.filter((c) => c.score >= 0);
  if (usable.length === 0) return null;
  const best = Math.max(...usable.map((c) => c.score));
  const top = new Set(usable.filter((c) => c.score === best).map((c) => c.digits));
  if (top.size !== 1) return null;
  const [digits] = [...top];
  if (best === 0 && new Set(usable.map((c) => c.digits)).size > 1) return null;
  return digits ?? null;
}
