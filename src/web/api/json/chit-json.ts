// Chits and the chit list as the API sends them (money in rupees), each shape a zod schema that the presenter below it
// is typed by and that the OpenAPI document is generated from. The schedule and rate: schedule-json.ts; bid advice:
// bid-advice-json.ts.
import { z } from "zod";
import type { ChitList } from "../../../app/list-chits.ts";
import type { InstalmentRecord } from "../../../domain/chit.ts";
import { FREQUENCIES } from "../../../domain/dates.ts";
import type { ChitCard, DueItem } from "../../../domain/summary.ts";
import type { Chit } from "../../../ports/ledger.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { count, day, instant, maybeRupees, rupees, rupeesOut } from "./common.ts";

export const instalmentStatus = responseSchema(
  "InstalmentStatus",
  z.enum(["paid", "part-paid", "due", "overdue", "upcoming"]),
);

const instalmentRecordSchema = responseSchema(
  "InstalmentRecord",
  z.object({
    number: z.number().int(),
    discount: rupeesOut(
      "The winning bid as quoted under this chit's convention (the member's own when they won it).",
    ).nullable(),
    discounts: z
      .array(rupeesOut())
      .nullable()
      .meta({ description: "Every prize's bid at this auction, the first being `discount`." }),
    payableOverride: rupeesOut("The payable printed on the foreman's notice; it beats the computed one.").nullable(),
    wonByMe: z.boolean(),
    prizeReceived: rupeesOut().nullable(),
    prizeReceivedOn: day().nullable(),
  }),
);

export const chitSchema = responseSchema(
  "Chit",
  z.object({
    id: z.string(),
    name: z.string().meta({ description: "What the member calls the chit." }),
    organizer: z.string().meta({ description: "The foreman (company or person)." }),
    ticketNo: z.string().meta({ description: "The member's ticket number in the group." }),
    upiIds: z.array(z.string()).meta({
      description:
        "UPI ids (name@bank, lower case) the member pays this chit to; a shared payment " +
        "screenshot paid to one of them is matched to this chit.",
    }),
    chitValue: rupeesOut("C, the gross chit amount."),
    members: z.number().int().meta({ description: "Tickets in the group: instalments x prizesPerAuction." }),
    instalments: z.number().int().meta({
      description: "The chit's number of instalments (auctions); what was recorded per instalment is `records`.",
    }),
    prizesPerAuction: z.number().int().meta({ description: "Prizes given out at each auction." }),
    startDate: day("Instalment 1's date (for month-based frequencies, its month)."),
    dueDay: z
      .number()
      .int()
      .meta({ description: "Day of the month instalments fall due; unused by daily, weekly and fortnightly chits." }),
    frequency: z.enum(FREQUENCIES),
    commissionPercent: z.number().meta({ description: "Foreman's commission, % of the chit value." }),
    commissionMode: z.enum(["from-discount", "on-top"]),
    bidIncludesCommission: z.boolean(),
    onTopOnForemanInstalment: z.boolean(),
    dividendSplit: z.enum(["all", "others"]),
    dividendApplies: z.enum(["next", "same"]),
    firstInstalment: z.enum(["foreman", "auction"]),
    maxDiscountPercent: z.number(),
    taxMode: z.enum(["none", "deducted-from-prize", "charged-to-members"]),
    taxOnCommissionPercent: z
      .number()
      .nullable()
      .meta({ description: "The chit's own rate; null: the rate in force on each auction date." }),
    taxDeductedFromPrize: z.boolean().meta({ description: "Older name: taxMode is deducted-from-prize." }),
    rounding: z.enum(["paise", "rupee"]),
    dividendRounding: z.enum(["nearest", "down", "up"]),
    roundingRemainder: z.enum(["foreman", "next-auction"]),
    lateRule: z.enum(["none", "interest", "fixed-fee"]),
    latePenaltyPercent: z.number(),
    lateFee: rupeesOut(),
    lateForfeitsDividend: z.boolean(),
    notes: z.string(),
    status: z.enum(["active", "closed"]),
    prized: z.boolean().meta({ description: "The member has recorded winning an instalment." }),
    records: z
      .array(instalmentRecordSchema)
      .meta({ description: "What the member recorded per instalment (bids, notice payables, the prize won)." }),
    createdAt: instant(),
    updatedAt: instant(),
  }),
);
export type ChitJson = z.infer<typeof chitSchema>;

