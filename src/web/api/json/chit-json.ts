// Chits, their schedule and real rate as the API sends them (money in rupees), each shape a zod schema that the
// presenter below it is typed by and that the OpenAPI document is generated from.
import { z } from "zod";
import type { BidAdvice } from "../../../app/advise-bid.ts";
import type { ChitReport } from "../../../app/build-chit-report.ts";
import type { ChitRate, NoRateCode } from "../../../app/chit-rate.ts";
import type { ChitList } from "../../../app/list-chits.ts";
import type { InstalmentRecord } from "../../../domain/chit.ts";
import { FREQUENCIES } from "../../../domain/dates.ts";
import type { ScheduleRow, ScheduleTotals } from "../../../domain/schedule.ts";
import type { ChitCard, DueItem } from "../../../domain/summary.ts";
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
    discount: rupeesOut("The winning bid as quoted under this chit's convention (the member's own when they won it).").nullable(),
    discounts: z.array(rupeesOut()).nullable().meta({ description: "Every prize's bid at this auction, the first being `discount`." }),
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
    members: z.number().int().meta({ description: "Tickets in the group: instalments x prizesPerAuction." }),
    instalments: z.number().int().meta({ description: "The chit's number of instalments (auctions); what was recorded per instalment is `records`." }),
    prizesPerAuction: z.number().int().meta({ description: "Prizes given out at each auction." }),
    startDate: day("Instalment 1's date (for month-based frequencies, its month)."),
    dueDay: z.number().int().meta({ description: "Day of the month instalments fall due; unused by daily, weekly and fortnightly chits." }),
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
    taxOnCommissionPercent: z.number().nullable().meta({ description: "The chit's own rate; null: the rate in force on each auction date." }),
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
    records: z.array(instalmentRecordSchema).meta({ description: "What the member recorded per instalment (bids, notice payables, the prize won)." }),
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
    // `instalments` is the chit's number of instalments (issue 15's name); what was recorded per instalment is `records`
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
    problem: z.string().nullable().meta({ description: "Why this chit has no schedule (its stored terms are outside what a chit can be; edit it), or null." }),
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
  z.object({ today: day(), chits: z.array(responseSchema("ChitListItem", chitSchema.extend({ summary: chitProgressSchema }))) }),
);

export function chitListJson(list: ChitList): z.infer<typeof chitListSchema> {
  return { today: list.today, chits: list.chits.map(({ chit, progress }) => ({ ...chitJson(chit), summary: chitProgressJson(progress) })) };
}

