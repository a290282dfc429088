// What a UPI payment screenshot says, from the text OCR found on it: amount (paise), UPI reference, date, payee and
// the payee's UPI id; null for each field that cannot be read with confidence, never a guess.
import { type TextLine, toRows } from "./ocr-text.ts";
import { readAmount } from "./read-amount.ts";
import { readDate } from "./read-date.ts";
import { readPayee, readUpiId } from "./read-payee.ts";
import { readReference } from "./read-reference.ts";

export type ScreenshotFields = {
  amount: number | null;
  reference: string | null;
  paidOn: string | null;
  payee: string | null;
  upiId: string | null;
};

/**
 * `today` (the member's, YYYY-MM-DD) lets a date without a year be read, and drops a date after it (a misread); pure:
 * the same lines and day always give the same answer.
 */
export function readPaymentScreenshot(lines: TextLine[], today: string | null = null): ScreenshotFields {
  const rows = toRows(lines);
  const paidOn = readDate(rows, today);
  return {
    amount: readAmount(rows),
    reference: readReference(rows),
    paidOn: paidOn && today && paidOn > today ? null : paidOn,
    payee: readPayee(rows),
    upiId: readUpiId(rows),
  };
}

export type { TextLine } from "./ocr-text.ts";
