// Input schemas for chits, instalment records and payments: the same rules for form fields (strings) and the JSON API.
import { z } from "zod";
import { FREQUENCIES, parseDate } from "../domain/dates.ts";
import { type Paise, parseINR, rupeesToPaise } from "../domain/money.ts";
import { PAYMENT_METHODS } from "../ports/ledger.ts";

const AMOUNT_MESSAGE = "Enter an amount in rupees, e.g. 1,00,000 or 2500.50.";

/** Rupees as a JSON number (at most 2 decimals) or as typed ("₹1,00,000.50") -> integer paise. */
export const rupees = (label = "Amount", description = "") =>
  z
    .union([z.number(), z.string()], { message: `${label}: ${AMOUNT_MESSAGE}` })
    .transform((value, ctx): Paise => {
      const paise = typeof value === "number" ? rupeesToPaise(value) : parseINR(value);
      if (paise === null || paise < 0) {
        ctx.addIssue({ code: "custom", message: `${label}: ${AMOUNT_MESSAGE}` });
        return z.NEVER;
      }
      return paise;
    })
    .meta({ description: `${description ? `${description} ` : ""}Rupees: a number with at most 2 decimals, or text such as "1,00,000".` });

export const calendarDate = (label = "Date", description = "A calendar date, YYYY-MM-DD.") =>
  z
    .string({ message: `${label}: enter a date as YYYY-MM-DD.` })
    .transform((value, ctx) => {
      const date = parseDate(value.trim());
      if (!date) {
        ctx.addIssue({ code: "custom", message: `${label}: enter a real date as YYYY-MM-DD.` });
        return z.NEVER;
      }
      return date;
    })
    .meta({ format: "date", description });

const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const percent = (label: string, max: number) =>
  z.coerce
    .number({ message: `${label} must be a number.` })
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label} must be at most ${max}%.`);

/** Checkboxes send "on" or nothing; the API sends booleans. */
const flag = z.union([z.boolean(), z.enum(["on", "true", "false", "1", "0", ""])]).transform((v) => v === true || v === "on" || v === "true" || v === "1");

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters.`);

const about = (description: string) => ({ description });

export const chitFields = {
  name: text("Name", 100).min(1, "Give the chit a name, e.g. 'Shriram 5L group A12'.").meta(about("What the member calls the chit.")),
  organizer: text("Foreman", 100).meta(about("The foreman (company or person).")).default(""),
  ticketNo: text("Ticket number", 30).meta(about("The member's ticket number in the group.")).default(""),
  chitValue: rupees("Chit value", "C, the gross chit amount."),
  members: int("Number of members", 2, 1000).meta(about("N: tickets, which is also the number of instalments.")),
  startDate: calendarDate("Start date", "Its month is instalment 1's month."),
  dueDay: int("Due day", 1, 31).meta(about("Day of the month instalments fall due; 31 means the last day of shorter months.")),
  frequency: z.enum(FREQUENCIES, { message: "Choose monthly, quarterly or half-yearly." }).default("monthly"),
  commissionPercent: percent("Commission", 7).meta(about("Foreman's commission, % of the chit value.")).default(5),
  commissionMode: z
    .enum(["from-discount", "on-top"], { message: "Choose how the commission is paid." })
    .meta(about("from-discount: the commission comes out of the winning discount; on-top: each ticket pays S + F/N."))
    .default("from-discount"),
  bidIncludesCommission: flag.meta(about("false: the bid is quoted excluding the commission (winner gets C - bid - F).")).default(true),
  dividendSplit: z
    .enum(["all", "others"], { message: "Choose who shares the dividend." })
    .meta(about("Who shares an auction's dividend: all N tickets, or the N - 1 that did not win it."))
    .default("all"),
  dividendApplies: z
    .enum(["next", "same"], { message: "Choose which instalment the dividend lowers." })
    .meta(about("Which instalment the dividend lowers."))
    .default("next"),
  firstInstalment: z
    .enum(["foreman", "auction"], { message: "Choose who takes the first instalment." })
    .meta(about("The foreman takes instalment 1 without discount, or it is auctioned."))
    .default("foreman"),
  maxDiscountPercent: percent("Maximum discount", 100).meta(about("Ceiling on the bid, % of the chit value.")).default(40),
  taxOnCommissionPercent: percent("Tax on commission", 100).meta(about("GST on the commission, when it is taken from the prize.")).default(0),
  taxDeductedFromPrize: flag.default(false),
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
    discount: rupees("Discount", "The winning bid.").nullable().optional(),
    prizeAmount: rupees("Prize amount", "The prize paid; the discount follows from it. Give this or discount, not both.").nullable().optional(),
    payableOverride: rupees("Payable on the notice", "The payable on the foreman's notice.").nullable().optional(),
    wonByMe: flag.optional(),
    prizeReceived: rupees("Prize received", "Net prize received, when won.").nullable().optional(),
    prizeReceivedOn: calendarDate("Prize received on").nullable().optional(),
  })
  .refine((v) => !(v.discount != null && v.prizeAmount != null), { message: "Give either the discount or the prize amount, not both.", path: ["prizeAmount"] });
export type InstalmentInput = z.infer<typeof instalmentInput>;

export const paymentFields = {
  instalment: int("Instalment", 1, 1000).meta(about("Default: the oldest instalment not fully paid.")),
  amount: rupees("Amount", "Default: what is left to pay on that instalment.").refine((p) => p > 0, "Amount must be more than zero."),
  paidOn: calendarDate("Paid on", "Default: today in the member's time zone; never in the future."),
  method: z.enum(PAYMENT_METHODS, { message: "Choose UPI, cash, bank transfer, cheque or other." }).meta(about("Default: upi.")),
  reference: text("Reference", 100).meta(about("UPI or UTR number.")).default(""),
  notes: text("Notes", 1000).default(""),
};

export const paymentPatch = z.object(withoutDefaults(paymentFields)).partial();
export type PaymentPatch = z.infer<typeof paymentPatch>;
