// Chits, their schedule and real rate as the API sends them (money in rupees), each shape a zod schema that the
// presenter below it is typed by and that the OpenAPI document is generated from.
import { z } from "zod";
import type { ChitReport } from "../../../app/build-chit-report.ts";
import type { ChitCard, DueItem } from "../../../app/build-summary.ts";
import type { ChitRate, NoRateCode } from "../../../app/chit-rate.ts";
import type { InstalmentRecord } from "../../../domain/chit.ts";
import { FREQUENCIES } from "../../../domain/dates.ts";
import type { ScheduleRow, ScheduleTotals } from "../../../domain/schedule.ts";
import { translatorFor } from "../../../i18n/index.ts";
import { projectionNoteText } from "../../../i18n/rate-words.ts";
import type { Chit } from "../../../ports/ledger.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { count, day, instant, maybeRupees, rupees, rupeesOut } from "./common.ts";

const instalmentStatus = responseSchema("InstalmentStatus", z.enum(["paid", "part-paid", "due", "overdue", "upcoming"]));

const instalmentRecordSchema = responseSchema(
  "InstalmentRecord",
  z.object({
    number: z.number().int(),
    discount: rupeesOut("The winning bid as quoted under this chit's convention.").nullable(),
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
    chitValue: rupeesOut("C, the gross chit amount."),
    members: z.number().int().meta({ description: "N: tickets, which is also the number of instalments." }),
    startDate: day("Its month is instalment 1's month."),
    dueDay: z.number().int().meta({ description: "Day of the month instalments fall due; 31 means the last day of shorter months." }),
    frequency: z.enum(FREQUENCIES),
    commissionPercent: z.number().meta({ description: "Foreman's commission, % of the chit value." }),
    commissionMode: z.enum(["from-discount", "on-top"]),
    bidIncludesCommission: z.boolean(),
    dividendSplit: z.enum(["all", "others"]),
    dividendApplies: z.enum(["next", "same"]),
    firstInstalment: z.enum(["foreman", "auction"]),
    maxDiscountPercent: z.number(),
    taxOnCommissionPercent: z.number(),
    taxDeductedFromPrize: z.boolean(),
    notes: z.string(),
    status: z.enum(["active", "closed"]),
    prized: z.boolean().meta({ description: "The member has recorded winning an instalment." }),
    instalments: z.array(instalmentRecordSchema),
    createdAt: instant(),
    updatedAt: instant(),
  }),
);
export type ChitJson = z.infer<typeof chitSchema>;

export function instalmentRecordJson(r: InstalmentRecord): z.infer<typeof instalmentRecordSchema> {
  return {
    number: r.number,
    discount: maybeRupees(r.discount),
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
    chitValue: rupees(t.chitValue),
    members: t.members,
    startDate: t.startDate,
    dueDay: t.dueDay,
    frequency: t.frequency,
    commissionPercent: t.commissionPercent,
    commissionMode: t.commissionMode,
    bidIncludesCommission: t.bidIncludesCommission,
    dividendSplit: t.dividendSplit,
    dividendApplies: t.dividendApplies,
    firstInstalment: t.firstInstalment,
    maxDiscountPercent: t.maxDiscountPercent,
    taxOnCommissionPercent: t.taxOnCommissionPercent,
    taxDeductedFromPrize: t.taxDeductedFromPrize,
    notes: chit.notes,
    status: chit.status,
    prized: chit.instalments.some((r) => r.wonByMe === true),
    instalments: chit.instalments.map(instalmentRecordJson),
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
  };
}

export const chitListSchema = responseSchema(
  "ChitList",
  z.object({ today: day(), chits: z.array(responseSchema("ChitListItem", chitSchema.extend({ summary: chitProgressSchema }))) }),
);

const scheduleRowSchema = responseSchema(
  "ScheduleRow",
  z.object({
    number: z.number().int(),
    dueDate: day(),
    discount: rupeesOut("This instalment's winning bid; null until recorded (0 on the foreman's instalment).").nullable(),
    dividend: rupeesOut("Dividend per sharing ticket from this instalment's auction.").nullable(),
    dividendApplied: rupeesOut("The dividend that lowers this instalment for the member; null when not known yet.").nullable(),
    payable: rupeesOut("What the member's ticket pays for this instalment."),
    prize: rupeesOut("What this auction's winner gets.").nullable(),
    commission: rupeesOut(),
    paid: rupeesOut(),
    balance: rupeesOut(),
    status: instalmentStatus,
    estimated: z.boolean().meta({ description: "true: the payable assumes no dividend because the auction it depends on is not recorded." }),
    wonByMe: z.boolean(),
    prizeReceived: rupeesOut().nullable(),
    prizeReceivedOn: day().nullable(),
  }),
);
export type ScheduleRowJson = z.infer<typeof scheduleRowSchema>;

