// Input schemas for chits, instalment records and payments: the same rules for form fields (strings) and the JSON API.
import { z } from "zod";
import { CHIT_LIMITS } from "../domain/chit-validation.ts";
import { FREQUENCIES, parseDate } from "../domain/dates.ts";
import { formatINR, type Paise, parseINR, rupeesToPaise } from "../domain/money.ts";
import { words, wordsMessage } from "../i18n/words.ts";
import { PAYMENT_METHODS } from "../ports/ledger.ts";

/** A field's name as Words (input.label.<code>), for messages that name it. */
export const fieldLabel = (code: string) => words(`input.label.${code}`);

/** Rupees as a JSON number (at most 2 decimals) or as typed ("₹1,00,000.50") -> integer paise. */
export const rupees = (label = "amount", description = "") =>
  z
    .union([z.number(), z.string()], { message: wordsMessage("input.amount", { label: fieldLabel(label) }) })
    .transform((value, ctx): Paise => {
      const paise = typeof value === "number" ? rupeesToPaise(value) : parseINR(value);
      if (paise === null || paise < 0) {
        ctx.addIssue({ code: "custom", message: wordsMessage("input.amount", { label: fieldLabel(label) }) });
        return z.NEVER;
      }
      if (paise > CHIT_LIMITS.maxChitValue) {
        ctx.addIssue({
          code: "custom",
          message: wordsMessage("input.amountMax", {
            label: fieldLabel(label),
            amount: formatINR(CHIT_LIMITS.maxChitValue),
          }),
        });
        return z.NEVER;
      }
      return paise;
    })
    .meta({
      description:
        `${description ? `${description} ` : ""}Rupees: a number with at most 2 decimals, or ` +
        `text such as "1,00,000"; at most ` +
        `${formatINR(CHIT_LIMITS.maxChitValue)}.`,
    });

export const calendarDate = (label = "date", description = "A calendar date, YYYY-MM-DD.") =>
  z
    .string({ message: wordsMessage("input.date", { label: fieldLabel(label) }) })
    .transform((value, ctx) => {
      const date = parseDate(value.trim());
      if (!date) {
        ctx.addIssue({ code: "custom", message: wordsMessage("input.realDate", { label: fieldLabel(label) }) });
        return z.NEVER;
      }
      if (date < CHIT_LIMITS.earliestDate || date > CHIT_LIMITS.latestDue) {
        ctx.addIssue({
          code: "custom",
          message: wordsMessage("input.dateRange", {
            label: fieldLabel(label),
            from: CHIT_LIMITS.earliestDate,
            to: CHIT_LIMITS.latestDue,
          }),
        });
        return z.NEVER;
      }
      return date;
    })
    .meta({
      format: "date",
      description: `${description} From ${CHIT_LIMITS.earliestDate} to ${CHIT_LIMITS.latestDue}.`,
    });

const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: wordsMessage("input.wholeNumber", { label: fieldLabel(label) }) })
    .int(wordsMessage("input.wholeNumber", { label: fieldLabel(label) }))
    .min(min, wordsMessage("input.atLeast", { label: fieldLabel(label), min }))
    .max(max, wordsMessage("input.atMost", { label: fieldLabel(label), max }));

/** A whole number that may be left out (or left empty in a form): the default then follows from other fields. */
const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), int(label, min, max).optional());

const percent = (label: string, max: number) =>
  z.coerce
    .number({ message: wordsMessage("input.number", { label: fieldLabel(label) }) })
    .min(0, wordsMessage("input.notNegative", { label: fieldLabel(label) }))
    .max(max, wordsMessage("input.atMostPercent", { label: fieldLabel(label), max }));

/** Checkboxes send "on" or nothing; the API sends booleans. */
const flag = z
  .union([z.boolean(), z.enum(["on", "true", "false", "1", "0", ""])])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, wordsMessage("input.tooLong", { label: fieldLabel(label), max }));

const about = (description: string) => ({ description });

/**
 * A UPI id (virtual payment address): a handle of letters, digits, dots, dashes or underscores, "@", the bank's handle.
 */
const UPI_ID = /^[a-z0-9][a-z0-9._-]{1,255}@[a-z][a-z0-9.-]{1,63}$/;
export const MAX_UPI_IDS = 5;

