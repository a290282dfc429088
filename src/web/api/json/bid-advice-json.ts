// GET /chits/{id}/bid-advice as the API sends it: rupees for money, fractions a year for rates.
import { z } from "zod";
import type { BidAdvice } from "../../../app/advise-bid.ts";
import { projectionNoteText } from "../../../i18n/rate-words.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { english, maybeRupees, rupees, rupeesOut } from "./common.ts";

export const bidAdviceSchema = responseSchema(
  "BidAdvice",
  z.object({
    chitId: z.string(),
    instalment: z.number().int(),
    discount: rupeesOut("The discount the advice is for (the assumed one when none was given)."),
    rate: z
      .number()
      .nullable()
      .meta({
        description:
          "XIRR a year of winning this instalment at this discount, the whole chit; where " +
          "several rates fit, the one a spreadsheet's XIRR gives (Newton from 10%); null when " +
          "no rate exists.",
      }),
    rates: z
      .array(z.number())
      .meta({ description: "Every rate that fits, as for the chit's own rates (searched as far as a root can lie)." }),
    reasonCode: z
      .enum(["multiple-rates", "always-less", "always-more", "no-sign-change", "not-enough-flows"])
      .nullable()
      .meta({ description: "Why rate is null." }),
    meaning: z.enum(["cost", "return"]).nullable().meta({
      description: "cost: what the early money costs a year (rises with the discount); return: what the money earns.",
    }),
    waitRate: z.number().nullable().meta({ description: "XIRR a year of taking the last instalment instead." }),
    waitReasonCode: z.string().nullable().meta({ description: "Why waitRate is null." }),
    breakEvenDiscount: rupeesOut(
      "The highest discount at which the chit is as good as the benchmark rate: above it " +
        "bidding costs more than the benchmark, below it less.",
    ).nullable(),
    breakEvenCode: z
      .enum(["costs-more-even-at-lowest-bid", "costs-less-even-at-ceiling"])
      .nullable()
      .meta({ description: "Why breakEvenDiscount is null." }),
    benchmarkRate: z.number().meta({ description: "A fraction a year." }),
    floor: rupeesOut("The lowest bid."),
    ceiling: rupeesOut("The highest bid the chit allows."),
    assumption: z.string().meta({ description: "Every assumption behind the figures, in plain words." }),
    notes: z.array(z.string()).meta({ description: "The same, one sentence each." }),
    assumptionCode: z.enum(["no-more-dividends", "average-discount"]),
    curve: z
      .array(z.object({ discount: rupeesOut(), rate: z.number().nullable() }))
      .meta({ description: "Rate against discount, floor to ceiling." }),
  }),
);

/**
 * GET /chits/{id}/bid-advice: rupees for money, fractions a year for rates, null with a code where no number exists.
 */
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
