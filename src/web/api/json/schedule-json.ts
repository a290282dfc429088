// A chit's schedule, totals and real rate as the API sends them (money in rupees, rates as fractions a year).
import { z } from "zod";
import type { ChitReport } from "../../../app/build-chit-report.ts";
import type { ChitRate, NoRateCode } from "../../../app/chit-rate.ts";
import type { ScheduleRow, ScheduleTotals } from "../../../domain/schedule.ts";
import { projectionNoteText } from "../../../i18n/rate-words.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { instalmentStatus } from "./chit-json.ts";
import { day, english, maybeRupees, rupees, rupeesOut } from "./common.ts";

const scheduleRowSchema = responseSchema(
  "ScheduleRow",
  z.object({
    number: z.number().int(),
    dueDate: day(),
    discount: rupeesOut(
      "This instalment's winning bid; null until recorded (0 on the foreman's instalment).",
    ).nullable(),
    dividend: rupeesOut("Dividend per sharing ticket from this instalment's auction.").nullable(),
    dividendApplied: rupeesOut(
      "The dividend that lowers this instalment for the member; null when not known yet.",
    ).nullable(),
    discounts: z.array(rupeesOut()).nullable().meta({ description: "Every prize's bid at this auction." }),
    payable: rupeesOut(
      "What the member's ticket pays for this instalment (with any dividend forfeited by paying late).",
    ),
    prize: rupeesOut(
      "What this auction's (first) winner gets, after any tax deducted; null until the auction is recorded.",
    ).nullable(),
    prizes: z.array(rupeesOut()).nullable().meta({ description: "Every prize of this auction." }),
    commission: rupeesOut(),
    commissionShare: rupeesOut("On-top commission added to this instalment per ticket."),
    taxOnCommission: rupeesOut("Tax on this auction's commission."),
    taxCharged: rupeesOut("Tax charged to each ticket with this instalment (taxMode charged-to-members)."),
    paid: rupeesOut(),
    penalty: rupeesOut(
      "Late-payment penalty on this instalment (interest to the day paid, or to today; or " +
        "the fixed fee); 0 when on time.",
    ),
    dividendForfeited: rupeesOut("Dividend lost by paying this instalment late (already in payable)."),
    balance: rupeesOut(),
    status: instalmentStatus,
    estimated: z.boolean().meta({
      description: "true: the payable assumes no dividend because the auction it depends on is not recorded.",
    }),
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

export const instalmentResultSchema = responseSchema(
  "InstalmentResult",
  scheduleRowSchema.extend({ chitId: z.string() }),
);

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
  xirr: z
    .number()
    .nullable()
    .meta({ description: "XIRR, a fraction a year (0.0757 = 7.57%); null when no single rate exists." }),
  reason: z.string().nullable().meta({ description: "Why there is no xirr, in plain words; null when there is one." }),
  reasonCode: z
    .enum(NO_RATE_CODES)
    .nullable()
    .meta({ description: "The same reason as a stable code; null when there is a rate." }),
  rates: z.array(z.number()).meta({
    description:
      "Every rate that fits (fractions a year): from -99.9999% to 1,000,000% a year finely, " +
      "then outwards until no root can be left (a daily chit's early winner can pay 10^8 % " +
      "a year). xirr is one of them when the others all lie beyond 1,000% or below " +
      "-99.9999% and farther out, and a spreadsheet's XIRR names the same one (paying " +
      "shortly before a large prize gives a second root far above any real cost).",
  }),
  npv: rupeesOut(
    "Net present value at the benchmark rate; null when nothing has been paid or received yet.",
  ).nullable(),
  mirr: z.number().nullable().meta({ description: "Modified IRR at the benchmark rate, a fraction a year." }),
  mirrConvention: z.string().meta({
    description:
      "How MIRR is computed: same-day flows netted first (one cell per date, as a spreadsheet), 365-day year.",
  }),
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

/**
 * Rates are fractions a year; money is paise until here, where it becomes rupees. Reasons and notes in English: the
 * API's words (codes stay stable for clients that translate).
 */
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
    projected: {
      ...view(rate.projected),
      assumption: rate.projected.assumption,
      notes: rate.projected.notes.map((note) => projectionNoteText(english, note)),
    },
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
  z.object({
    chitId: z.string(),
    today: day(),
    instalments: z.array(scheduleRowSchema),
    totals: totalsSchema,
    rate: rateSchema,
  }),
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
