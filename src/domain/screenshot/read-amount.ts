// The amount paid on a payment screenshot, in paise: the largest text in rupees, in Indian grouping (1,00,000.50) or
// not, even when OCR reads the rupee sign as "%", "X", "Z", "2", "¥" or drops it; dates, times, battery percentages,
// phone numbers, ids and masked account digits are not amounts.
import type { Row } from "./ocr-text.ts";

/** At most ₹10 crore: anything larger on a UPI screenshot is an id, not an amount. */
const MAX_PAISE = 10_000_000_00;

const AMOUNT_LABEL = /\b(amount|amt|paid|debited|total|sent|transferred|payment of|you paid|money sent)\b/;
const NOT_THE_PAYMENT =
  /\b(balance|bal|cashback|reward|rewards|fee|fees|charge|charges|limit|points|offer|coins|discount|gst|tax)\b/;
const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
/** Masks before account digits: "XXXX1234", "•••• 1234", "A/c XX1234", "ending 1234". */
const MASK_BEFORE =
  /(x{2,}|\*{2,}|•{2,}|\.{3,}|\ba\/?c\b\.?|\baccount\b|\bbank\b|\bending( in)?|\bno\b\.?|\bid\b)[\s:.#-]*$/i;

/** A number as amounts are written: 1,00,000 / 100,000 / 4750, with optional paise. */
const NUMBER = /\d(?:[\d,]|\.(?=\d))*/y;
/** What may stand for the rupee sign: the sign itself, Rs or INR, or a symbol/letter OCR turns it into. */
const EXPLICIT = /(₹|rs\.?|inr)\s?$/i;
const LOOKALIKE = /(^|[\s(:])([%XxZzR¥F=<«£€$])\s?$/;

type Candidate = { paise: number; score: number; row: number };

/** Indian grouping (4,750 / 1,00,000) or none at all; western 100,000 is accepted apart (banks' statements use it). */
const indianGrouping = (whole: string) => /^\d+$/.test(whole) || /^\d{1,2}(,\d{2})*,\d{3}$/.test(whole);
const westernGrouping = (whole: string) => /^\d{1,3}(,\d{3})+$/.test(whole);

function toPaise(num: string): number | null {
  const [whole = "", fraction = ""] = num.split(".");
  if (!indianGrouping(whole) && !westernGrouping(whole)) return null;
  const rupees = Number(whole.replace(/,/g, ""));
  const paise = fraction ? Number(fraction.padEnd(2, "0")) : 0;
  const total = rupees * 100 + paise;
  return Number.isSafeInteger(total) && total > 0 && total <= MAX_PAISE ? total : null;
}

/** OCR reads a grouping comma as a dot now and then: "94.027" and "1.00.000" are thousands, not paise. */
const commasForThousandDots = (num: string) =>
  /^\d{1,3}(\.\d{2,3})*\.\d{3}(\.\d{2})?$/.test(num) ? num.replace(/\.(?=\d{2,3}(\.|$))(?!\d{2}$)/g, ",") : num;

/**
 * The readings of a number whose rupee sign OCR may have turned into a leading "2" or "3" ("₹61,728" -> "361,728",
 * "₹865.00" -> "3865.00"): without that digit when only that reading is grouped as India writes amounts (apps group
 * thousands always), and as a weaker second reading when both are.
 */
function readings(num: string): { num: string; bonus: number; sign: boolean }[] {
  const asRead = { num, bonus: 0, sign: false };
  if (!/^[23]\d/.test(num)) return [asRead];
  const rest = num.slice(1);
  const whole = num.split(".")[0]!;
  const restWhole = rest.split(".")[0]!;
  const groupedRight = (w: string) => (w.includes(",") ? indianGrouping(w) : w.length <= 3);
  if (groupedRight(restWhole) && !groupedRight(whole))
    return [
      { num: rest, bonus: 3, sign: true },
      { ...asRead, bonus: -3 },
    ];
  if (groupedRight(restWhole) && groupedRight(whole)) return [asRead, { num: rest, bonus: -4, sign: true }];
  return [asRead];
}

/** Numbers in the text that are not part of a date, a time, a percentage, an id or a masked account. */
function numbersIn(text: string) {
  const out: { num: string; at: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\d/.test(text[i]!) || (i > 0 && /[\d,.]/.test(text[i - 1]!))) continue;
    // a letter before the digits makes an id ("T2412...", "XX1234"), unless it stands alone as a misread rupee sign
    if (
      i > 0 &&
      /[A-Za-z]/.test(text[i - 1]!) &&
      !(/[XxZzRF]/.test(text[i - 1]!) && (i < 2 || /[\s(:]/.test(text[i - 2]!)))
    )
      continue;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) continue;
    let num = commasForThousandDots(m[0].replace(/[,.]$/, ""));
    if (!/^[\d,]+(\.\d{1,2})?$/.test(num)) {
      i += m[0].length;
      continue;
    }
    let end = i + num.length;
    // small paise drawn apart ("₹3,600 .50")
    const apart = /^ \.(\d{2})\b/.exec(text.slice(end));
    if (apart && !num.includes(".")) {
      num += `.${apart[1]}`;
      end += apart[0].length;
    }
    i = end;
    const after = text.slice(end, end + 3);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/^[A-Za-z]/.test(after) && !/^(\s|\/|-|$)/.test(after)) continue; // "12ab" is an id
    if (/^\s?%/.test(after) || /^[:/-]\d/.test(after) || /[:/-]$/.test(before)) continue; // 35%, 10:32, 01/12, 2026-12
    if (MASK_BEFORE.test(before.replace(/[₹]\s?$/, ""))) continue;
    out.push({ num, at: m.index, end });
  }
  return out;
}

