// The OpenAPI 3.1 component schemas of /api/v1: the JSON the API reads and writes, money always in rupees.
import { PAYMENT_METHODS } from "../../ports/ledger.ts";
import { arrayOf, bool, date, instant, int, nullable, num, object, oneOfEnum, ref, type Schema, str } from "./openapi-types.ts";

/** Rupees out: a JSON number with at most 2 decimals. */
const rupees = (description = "Rupees, at most 2 decimals.") => num(description);
/** Rupees in: a number with at most 2 decimals, or text as typed ("1,00,000", "₹2,500.50"). */
const rupeesIn = (description: string): Schema => ({
  description: `${description} Rupees: a number with at most 2 decimals, or text such as "1,00,000".`,
  oneOf: [{ type: "number", minimum: 0 }, { type: "string" }],
});

const chitInputProperties: Record<string, Schema> = {
  name: str("What the member calls the chit.", { maxLength: 100 }),
  organizer: str("The foreman (company or person).", { maxLength: 100, default: "" }),
  ticketNo: str("The member's ticket number in the group.", { maxLength: 30, default: "" }),
  chitValue: rupeesIn("C, the gross chit amount."),
  members: int("N: tickets, which is also the number of instalments.", { minimum: 2, maximum: 1000 }),
  startDate: date("Its month is instalment 1's month."),
  dueDay: int("Day of the month instalments fall due; 31 means the last day of shorter months.", { minimum: 1, maximum: 31 }),
  frequency: oneOfEnum(["monthly", "quarterly", "half-yearly"], undefined, "monthly"),
  commissionPercent: { type: "number", minimum: 0, maximum: 7, default: 5, description: "Foreman's commission, % of the chit value." },
  commissionMode: oneOfEnum(
    ["from-discount", "on-top"],
    "from-discount: the commission comes out of the winning discount; on-top: each ticket pays S + F/N.",
    "from-discount",
  ),
  bidIncludesCommission: bool("false: the bid is quoted excluding the commission (winner gets C - bid - F).", { default: true }),
  dividendSplit: oneOfEnum(["all", "others"], "Who shares an auction's dividend: all N tickets, or the N - 1 that did not win it.", "all"),
  dividendApplies: oneOfEnum(["next", "same"], "Which instalment the dividend lowers.", "next"),
  firstInstalment: oneOfEnum(["foreman", "auction"], "The foreman takes instalment 1 without discount, or it is auctioned.", "foreman"),
  maxDiscountPercent: { type: "number", minimum: 0, maximum: 100, default: 40, description: "Ceiling on the bid, % of the chit value." },
  taxOnCommissionPercent: { type: "number", minimum: 0, maximum: 100, default: 0, description: "GST on the commission, when it is taken from the prize." },
  taxDeductedFromPrize: bool(undefined, { default: false }),
  notes: str(undefined, { maxLength: 2000, default: "" }),
};

function withoutDefaults(properties: Record<string, Schema>): Record<string, Schema> {
  return Object.fromEntries(Object.entries(properties).map(([k, { default: _, ...rest }]) => [k, rest]));
}

const instalmentRecord = object({
  number: int(),
  discount: nullable(rupees("The winning bid as quoted under this chit's convention.")),
  payableOverride: nullable(rupees("The payable printed on the foreman's notice; it beats the computed one.")),
  wonByMe: bool(),
  prizeReceived: nullable(rupees()),
  prizeReceivedOn: nullable(date()),
});

const dueItem = object({
  chitId: str(),
  chitName: str(),
  number: int(),
  dueDate: date(),
  payable: rupees(),
  balance: rupees(),
  status: ref("InstalmentStatus"),
  estimated: bool(),
});

const scheduleRow = object({
  number: int(),
  dueDate: date(),
  discount: nullable(rupees("This instalment's winning bid; null until recorded (0 on the foreman's instalment).")),
  dividend: nullable(rupees("Dividend per sharing ticket from this instalment's auction.")),
  dividendApplied: nullable(rupees("The dividend that lowers this instalment for the member; null when not known yet.")),
  payable: rupees("What the member's ticket pays for this instalment."),
  prize: nullable(rupees("What this auction's winner gets.")),
  commission: rupees(),
  paid: rupees(),
  balance: rupees(),
  status: ref("InstalmentStatus"),
  estimated: bool("true: the payable assumes no dividend because the auction it depends on is not recorded."),
  wonByMe: bool(),
  prizeReceived: nullable(rupees()),
  prizeReceivedOn: nullable(date()),
});

