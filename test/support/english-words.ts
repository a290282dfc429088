// Counts the English words left in a text: Latin-letter words outside placeholders, markup and the words every
// language keeps as they are (UPI, UTR, PDF, CSV, API, ICS, OTP, GST, the app's name, the names of messaging services,
// file formats, units and products named as they are sold (JPEG, MB, Google Calendar, Excel), and the YYYY-MM-DD
// pattern shown beside date fields; the rate measures XIRR, NPV, MIRR and SHA-256 fingerprints too). Identifiers are
// not words: addresses and UPI ids (name@bank), file paths, and settings' names such as SMTP_URL or
// any other name joined by underscores (a database's name such as chitfunds_test_3fbeb2).
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
  "gst",
  "json",
  "url",
  "utf",
  "jpeg",
  "png",
  "webp",
  "heic",
  "mb",
  "kb",
  "gb",
  "smtp",
  "sqlite",
  "mongodb",
  "atlas",
  "google",
  "apple",
  "windows",
  "excel",
  "gmt",
  "utc",
]);

export function englishWords(text: string): string[] {
  const plain = text
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/gi, " ")
    .replace(/\bhttps?:\/\/\S+/g, " ")
    .replace(/[\w.+-]+@[\w.-]+/g, " ")
    .replace(/(^|[\s(])\/[\w./-]+/g, " ")
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:=\S*)?/g, " ")
    .replace(/\b\w*_\w*/g, " ");
  const kept = (word: string) => word.split(/[-'’]/).every((part) => part === "" || KEPT_WORDS.has(part.toLowerCase()));
  return (plain.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? []).filter((w) => w.length > 1 && !kept(w));
}