/** The UPI ids a chit is paid to: a list in the API, typed on the form separated by commas, spaces or new lines. */
const upiIds = z
  .union([z.string().max(1500), z.array(z.string().max(300)).max(50)], {
    message: wordsMessage("input.upiIds", { max: MAX_UPI_IDS }),
  })
  .transform((value, ctx): string[] => {
    const typed = (typeof value === "string" ? value.split(/[\s,;]+/) : value)
      .map((id) => id.trim().toLowerCase())
      .filter(Boolean);
    const wrong = typed.find((id) => !UPI_ID.test(id));
    if (wrong !== undefined) {
      ctx.addIssue({ code: "custom", message: wordsMessage("input.upiId", { value: wrong.slice(0, 60) }) });
      return z.NEVER;
    }
    const ids = [...new Set(typed)];
    if (ids.length > MAX_UPI_IDS) {
      ctx.addIssue({ code: "custom", message: wordsMessage("input.upiIds", { max: MAX_UPI_IDS }) });
      return z.NEVER;
    }
    return ids;
  });

export const chitFields = {
  name: text("name", 100).min(1, wordsMessage("input.chitName")).meta(about("What the member calls the chit.")),
  organizer: text("foreman", 100).meta(about("The foreman (company or person).")).default(""),
  ticketNo: text("ticketNumber", 30).meta(about("The member's ticket number in the group.")).default(""),
  upiIds: upiIds
    .meta(
      about(
        `UPI ids (name@bank) the member pays this chit to, at most ${MAX_UPI_IDS}; stored in ` +
          "lower case. A payment screenshot shared to the app whose payee is one of them is " +
          "matched to this chit.",
      ),
    )
    .default([]),
  chitValue: rupees("chitValue", "C, the gross chit amount (each prize's pot)."),
  members: int("numberOfMembers", 2, 1000).meta(about("Tickets in the group: instalments x prizesPerAuction.")),
  instalments: optionalInt("numberOfInstalments", 1, 1000).meta(
    about("Auctions, and so instalments. Default: members / prizesPerAuction (so members when one prize an auction)."),
  ),
  prizesPerAuction: int("prizesPerAuction", 1, 100)
    .meta(about("Prizes given out at each auction (KSFE multi-division chitties; the AP Act's two a month)."))
    .default(1),
  startDate: calendarDate("startDate", "Instalment 1's date (for month-based frequencies, its month)."),
  dueDay: int("dueDay", 1, 31).meta(
    about(
      "Day of the month instalments fall due; 31 means the last day of shorter months. " +
        "Unused by daily, weekly and fortnightly chits.",
    ),
  ),
  frequency: z
    .enum(FREQUENCIES, { message: wordsMessage("input.frequency") })
    .meta(
      about(
        "daily, weekly and fortnightly chits fall due every 1, 7 or 14 days from startDate; " +
          "month-based ones on dueDay.",
      ),
    )
    .default("monthly"),
  commissionPercent: percent("commission", 7).meta(about("Foreman's commission, % of the chit value.")).default(5),
  commissionMode: z
    .enum(["from-discount", "on-top"], { message: wordsMessage("input.commissionMode") })
    .meta(about("from-discount: the commission comes out of the winning discount; on-top: each ticket pays S + F/N."))
    .default("from-discount"),
  bidIncludesCommission: flag
    .meta(about("false: the bid is quoted excluding the commission (winner gets C - bid - F)."))
    .default(true),
  onTopOnForemanInstalment: flag
    .meta(
      about(
        "With on-top commission: it is collected on the foreman's instalment 1 too (Nagashiva: 5,300 every month).",
      ),
    )
    .default(false),
  dividendSplit: z
    .enum(["all", "others"], { message: wordsMessage("input.dividendSplit") })
    .meta(about("Who shares an auction's dividend: all tickets, or those that did not win that auction."))
    .default("all"),
  dividendApplies: z
    .enum(["next", "same"], { message: wordsMessage("input.dividendApplies") })
    .meta(about("Which instalment the dividend lowers."))
    .default("next"),
  firstInstalment: z
    .enum(["foreman", "auction"], { message: wordsMessage("input.firstInstalment") })
    .meta(about("The foreman takes instalment 1 without discount, or it is auctioned."))
    .default("foreman"),
  maxDiscountPercent: percent("maximumDiscount", 100)
    .meta(about("Ceiling on the bid, % of the chit value."))
    .default(40),
  taxMode: z
    .enum(["none", "deducted-from-prize", "charged-to-members"], { message: wordsMessage("input.taxMode") })
    .meta(
      about(
        "Tax on the commission: none, taken from the winner's prize, or charged to every " +
          "ticket with the instalment (tax / members each). Default: none, or " +
          "deducted-from-prize when taxDeductedFromPrize is true.",
      ),
    )
    .optional(),
  taxOnCommissionPercent: z
    .preprocess((v) => (v === "" ? null : v), percent("taxOnCommission", 100).nullable())
    .meta(
      about(
        "The chit's own rate; null or empty: the rate in force on each auction date (GST 18% " +
          "from 18 Jul 2022, 12% from 1 Jul 2017; service tax before).",
      ),
    )
    .default(null),
  taxDeductedFromPrize: flag
    .meta(about("Older name: true means taxMode deducted-from-prize (used only when taxMode is not given)."))
    .optional(),
  rounding: z
    .enum(["paise", "rupee"], { message: wordsMessage("input.rounding") })
    .meta(
      about(
        "Figures to the paisa, or in whole rupees as the foreman announces them (subscription, dividend, tax, prize).",
      ),
    )
    .default("paise"),
  dividendRounding: z
    .enum(["nearest", "down", "up"], { message: wordsMessage("input.dividendRounding") })
    .meta(about("How the dividend per ticket is brought to the unit (nearest: half away from zero)."))
    .default("nearest"),
  roundingRemainder: z
    .enum(["foreman", "next-auction"], { message: wordsMessage("input.roundingRemainder") })
    .meta(
      about(
        "Where the part of a dividend pool left undivided by rounding goes: kept by the " +
          "foreman, or added to the next auction's pool.",
      ),
    )
    .default("foreman"),
  lateRule: z
    .enum(["none", "interest", "fixed-fee"], { message: wordsMessage("input.lateRule") })
    .meta(
      about(
        "What paying late costs: nothing, simple interest a year on the overdue amount, or a " +
          "fixed fee per late instalment.",
      ),
    )
    .default("none"),
  latePenaltyPercent: percent("penaltyInterest", 100)
    .meta(about("Penalty interest, % a year, when lateRule is interest."))
    .default(0),
  lateFee: rupees("lateFee", "Fee per late instalment, when lateRule is fixed-fee.").default(0),
  lateForfeitsDividend: flag
    .meta(about("An instalment not paid in full by its due date loses the dividend that lowered it."))
    .default(false),
  notes: text("notes", 2000).default(""),
};