const rateView: Record<string, Schema> = {
  xirr: nullable(num("XIRR, a fraction a year (0.0757 = 7.57%); null when no single rate exists.")),
  reason: nullable(str("Why there is no xirr, in plain words; null when there is one.")),
  reasonCode: nullable(
    str("The same reason as a stable code; null when there is a rate.", {
      enum: ["not-enough-flows", "only-receipts", "only-paid", "always-less", "always-more", "multiple-rates", "no-single-rate"],
    }),
  ),
  rates: arrayOf(num("Every rate that fits (fractions a year); two when the payments have two rates.")),
  npv: rupees("Net present value at the benchmark rate."),
  mirr: nullable(num("Modified IRR at the benchmark rate, a fraction a year.")),
  netGain: rupees("Received minus paid."),
  benchmarkRate: num("A fraction a year."),
};

const receipt = object({
  id: str(),
  paymentId: str(),
  contentType: oneOfEnum(["image/jpeg", "application/pdf"], "Images are re-encoded as JPEG (EXIF and GPS removed)."),
  size: int("Bytes."),
  sha256: str("Of the file as uploaded; the same file on two payments is flagged."),
  width: nullable(int()),
  height: nullable(int()),
  originalName: str(),
  url: str(),
  thumbnailUrl: str(),
  createdAt: instant,
});

const paymentFields: Record<string, Schema> = {
  instalment: int("Default: the oldest instalment not fully paid.", { minimum: 1 }),
  amount: rupeesIn("Default: what is left to pay on that instalment."),
  paidOn: date("Default: today in the member's time zone; never in the future."),
  method: oneOfEnum(PAYMENT_METHODS, "Default: upi."),
  reference: str("UPI or UTR number.", { maxLength: 100 }),
  notes: str(undefined, { maxLength: 1000 }),
};

const payment = object({
  id: str(),
  chitId: str(),
  instalment: int(),
  amount: rupees(),
  paidOn: date(),
  method: oneOfEnum(PAYMENT_METHODS),
  reference: str(),
  notes: str(),
  receipts: arrayOf(ref("Receipt")),
  createdAt: instant,
  updatedAt: instant,
});

const warning = object({
  code: oneOfEnum(["duplicate-receipt", "duplicate-reference"]),
  message: str(),
  otherPaymentId: str(),
});

