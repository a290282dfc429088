// The date of the payment on a screenshot, as an ISO calendar date: "1 Dec 2026", "on 01 Dec 2026, 10:32 am",
// "December 1, 2026", "01/12/2026" and "01-12-26" (Indian day-first), "2026-12-01"; month names as OCR garbles them.
import { digitsOf, editDistance, type Row } from "./ocr-text.ts";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** The month a word names (1-12), allowing one slip of OCR ("Dee", "0ct", "Decernber"); null when unsure. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/0/g, "o").replace(/1/g, "l").replace(/\.$/, "");
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return null;
  const exact = MONTHS.findIndex(
    (m) => m === w || (w.length <= 4 && m.startsWith(w)) || (w === "sept" && m === "september"),
  );
  if (exact >= 0) return exact + 1;
  const near =
    w.length <= 4
      ? MONTHS.map((m, i) => ({
          i,
          d: editDistance(w.slice(0, 3), m.slice(0, 3)) + (w.length === 4 ? editDistance(w, m.slice(0, 4)) : 0),
        }))
      : MONTHS.map((m, i) => ({
          i,
          d: Math.min(editDistance(w, m), m.startsWith(w.slice(0, 3)) && w.length <= m.length + 1 ? 1 : 9),
        }));
  const limit = w.length <= 4 ? 1 : 2;
  const close = near.filter((n) => n.d <= limit);
  const bestDistance = Math.min(...close.map((n) => n.d));
  const best = close.filter((n) => n.d === bestDistance);
  return best.length === 1 ? best[0]!.i + 1 : null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * Digits OCR misread as letters inside number-like tokens ("2O26", "0l") put right, so the patterns below can match.
 */
function withDigitsFixed(text: string): string {
  return text.replace(/[0-9OoIl|SB]{2,4}/g, (token) => (/\d/.test(token) ? (digitsOf(token, 1) ?? token) : token));
}

type Found = { iso: string; at: number };

function datesIn(text: string, today: string | null): Found[] {
  const t = withDigitsFixed(text);
  const found: Found[] = [];
  const push = (iso: string | null, at: number) => {
    if (iso) found.push({ iso, at });
  };
  // 1 Dec 2026 / 01-Dec-26 / 1st December, 2026
  for (const m of t.matchAll(
    /(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?[\s.,-]*([A-Za-z0][A-Za-z0-9]{2,9})\.?[\s.,'-]*(\d{4}|\d{2})(?![\d:.])/g,
  )) {
    const month = monthNumber(m[2]!);
    if (month) push(isoDate(fullYear(m[3]!), month, Number(m[1])), m.index ?? 0);
  }
  // December 1, 2026 / Dec 01 2026
  for (const m of t.matchAll(/\b([A-Za-z0][A-Za-z0-9]{2,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})(?![\d:])/g)) {
    const month = monthNumber(m[1]!);
    if (month) push(isoDate(Number(m[3]), month, Number(m[2])), m.index ?? 0);
  }
  // 01/12/2026, 01-12-26, 01.12.2026 (day first, as India writes it)
  for (const m of t.matchAll(/(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/g)) {
    push(isoDate(fullYear(m[4]!), Number(m[3]), Number(m[1])), m.index ?? 0);
  }
  // 2026-12-01
  for (const m of t.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g))
    push(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), m.index ?? 0);
  // "01 Dec, 10:32 AM" without a year: the latest such day not after today, when today is known
  if (found.length === 0 && today) {
    for (const m of t.matchAll(
      /(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\b(?!\s*[,.]?\s*\d{2,4}\b(?!\s*[:.]))/g,
    )) {
      const month = monthNumber(m[2]!);
      if (!month) continue;
      const thisYear = Number(today.slice(0, 4));
      const iso = isoDate(thisYear, month, Number(m[1]));
      push(iso && iso > today ? isoDate(thisYear - 1, month, Number(m[1])) : iso, m.index ?? 0);
    }
  }
  return found;
}

const DATE_LABEL = /\b(date|paid on|on|dated|time|completed|successful|debited)\b/;

/**
 * The payment's date as YYYY-MM-DD, or null. A date beside a date label wins over the rest, then the topmost; two
 * different dates with nothing to choose between them give null. `today` (the member's) lets a day without a year be
 * read.
 */
export function readDate(rows: Row[], today: string | null = null): string | null {
  const scored: { iso: string; score: number; row: number }[] = [];
  for (const row of rows) {
    for (const f of datesIn(row.text, today)) {
      const before = row.text.slice(0, f.at).toLowerCase();
      const above = rows[row.index - 1]?.text.toLowerCase() ?? "";
      const labelled = DATE_LABEL.test(before) || (!/[a-z]{3,}/.test(before) && DATE_LABEL.test(above));
      scored.push({ iso: f.iso, score: labelled ? 1 : 0, row: row.index });
    }
  }
  if (scored.length === 0) return null;
  const distinct = new Set(scored.map((s) => s.iso));
  if (distinct.size === 1) return scored[0]!.iso;
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return top.length && new Set(top.map((s) => s.iso)).size === 1
    ? top[0]!.iso
    : (top.sort((a, b) => a.row - b.row)[0]?.iso ?? null);
}