/** A PATCH names only what changes: defaults must not fill in (and so overwrite) the fields it leaves out. */
function withoutDefaults<T extends z.ZodRawShape>(shape: T): T {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema]),
  ) as T;
}

export const chitInput = z.object(chitFields);
export type ChitInput = z.infer<typeof chitInput>;

export const chitPatch = z
  .object({
    ...withoutDefaults(chitFields),
    status: z.enum(["active", "closed"], { message: wordsMessage("input.status") }),
  })
  .partial();

export const instalmentInput = z
  .object({
    discount: rupees("discount", "The winning bid (your own first when you won this auction).").nullable().optional(),
    discounts: z
      .array(rupees("discount"))
      .min(1, wordsMessage("input.atLeastOneBid"))
      .max(100, wordsMessage("input.atMostBids"))
      .meta(
        about(
          "One bid per prize when the chit gives several prizes an auction (your own first); " +
            "missing ones are taken as the first.",
        ),
      )
      .nullable()
      .optional(),
    prizeAmount: rupees("prizeAmount", "The prize paid; the discount follows from it. Give this or discount, not both.")
      .nullable()
      .optional(),
    payableOverride: rupees("payableOnTheNotice", "The payable on the foreman's notice.").nullable().optional(),
    wonByMe: flag.optional(),
    prizeReceived: rupees("prizeReceived", "Net prize received, when won.").nullable().optional(),
    prizeReceivedOn: calendarDate("prizeReceivedOn").nullable().optional(),
  })
  .refine((v) => !(v.discount != null && v.prizeAmount != null), {
    message: wordsMessage("input.discountOrPrize"),
    path: ["prizeAmount"],
  })
  .refine((v) => !(v.discount != null && v.discounts != null), {
    message: wordsMessage("input.discountOrDiscounts"),
    path: ["discounts"],
  });

export const paymentFields = {
  instalment: int("instalment", 1, 1000).meta(about("Default: the oldest instalment not fully paid.")),
  amount: rupees("amount", "Default: what is left to pay on that instalment.").refine(
    (p) => p > 0,
    wordsMessage("errors.amountPositive"),
  ),
  paidOn: calendarDate("paidOn", "Default: today in the member's time zone; never in the future."),
  method: z.enum(PAYMENT_METHODS, { message: wordsMessage("input.method") }).meta(about("Default: upi.")),
  reference: text("reference", 100).meta(about("UPI or UTR number.")).default(""),
  notes: text("notes", 1000).default(""),
};

export const paymentPatch = z.object(withoutDefaults(paymentFields)).partial();