const scheduleRowSchema = responseSchema(
  "ScheduleRow",
  z.object({
    number: z.number().int(),
    dueDate: day(),
    discount: rupeesOut("This instalment's winning bid; null until recorded (0 on the foreman's instalment).").nullable(),
    dividend: rupeesOut("Dividend per sharing ticket from this instalment's auction.").nullable(),
    dividendApplied: rupeesOut("The dividend that lowers this instalment for the member; null when not known yet.").nullable(),
    discounts: z.array(rupeesOut()).nullable().meta({ description: "Every prize's bid at this auction." }),
    payable: rupeesOut("What the member's ticket pays for this instalment (with any dividend forfeited by paying late)."),
    prize: rupeesOut("What this auction's (first) winner gets, after any tax deducted; null until the auction is recorded.").nullable(),
    prizes: z.array(rupeesOut()).nullable().meta({ description: "Every prize of this auction." }),
    commission: rupeesOut(),
    commissionShare: rupeesOut("On-top commission added to this instalment per ticket."),
    taxOnCommission: rupeesOut("Tax on this auction's commission."),
    taxCharged: rupeesOut("Tax charged to each ticket with this instalment (taxMode charged-to-members)."),
    paid: rupeesOut(),
    penalty: rupeesOut("Late-payment penalty on this instalment (interest to the day paid, or to today; or the fixed fee); 0 when on time."),
    dividendForfeited: rupeesOut("Dividend lost by paying this instalment late (already in payable)."),
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
    discounts: row.discounts?.map(rupees) ?? null,
    dividend: maybeRupees(row.dividend),
    dividendApplied: maybeRupees(row.dividendApplied),
    payable: rupees(row.payable),
    prize: maybeRupees(row.prize),
    prizes: row.prizes?.map(rupees) ?? null,
    commission: rupees(row.commission),
    commissionShare: rupees(row.commissionShare),
    taxOnCommission: rupees(row.taxOnCommission),
    taxCharged: rupees(row.taxCharged),
    paid: rupees(row.paid),
    penalty: rupees(row.penalty),
    dividendForfeited: rupees(row.dividendForfeited),
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
  "nothing-paid-yet",
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
  rates: z.array(z.number()).meta({
    description:
      "Every rate that fits (fractions a year): from -99.9999% to 1,000,000% a year finely, then outwards until no root can be left (a daily chit's early winner can pay 10^8 % a year). xirr is one of them when the others all lie beyond 1,000% or below -99.9999% and farther out, and a spreadsheet's XIRR names the same one (paying shortly before a large prize gives a second root far above any real cost).",
  }),
  npv: rupeesOut("Net present value at the benchmark rate; null when nothing has been paid or received yet.").nullable(),
  mirr: z.number().nullable().meta({ description: "Modified IRR at the benchmark rate, a fraction a year." }),
  mirrConvention: z.string().meta({ description: "How MIRR is computed: same-day flows netted first (one cell per date, as a spreadsheet), 365-day year." }),
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

/** Rates are fractions a year; money is paise until here, where it becomes rupees. */
const english = translatorFor("en");

/** Reasons and notes in English: the API's words (codes stay stable for clients that translate). */
export function rateJson(rate: ChitRate): z.infer<typeof rateSchema> {
  const view = (v: Omit<ChitRate["projected"], "assumption" | "notes">) => ({
    xirr: v.xirr,
    reason: v.reason,
    reasonCode: v.reasonCode,
    rates: v.rates,
    npv: maybeRupees(v.npv),
    mirr: v.mirr,
    mirrConvention: v.mirrConvention,
    netGain: rupees(v.netGain),
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
  penalties: rupeesOut("Late-payment penalties so far."),
  dividendsForfeited: rupeesOut("Dividends lost to late payment so far."),
  latenessCost: rupeesOut("What lateness has cost so far: penalties + dividends forfeited."),
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
    penalties: rupees(t.penalties),
    dividendsForfeited: rupees(t.dividendsForfeited),
    latenessCost: rupees(t.latenessCost),
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

export const bidAdviceSchema = responseSchema(
  "BidAdvice",
  z.object({
    chitId: z.string(),
    instalment: z.number().int(),
    discount: rupeesOut("The discount the advice is for (the assumed one when none was given)."),
    rate: z.number().nullable().meta({
      description:
        "XIRR a year of winning this instalment at this discount, the whole chit; where several rates fit, the one a spreadsheet's XIRR gives (Newton from 10%); null when no rate exists.",
    }),
    rates: z.array(z.number()).meta({ description: "Every rate that fits, as for the chit's own rates (searched as far as a root can lie)." }),
    reasonCode: z
      .enum(["multiple-rates", "always-less", "always-more", "no-sign-change", "not-enough-flows"])
      .nullable()
      .meta({ description: "Why rate is null." }),
    meaning: z
      .enum(["cost", "return"])
      .nullable()
      .meta({ description: "cost: what the early money costs a year (rises with the discount); return: what the money earns." }),
    waitRate: z.number().nullable().meta({ description: "XIRR a year of taking the last instalment instead." }),
    waitReasonCode: z.string().nullable().meta({ description: "Why waitRate is null." }),
    breakEvenDiscount: rupeesOut(
      "The highest discount at which the chit is as good as the benchmark rate: above it bidding costs more than the benchmark, below it less.",
    ).nullable(),
    breakEvenCode: z.enum(["costs-more-even-at-lowest-bid", "costs-less-even-at-ceiling"]).nullable().meta({ description: "Why breakEvenDiscount is null." }),
    benchmarkRate: z.number().meta({ description: "A fraction a year." }),
    floor: rupeesOut("The lowest bid."),
    ceiling: rupeesOut("The highest bid the chit allows."),
    assumption: z.string().meta({ description: "Every assumption behind the figures, in plain words." }),
    notes: z.array(z.string()).meta({ description: "The same, one sentence each." }),
    assumptionCode: z.enum(["no-more-dividends", "average-discount"]),
    curve: z.array(z.object({ discount: rupeesOut(), rate: z.number().nullable() })).meta({ description: "Rate against discount, floor to ceiling." }),
  }),
);

/** GET /chits/{id}/bid-advice: rupees for money, fractions a year for rates, null with a code where no number exists. */
export function bidAdviceJson(chitId: string, a: BidAdvice): z.infer<typeof bidAdviceSchema> {
  return {
    chitId,
    instalment: a.instalment,
    discount: rupees(a.discount),
    rate: a.rate,
    rates: a.rates,
    reasonCode: a.reasonCode,
    meaning: a.meaning,
    waitRate: a.waitRate,
    waitReasonCode: a.waitReasonCode,
    breakEvenDiscount: maybeRupees(a.breakEvenDiscount),
    breakEvenCode: a.breakEvenCode,
    benchmarkRate: a.benchmarkRate,
    floor: rupees(a.floor),
    ceiling: rupees(a.ceiling),
    assumption: a.notes.map((note) => projectionNoteText(english, note)).join(" "),
    notes: a.notes.map((note) => projectionNoteText(english, note)),
    assumptionCode: a.assumptionCode,
    curve: a.curve.map((point) => ({ discount: rupees(point.discount), rate: point.rate })),
  };
}