export function instalmentRecordJson(r: InstalmentRecord): z.infer<typeof instalmentRecordSchema> {
  return {
    number: r.number,
    discount: maybeRupees(r.discount),
    discounts: r.discount === undefined ? null : [r.discount, ...(r.otherDiscounts ?? [])].map(rupees),
    payableOverride: maybeRupees(r.payableOverride),
    wonByMe: r.wonByMe === true,
    prizeReceived: maybeRupees(r.prizeReceived),
    prizeReceivedOn: r.prizeReceivedOn ?? null,
  };
}

export function chitJson(chit: Chit): ChitJson {
  const t = chit.terms;
  return {
    id: chit.id,
    name: chit.name,
    organizer: chit.organizer,
    ticketNo: chit.ticketNo,
    upiIds: chit.upiIds,
    chitValue: rupees(t.chitValue),
    members: t.members,
    instalments: t.instalments,
    prizesPerAuction: t.prizesPerAuction,
    startDate: t.startDate,
    dueDay: t.dueDay,
    frequency: t.frequency,
    commissionPercent: t.commissionPercent,
    commissionMode: t.commissionMode,
    bidIncludesCommission: t.bidIncludesCommission,
    onTopOnForemanInstalment: t.onTopOnForemanInstalment,
    dividendSplit: t.dividendSplit,
    dividendApplies: t.dividendApplies,
    firstInstalment: t.firstInstalment,
    maxDiscountPercent: t.maxDiscountPercent,
    taxMode: t.taxMode,
    taxOnCommissionPercent: t.taxOnCommissionPercent,
    taxDeductedFromPrize: t.taxMode === "deducted-from-prize",
    rounding: t.rounding,
    dividendRounding: t.dividendRounding,
    roundingRemainder: t.roundingRemainder,
    lateRule: t.lateRule,
    latePenaltyPercent: t.latePenaltyPercent,
    lateFee: rupees(t.lateFee),
    lateForfeitsDividend: t.lateForfeitsDividend,
    notes: chit.notes,
    status: chit.status,
    prized: chit.instalments.some((r) => r.wonByMe === true),
    // `instalments` is the chit's number of instalments (issue 15's name); what was recorded per instalment is
    // `records`
    records: chit.instalments.map(instalmentRecordJson),
    createdAt: chit.createdAt.toISOString(),
    updatedAt: chit.updatedAt.toISOString(),
  };
}

export const dueItemSchema = responseSchema(
  "DueItem",
  z.object({
    chitId: z.string(),
    chitName: z.string(),
    number: z.number().int(),
    dueDate: day(),
    payable: rupeesOut(),
    balance: rupeesOut(),
    status: instalmentStatus,
    estimated: z.boolean(),
  }),
);

export function dueJson(d: DueItem): z.infer<typeof dueItemSchema> {
  return { ...d, payable: rupees(d.payable), balance: rupees(d.balance) };
}

export const chitProgressSchema = responseSchema(
  "ChitProgress",
  z.object({
    paid: rupeesOut(),
    totalPayable: rupeesOut(),
    balance: rupeesOut(),
    overdue: rupeesOut(),
    paidInstalments: count(),
    next: dueItemSchema.nullable(),
    problem: z.string().nullable().meta({
      description: "Why this chit has no schedule (its stored terms are outside what a chit can be; edit it), or null.",
    }),
  }),
);

/** The small per-chit summary in GET /chits: progress against the total payable (not the chit value). */
export function chitProgressJson(card: ChitCard): z.infer<typeof chitProgressSchema> {
  return {
    paid: rupees(card.paid),
    totalPayable: rupees(card.totalPayable),
    balance: rupees(card.balance),
    overdue: rupees(card.overdue),
    paidInstalments: card.paidInstalments,
    next: card.next ? dueJson(card.next) : null,
    problem: card.problem,
  };
}

export const chitListSchema = responseSchema(
  "ChitList",
  z.object({
    today: day(),
    chits: z
      .array(responseSchema("ChitListItem", chitSchema.extend({ summary: chitProgressSchema })))
      .meta({ description: "Oldest first." }),
    total: count("How many chits the member has in all."),
    page: count(),
    perPage: count(),
    pages: count(),
  }),
);

export function chitListJson(list: ChitList): z.infer<typeof chitListSchema> {
  return {
    today: list.today,
    chits: list.items.map(({ chit, progress }) => ({ ...chitJson(chit), summary: chitProgressJson(progress) })),
    total: list.total,
    page: list.page,
    perPage: list.perPage,
    pages: list.pages,
  };
}
