// Input schemas for chits, instalment records and payments: the same rules for form fields (strings) and the JSON API.
import { z } from "zod";
import { FREQUENCIES, type Frequency, parseDate } from "../domain/dates.ts";
import { type Paise, parseINR, rupeesToPaise } from "../domain/money.ts";
import { PAYMENT_METHODS } from "../ports/ledger.ts";

const AMOUNT_MESSAGE = "Enter an amount in rupees, e.g. 1,00,000 or 2500.50.";

/** Rupees as a JSON number (at most 2 decimals) or as typed ("₹1,00,000.50") -> integer paise. */
export const rupees = (label = "Amount") =>
  z.union([z.number(), z.string()], { message: `${label}: ${AMOUNT_MESSAGE}` }).transform((value, ctx): Paise => {
    const paise = typeof value === "number" ? rupeesToPaise(value) : parseINR(value);
    if (paise === null || paise < 0) {
      ctx.addIssue({ code: "custom", message: `${label}: ${AMOUNT_MESSAGE}` });
      return z.NEVER;
    }
    return paise;
  });

export const calendarDate = (label = "Date") =>
  z.string({ message: `${label}: enter a date as YYYY-MM-DD.` }).transform((value, ctx) => {
    const date = parseDate(value.trim());
    if (!date) {
      ctx.addIssue({ code: "custom", message: `${label}: enter a real date as YYYY-MM-DD.` });
      return z.NEVER;
    }
    return date;
  });

const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

/** A whole number that may be left out (or left empty in a form): the default then follows from other fields. */
const optionalInt = (label: string, min: number, max: number) => z.preprocess((v) => (v === "" || v === null ? undefined : v), int(label, min, max).optional());

const percent = (label: string, max: number) =>
  z.coerce
    .number({ message: `${label} must be a number.` })
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label} must be at most ${max}%.`);

/** Checkboxes send "on" or nothing; the API sends booleans. */
const flag = z.union([z.boolean(), z.enum(["on", "true", "false", "1", "0", ""])]).transform((v) => v === true || v === "on" || v === "true" || v === "1");

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters.`);

export const chitFields = {
  name: text("Name", 100).min(1, "Give the chit a name, e.g. 'Shriram 5L group A12'."),
  organizer: text("Foreman", 100).default(""),
  ticketNo: text("Ticket number", 30).default(""),
  chitValue: rupees("Chit value"),
  members: int("Number of members", 2, 1000),
  instalments: optionalInt("Number of instalments", 1, 1000),
  prizesPerAuction: int("Prizes per auction", 1, 100).default(1),
  startDate: calendarDate("Start date"),
  dueDay: int("Due day", 1, 31),
  frequency: z
    .enum(FREQUENCIES as readonly Frequency[] as [Frequency, ...Frequency[]], {
      message: "Choose daily, weekly, fortnightly, monthly, quarterly or half-yearly.",
    })
    .default("monthly"),
  commissionPercent: percent("Commission", 7).default(5),
  commissionMode: z.enum(["from-discount", "on-top"], { message: "Choose how the commission is paid." }).default("from-discount"),
  bidIncludesCommission: flag.default(true),
  onTopOnForemanInstalment: flag.default(false),
  dividendSplit: z.enum(["all", "others"], { message: "Choose who shares the dividend." }).default("all"),
  dividendApplies: z.enum(["next", "same"], { message: "Choose which instalment the dividend lowers." }).default("next"),
  firstInstalment: z.enum(["foreman", "auction"], { message: "Choose who takes the first instalment." }).default("foreman"),
  maxDiscountPercent: percent("Maximum discount", 100).default(40),
  taxMode: z.enum(["none", "deducted-from-prize", "charged-to-members"], { message: "Choose how the tax on the commission is paid." }).optional(),
  /** Empty or null: the rate in force on each auction date. */
  taxOnCommissionPercent: z.preprocess((v) => (v === "" ? null : v), percent("Tax on commission", 100).nullable()).default(null),
  /** Older API clients: true means taxMode "deducted-from-prize" when taxMode is not given. */
  taxDeductedFromPrize: flag.optional(),
  rounding: z.enum(["paise", "rupee"], { message: "Choose paise or whole rupees." }).default("paise"),
  dividendRounding: z.enum(["nearest", "down", "up"], { message: "Choose nearest, down or up." }).default("nearest"),
  roundingRemainder: z.enum(["foreman", "next-auction"], { message: "Choose where the rounding remainder goes." }).default("foreman"),
  lateRule: z.enum(["none", "interest", "fixed-fee"], { message: "Choose none, interest or a fixed fee." }).default("none"),
  latePenaltyPercent: percent("Penalty interest", 100).default(0),
  lateFee: rupees("Late fee").default(0),
  lateForfeitsDividend: flag.default(false),
  notes: text("Notes", 2000).default(""),
};

/** A PATCH names only what changes: defaults must not fill in (and so overwrite) the fields it leaves out. */
function withoutDefaults<T extends z.ZodRawShape>(shape: T): T {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema])) as T;
}

export const chitInput = z.object(chitFields);
export type ChitInput = z.infer<typeof chitInput>;

export const chitPatch = z
  .object({ ...withoutDefaults(chitFields), status: z.enum(["active", "closed"], { message: "Status is active or closed." }) })
  .partial();
export type ChitPatch = z.infer<typeof chitPatch>;

export const instalmentInput = z
  .object({
    discount: rupees("Discount").nullable().optional(),
    /** Every prize's bid when the chit gives several prizes an auction (the member's own first). */
    discounts: z.array(rupees("Discount")).min(1, "Give at least one bid.").max(100, "At most 100 bids.").nullable().optional(),
    prizeAmount: rupees("Prize amount").nullable().optional(),
    payableOverride: rupees("Payable on the notice").nullable().optional(),
    wonByMe: flag.optional(),
    prizeReceived: rupees("Prize received").nullable().optional(),
    prizeReceivedOn: calendarDate("Prize received on").nullable().optional(),
  })
  .refine((v) => !(v.discount != null && v.prizeAmount != null), { message: "Give either the discount or the prize amount, not both.", path: ["prizeAmount"] })
  .refine((v) => !(v.discount != null && v.discounts != null), { message: "Give either discount or discounts, not both.", path: ["discounts"] });
export type InstalmentInput = z.infer<typeof instalmentInput>;

export const paymentFields = {
  instalment: int("Instalment", 1, 1000),
  amount: rupees("Amount").refine((p) => p > 0, "Amount must be more than zero."),
  paidOn: calendarDate("Paid on"),
  method: z
    .enum(PAYMENT_METHODS as [string, ...string[]], { message: "Choose UPI, cash, bank transfer, cheque or other." })
    .transform((m) => m as (typeof PAYMENT_METHODS)[number]),
  reference: text("Reference", 100).default(""),
  notes: text("Notes", 1000).default(""),
};

export const paymentPatch = z.object(withoutDefaults(paymentFields)).partial();
export type PaymentPatch = z.infer<typeof paymentPatch>;
