// The rate's reasons and the projection's assumptions are codes with figures (chit-rate.ts, member-flows.ts); these
// put them into words in the reader's language, the same on the chit page, in the statement PDF and in the API.
import type { ProjectionNote } from "../domain/member-flows.ts";
import { formatINR } from "../domain/money.ts";
import type { T } from "./index.ts";

export type NoRateCode =
  | "nothing-paid-yet"
  | "not-enough-flows"
  | "only-receipts"
  | "only-paid"
  | "always-less"
  | "always-more"
  | "multiple-rates"
  | "no-single-rate";

const REASONS = {
  "nothing-paid-yet": "rate.nothingPaidYet",
  "not-enough-flows": "rate.notEnoughFlows",
  "only-receipts": "rate.onlyReceipts",
  "only-paid": "rate.onlyPaid",
  "always-less": "rate.alwaysLess",
  "always-more": "rate.alwaysMore",
  "no-single-rate": "rate.noSingleRate",
} as const;

/** 0.0757 -> "7.57%"; a rate that rounds to zero is "0.00%", without a sign. */
const pct = (r: number) => {
  const text = (r * 100).toFixed(2);
  return `${Number(text) === 0 ? text.replace("-", "") : text}%`;
};

/** Why there is no single rate, or null when there is one. */
export function rateReasonText(t: T, code: NoRateCode | null, rates: readonly number[]): string | null {
  if (code === null) return null;
  if (code === "multiple-rates") return t("rate.multipleRates", { rates: rates.map(pct).join(t("rate.and")) });
  return t(REASONS[code]);
}

/** One assumption of the projection. */
export function projectionNoteText(t: T, note: ProjectionNote): string {
  switch (note.code) {
    case "average":
      return t("rate.noteAverage", { amount: formatINR(note.amount), count: note.count });
    case "no-auction-yet":
      return t("rate.noteNoAuctionYet", { amount: formatINR(note.amount) });
    case "lowest":
      return t("rate.noteLowest", { amount: formatINR(note.amount) });
    case "last-auction":
      return t("rate.noteLastAuction");
    case "unpaid":
      return t("rate.noteUnpaid");
    case "prize":
      return t("rate.notePrize", { number: note.number, amount: formatINR(note.amount) });
    case "not-won":
      return t("rate.noteNotWon", { number: note.number, amount: formatINR(note.amount) });
    case "win":
      return t("bid.noteWin", { number: note.number, amount: formatINR(note.amount) });
  }
}
