// Counts the English words left in a text: Latin-letter words outside placeholders, markup and the words every
// language keeps as they are (UPI, UTR, PDF, CSV, API, ICS, OTP, the app's name, the names of messaging services, and
// the YYYY-MM-DD pattern shown beside date fields; the rate measures XIRR, NPV, MIRR and SHA-256 fingerprints too).
export const KEPT_WORDS = new Set([
  "upi",
  "utr",
  "pdf",
  "csv",
  "api",
  "ics",
  "otp",
  "chitfunds",
  "ledger",
  "xirr",
  "npv",
  "mirr",
  "sha",
  "ntfy",
  "telegram",
  "twilio",
  "yyyy",
  "mm",
  "dd",
]);

export function englishWords(text: string): string[] {
  const plain = text
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/gi, " ")
    .replace(/\bhttps?:\/\/\S+/g, " ")
    .replace(/\S+@\S+\.\S+/g, " ");
  return (plain.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? []).filter((w) => w.length > 1 && !KEPT_WORDS.has(w.toLowerCase()));
}