function candidatesIn(row: Row, rows: Row[]): Candidate[] {
  const text = row.text;
  const found: Candidate[] = [];
  const lower = text.toLowerCase();
  const above = rows[row.index - 1]?.text.toLowerCase() ?? "";
  const hasDate = MONTH_WORD.test(text) || /\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/.test(text);
  for (const { num, at, end } of numbersIn(text)) {
    const prefix = text.slice(0, at);
    // the sign before the number, or in its label ("Amount (₹)", also misread as "Amount (3)"; "Amount in INR")
    const explicit =
      EXPLICIT.test(prefix) || /(amount|amt)\s*(\(\s*(₹|rs\.?|inr|[23%XZ¥F])\s*\)|in (₹|rs\.?|inr))/i.test(prefix);
    const lookalike = !explicit && LOOKALIKE.test(prefix);
    const digits = num.replace(/[,.]/g, "");
    // dates and years next to month names, long plain numbers (phones, ids)
    if (hasDate && !explicit && !num.includes(",")) continue;
    if (!explicit && !lookalike && !num.includes(",") && digits.length >= 7) continue;
    // only the large amount line is where a rupee sign turns into a digit; elsewhere a number is what it reads
    const plain = explicit || lookalike || row.relativeSize < 1.3;
    for (const reading of plain ? [{ num, bonus: 0, sign: false }] : readings(num)) {
      const paise = toPaise(reading.num);
      if (paise === null) continue;
      let score = reading.bonus;
      if (explicit) score += 5;
      else if (lookalike || reading.sign) score += 3;
      const whole = reading.num.split(".")[0]!;
      if (whole.includes(",")) score += indianGrouping(whole) ? 2 : 1;
      if (/\.\d{2}$/.test(reading.num)) score += 1;
      if (row.relativeSize >= 1.8) score += 5;
      else if (row.relativeSize >= 1.35) score += 3;
      else if (row.relativeSize >= 1.15) score += 1;
      const label = `${prefix.toLowerCase()} ${/[a-z]/.test(prefix.toLowerCase()) ? "" : above}`;
      if (AMOUNT_LABEL.test(label)) score += 2;
      if (NOT_THE_PAYMENT.test(lower.slice(0, at)) || NOT_THE_PAYMENT.test(prefix ? "" : above)) score -= 6;
      const rest = `${text
        .slice(0, at)
        .replace(EXPLICIT, "")
        .replace(/[%XxZzR¥F=<«£€$]\s?$/, "")}${text.slice(end)}`;
      if (!/[A-Za-z0-9]/.test(rest)) score += 1;
      found.push({ paise, score, row: row.index });
    }
  }
  return found;
}

/** The amount paid in paise, or null when nothing on the screenshot reads as one with enough evidence. */
export function readAmount(rows: Row[]): number | null {
  const candidates = rows.flatMap((row) => candidatesIn(row, rows));
  for (const c of candidates) {
    const agreeing = candidates.filter((o) => o !== c && o.paise === c.paise && o.row !== c.row).length;
    c.score += Math.min(2, agreeing);
  }
  // enough evidence: a strong score, or the one amount-like number on the screen, grouped as money is
  const likely = new Set(candidates.filter((c) => c.score >= 2).map((c) => c.paise));
  const usable = candidates.filter((c) => c.score >= 5 || (c.score >= 4 && likely.size === 1));
  if (usable.length === 0) return null;
  const best = Math.max(...usable.map((c) => c.score));
  const top = new Set(usable.filter((c) => c.score === best).map((c) => c.paise));
  return top.size === 1 ? ([...top][0] ?? null) : null;
}