export const schemas: Record<string, Schema> = {
  ScreenshotUpload: object({ file: { type: "string", contentMediaType: "image/*", description: "The screenshot: JPEG, PNG, WebP or HEIC." } }),
  ScreenshotFields: object({
    amount: nullable(num("Rupees, at most 2 decimals.")),
    reference: nullable(str("The 12-digit UPI reference (UTR/RRN), digits only.")),
    paidOn: nullable(date("The payment's date, YYYY-MM-DD.")),
    payee: nullable(str("The payee's name as the screenshot writes it.")),
    upiId: nullable(str("The payee's UPI id, lower case (name@handle).")),
  }),
  Error: object({
    error: object(
      {
        code: str("Stable kebab-case reason, e.g. invalid-input, not-found, file-too-large, unsupported-file-type."),
        message: str("For people."),
        fields: { type: "object", additionalProperties: { type: "string" }, description: "Per-field messages, keyed by the field's name." },
      },
      ["code", "message"],
    ),
  }),
  ChitInput: object(chitInputProperties, ["name", "chitValue", "members", "startDate", "dueDay"]),
  // In a patch a missing field keeps its value, so no defaults are shown.
  ChitPatch: object({ ...withoutDefaults(chitInputProperties), status: oneOfEnum(["active", "closed"]) }, []),
  InstalmentRecord: instalmentRecord,
  Chit: object({
    id: str(),
    ...Object.fromEntries(
      Object.entries(withoutDefaults(chitInputProperties)).map(([k, v]) => [k, k === "chitValue" ? rupees("C, the gross chit amount.") : v]),
    ),
    status: oneOfEnum(["active", "closed"]),
    prized: bool("The member has recorded winning an instalment."),
    instalments: arrayOf(ref("InstalmentRecord")),
    createdAt: instant,
    updatedAt: instant,
  }),
  DueItem: dueItem,
  ChitProgress: object({
    paid: rupees(),
    totalPayable: rupees(),
    balance: rupees(),
    overdue: rupees(),
    paidInstalments: int(),
    next: nullable(ref("DueItem")),
  }),
  ChitList: object({ today: date(), chits: arrayOf({ allOf: [ref("Chit"), object({ summary: ref("ChitProgress") })] }) }),
  InstalmentInput: object(
    {
      discount: nullable(rupeesIn("The winning bid.")),
      prizeAmount: nullable(rupeesIn("The prize paid; the discount follows from it. Give this or discount, not both.")),
      payableOverride: nullable(rupeesIn("The payable on the foreman's notice.")),
      wonByMe: bool(),
      prizeReceived: nullable(rupeesIn("Net prize received, when won.")),
      prizeReceivedOn: nullable(date()),
    },
    [],
  ),
  InstalmentStatus: oneOfEnum(["paid", "part-paid", "due", "overdue", "upcoming"]),
  ScheduleRow: scheduleRow,
  InstalmentResult: { allOf: [object({ chitId: str() }), ref("ScheduleRow")] },
  Rate: object({
    ...rateView,
    projected: object({
      ...rateView,
      assumption: oneOfEnum(["no-more-dividends", "average-discount"]),
      notes: arrayOf(str("An assumption behind the projection, in plain words.")),
    }),
  }),
  Schedule: object({
    chitId: str(),
    today: date(),
    instalments: arrayOf(ref("ScheduleRow")),
    totals: object({
      payable: rupees(),
      paid: rupees(),
      balance: rupees(),
      dividends: rupees(),
      overdue: rupees(),
      prizes: rupees(),
      unallocated: rupees(),
      estimated: bool(),
    }),
    rate: ref("Rate"),
  }),
  PaymentInput: object(paymentFields, []),
  PaymentForm: object(
    {
      ...paymentFields,
      amount: str("Rupees as typed."),
      receipts: arrayOf({
        type: "string",
        contentMediaType: "application/octet-stream",
        description: "JPEG, PNG, WebP, HEIC or PDF; also accepted under `receipt` or `file`.",
      }),
    },
    [],
  ),
  Receipt: receipt,
  Payment: payment,
  PaymentRow: { allOf: [ref("Payment"), object({ chitName: str(), instalmentStatus: ref("InstalmentStatus") })] },
  PaymentWarning: warning,
  PaymentResult: object({ payment: ref("Payment"), warnings: arrayOf(ref("PaymentWarning")) }),
  ChitPayments: object({ chitId: str(), payments: arrayOf(ref("Payment")) }),
  PaymentPage: object({ payments: arrayOf(ref("PaymentRow")), total: int(), page: int(), perPage: int(), pages: int() }),
  Notification: object({
    id: str(),
    kind: oneOfEnum(["approval", "overdue", "duplicate-receipt", "duplicate-reference", "reminder"]),
    message: str(),
    link: nullable(str()),
    read: bool(),
    readAt: nullable(instant),
    createdAt: instant,
  }),
  NotificationList: object({ notifications: arrayOf(ref("Notification")), unread: int() }),
  Summary: object({
    today: date(),
    currency: str(undefined, { enum: ["INR"] }),
    totals: object({
      paid: rupees(),
      payable: rupees(),
      balance: rupees(),
      dueThisMonth: rupees(),
      overdue: rupees(),
      dividends: rupees(),
      prizesReceived: rupees(),
    }),
    upcoming: arrayOf(ref("DueItem")),
    overdue: arrayOf(ref("DueItem")),
    chits: arrayOf({ type: "object", description: "One card per chit: paid, totalPayable, balance, overdue (rupees), next due." }),
  }),
};