export function scheduleRowJson(row: ScheduleRow): ScheduleRowJson {
  return {
    number: row.number,
    dueDate: row.dueDate,
    discount: maybeRupees(row.discount),
    dividend: maybeRupees(row.dividend),
    dividendApplied: maybeRupees(row.dividendApplied),
    payable: rupees(row.payable),
    prize: maybeRupees(row.prize),
    commission: rupees(row.commission),
    paid: rupees(row.paid),
    balance: rupees(row.balance),
    status: row.status,
    estimated: row.estimated,
    wonByMe: row.wonByMe,
    prizeReceived: maybeRupees(row.prizeReceived),
    prizeReceivedOn: row.prizeReceivedOn,
  };
}

export const instalmentResultSchema = responseSchema("InstalmentResult", scheduleRowSchema.extend({ chitId: z.string() }));

const NO_RATE_CODES = [
  "not-enough-flows",
  "only-receipts",
  "only-paid",
  "always-less",
  "always-more",
  "multiple-rates",
  "no-single-rate",
] as const satisfies readonly NoRateCode[];

const rateView = z.object({
  xirr: z.number().nullable().meta({ description: "XIRR, a fraction a year (0.0757 = 7.57%); null when no single rate exists." }),
  reason: z.string().nullable().meta({ description: "Why there is no xirr, in plain words; null when there is one." }),
  reasonCode: z.enum(NO_RATE_CODES).nullable().meta({ description: "The same reason as a stable code; null when there is a rate." }),
  rates: z.array(z.number()).meta({ description: "Every rate that fits (fractions a year); two when the payments have two rates." }),
  npv: rupeesOut("Net present value at the benchmark rate."),
  mirr: z.number().nullable().meta({ description: "Modified IRR at the benchmark rate, a fraction a year." }),
  netGain: rupeesOut("Received minus paid."),
  benchmarkRate: z.number().meta({ description: "A fraction a year." }),
});

const rateSchema = responseSchema(
  "Rate",
  rateView.extend({
    projected: rateView.extend({
      assumption: z.enum(["no-more-dividends", "average-discount"]),
      notes: z.array(z.string()).meta({ description: "The assumptions behind the projection, in plain words." }),
    }),
  }),
);

/** chit-rate.ts already speaks rupees and fractions a year. */
const english = translatorFor("en");

/** Reasons and notes in English: the API's words (codes stay stable for clients that translate). */
export function rateJson(rate: ChitRate): z.infer<typeof rateSchema> {
  const view = (v: Omit<ChitRate["projected"], "assumption" | "notes">) => ({
    xirr: v.xirr,
    reason: v.reason,
    reasonCode: v.reasonCode,
    rates: v.rates,
    npv: v.npv,
    mirr: v.mirr,
    netGain: v.netGain,
    benchmarkRate: v.benchmarkRate,
  });
  return {
    ...view(rate),
    projected: { ...view(rate.projected), assumption: rate.projected.assumption, notes: rate.projected.notes.map((note) => projectionNoteText(english, note)) },
  };
}

const totalsSchema = z.object({
  payable: rupeesOut(),
  paid: rupeesOut(),
  balance: rupeesOut(),
  dividends: rupeesOut(),
  overdue: rupeesOut(),
  prizes: rupeesOut(),
  unallocated: rupeesOut("Paid against instalment numbers the chit does not have."),
  estimated: z.boolean(),
});

function totalsJson(t: ScheduleTotals): z.infer<typeof totalsSchema> {
  return {
    payable: rupees(t.payable),
    paid: rupees(t.paid),
    balance: rupees(t.balance),
    dividends: rupees(t.dividends),
    overdue: rupees(t.overdue),
    prizes: rupees(t.prizes),
    unallocated: rupees(t.unallocated),
    estimated: t.estimated,
  };
}

export const scheduleSchema = responseSchema(
  "Schedule",
  z.object({ chitId: z.string(), today: day(), instalments: z.array(scheduleRowSchema), totals: totalsSchema, rate: rateSchema }),
);

export function scheduleJson(report: ChitReport): z.infer<typeof scheduleSchema> {
  return {
    chitId: report.chit.id,
    today: report.today,
    instalments: report.schedule.instalments.map(scheduleRowJson),
    totals: totalsJson(report.schedule.totals),
    rate: rateJson(report.rate),
  };
}
