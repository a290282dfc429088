// Random but reproducible payment details for the made-up UPI screenshots, and the truth each screenshot must read as.

/** What a screenshot shows, in the forms a template needs. */
export type Sample = {
  id: string;
  amountPaise: number;
  reference: string;
  paidOn: string;
  time: { h: number; m: number; s: number };
  payee: string;
  payeeBankingName: string;
  upiId: string;
  /** The payee shown as a phone number instead of a UPI id, for some layouts. */
  payeePhone: string;
  payer: string;
  payerUpi: string;
  payerBank: string;
  accountLast4: string;
  appTxnId: string;
  orderId: string;
  note: string;
  /** Chosen at random for each sample; a template uses what it can show. */
  dateStyle: number;
  amountStyle: number;
  dark: boolean;
  font: string;
};

/** The fields /api/v1/receipts/read must return for a screenshot; payeeAliases are other spellings shown on it. */
export type Truth = {
  amount: number;
  reference: string;
  paidOn: string;
  payee: string;
  payeeAliases: string[];
  upiId: string | null;
};

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join("");
  return { next, int, pick, digits };
}

const PAYEES: [string, string, string][] = [
  ["Shriram Chits", "SHRIRAM CHITS PVT LTD", "shriramchits"],
  ["Margadarsi Chit Fund", "MARGADARSI CHIT FUND PRIVATE LIMITED", "margadarsi.chits"],
  ["Kapil Chits", "KAPIL CHITS (HYDERABAD) PVT LTD", "kapilchits"],
  ["Sri Lakshmi Chits", "SRI LAKSHMI CHITS", "srilakshmichits"],
  ["Ramesh Kumar", "RAMESH KUMAR", "ramesh.kumar"],
  ["Sree Gokulam Chits", "SREE GOKULAM CHITS AND FINANCE CO", "gokulamchits"],
  ["Annapurna Chit Funds", "ANNAPURNA CHIT FUNDS PVT LTD", "annapurnachitfunds"],
  ["Neeladri Chits", "NEELADRI CHITS PVT LTD", "neeladri"],
  ["Lakshmi Narayana", "LAKSHMI NARAYANA S", "lnarayana88"],
  ["Venkata Subba Rao", "VENKATA SUBBA RAO K", "vsrao"],
  ["Pulincha Chits", "PULINCHA CHITS PRIVATE LIMITED", "pulinchachits"],
  ["Mahalakshmi Chit Fund", "MAHALAKSHMI CHIT FUND", "mahalakshmi.cf"],
  ["Anitha Reddy", "ANITHA REDDY", "anitha.reddy"],
  ["Sai Balaji Chits", "SAI BALAJI CHITS", "saibalajichits"],
];
const PAYERS = [
  "Ravi Kumar",
  "Priya Sharma",
  "Suresh Babu",
  "Deepa Nair",
  "Arun Prakash",
  "Kavitha Rao",
  "Mohammed Irfan",
  "Geetha Krishnan",
];
const HANDLES = [
  "icici",
  "okicici",
  "okaxis",
  "okhdfcbank",
  "oksbi",
  "ybl",
  "ibl",
  "axl",
  "paytm",
  "upi",
  "hdfcbank",
  "sbi",
  "axisbank",
  "kotak",
];
const BANKS = [
  "State Bank of India",
  "HDFC Bank",
  "ICICI Bank",
  "Axis Bank",
  "Canara Bank",
  "Kotak Mahindra Bank",
  "Bank of Baroda",
  "Union Bank of India",
];
const NOTES = ["Chit Dec", "instalment", "chit payment", "Monthly chit", "", "", "ticket 7"];
export const FONTS = ["Roboto", "Noto Sans", "Open Sans", "Lato", "Inter", "DejaVu Sans", "Liberation Sans"];

/** Amounts from ₹100 to ₹1,00,000: round instalments, odd amounts, and some with paise. */
function amountPaise(r: ReturnType<typeof rng>): number {
  const kind = r.int(0, 5);
  if (kind === 0) return r.pick([100, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000]) * 100;
  if (kind === 1) return r.int(1, 99999) * 100 + r.int(1, 99);
  if (kind === 2) return r.int(100, 999) * 100;
  if (kind === 3) return r.int(10, 99) * 5000;
  return r.int(1000, 99999) * 100;
}

function isoDate(y: number, m: number, d: number) {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function makeSample(seed: number, id: string): Sample {
  const r = rng(seed);
  const [payee, banking, handle] = r.pick(PAYEES);
  const y = r.int(2024, 2027);
  const m = r.int(1, 12);
  const d = r.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  const payer = r.pick(PAYERS);
  const phone = `${r.pick(["9", "8", "7", "6"])}${r.digits(9)}`;
  const upiId = r.next() < 0.2 ? `${phone}@${r.pick(["ybl", "paytm", "axl", "ibl"])}` : `${handle}@${r.pick(HANDLES)}`;
  return {
    id,
    amountPaise: Math.min(amountPaise(r), 10000000),
    // UPI's RRN: last digit of the year, day of the year, then more digits (not relied upon by the reader).
    reference: `${r.int(1, 9)}${r.digits(11)}`,
    paidOn: isoDate(y, m, d),
    time: { h: r.int(0, 23), m: r.int(0, 59), s: r.int(0, 59) },
    payee,
    payeeBankingName: banking,
    upiId,
    payeePhone: phone,
    payer,
    payerUpi: `${payer.toLowerCase().replace(/ /g, ".")}${r.int(1, 99)}@${r.pick(HANDLES)}`,
    payerBank: r.pick(BANKS),
    accountLast4: r.digits(4),
    appTxnId: r.digits(20),
    orderId: r.digits(r.int(11, 20)),
    note: r.pick(NOTES),
    dateStyle: r.int(0, 9),
    amountStyle: r.int(0, 9),
    dark: r.next() < 0.4,
    font: r.pick(FONTS),
  };
}

// ---- formatting helpers the templates share ----

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function parts(iso: string) {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return {
    y,
    m,
    d,
    mon: MONTHS[m - 1]!.slice(0, 3),
    month: MONTHS[m - 1]!,
    dd: String(d).padStart(2, "0"),
    mm: String(m).padStart(2, "0"),
  };
}

export function clock12(t: Sample["time"], upper = false) {
  const h = t.h % 12 === 0 ? 12 : t.h % 12;
  const ap = t.h < 12 ? "am" : "pm";
  return `${h}:${String(t.m).padStart(2, "0")} ${upper ? ap.toUpperCase() : ap}`;
}

export const clock24 = (t: Sample["time"], seconds = false) =>
  `${String(t.h).padStart(2, "0")}:${String(t.m).padStart(2, "0")}${seconds ? `:${String(t.s).padStart(2, "0")}` : ""}`;

/** Indian grouping: 1,00,000 and 12,34,567.50. */
export function indian(paise: number, decimals: "always" | "when-paise" | "never" = "when-paise"): string {
  const rupees = Math.floor(paise / 100);
  const p = paise % 100;
  const s = String(rupees);
  const last3 = s.slice(-3);
  const rest = s.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",");
  const whole = rest ? `${rest},${last3}` : last3;
  if (decimals === "never") return whole;
  if (decimals === "always" || p > 0) return `${whole}.${String(p).padStart(2, "0")}`;
  return whole;
}

export function truthOf(s: Sample, upiShown = true): Truth {
  return {
    amount: s.amountPaise / 100,
    reference: s.reference,
    paidOn: s.paidOn,
    payee: s.payee,
    payeeAliases: [s.payeeBankingName],
    upiId: upiShown ? s.upiId : null,
  };
}
