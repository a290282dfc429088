// GET /api/v1/summary as the API sends it: totals across chits, upcoming and overdue instalments, a card per chit.
import { z } from "zod";
import { type DuePage, dueStatuses } from "../../../app/list-dues.ts";
import type { Summary } from "../../../domain/summary.ts";
import { responseSchema } from "../openapi/describe-route.ts";
import { dueItemSchema, dueJson } from "./chit-json.ts";
import { count, day, rupees, rupeesOut } from "./common.ts";

const chitCardSchema = responseSchema(
  "ChitCard",
  z.object({
    id: z.string(),
    name: z.string(),
    organizer: z.string(),
    status: z.enum(["active", "closed"]),
    prized: z.boolean(),
    paid: rupeesOut(),
    totalPayable: rupeesOut(),
    balance: rupeesOut(),
    overdue: rupeesOut(),
    instalments: count("How many instalments the chit has."),
    paidInstalments: count(),
    next: dueItemSchema
      .nullable()
      .meta({ description: "The next instalment to pay; null when none is left or the chit is closed." }),
  }),
);

export const summarySchema = responseSchema(
  "Summary",
  z.object({
    today: day(),
    currency: z.literal("INR"),
    totals: z.object({
      paid: rupeesOut(),
      payable: rupeesOut(),
      balance: rupeesOut(),
      dueThisMonth: rupeesOut(),
      overdue: rupeesOut(),
      dividends: rupeesOut(),
      prizesReceived: rupeesOut(),
    }),
    upcoming: z.array(dueItemSchema).meta({ description: "Instalments due in the next 30 days." }),
    overdue: z.array(dueItemSchema),
    chits: z.array(chitCardSchema),
  }),
);

export function summaryJson(s: Summary): z.infer<typeof summarySchema> {
  const t = s.totals;
  return {
    today: s.today,
    currency: "INR",
    totals: {
      paid: rupees(t.paid),
      payable: rupees(t.payable),
      balance: rupees(t.balance),
      dueThisMonth: rupees(t.dueThisMonth),
      overdue: rupees(t.overdue),
      dividends: rupees(t.dividends),
      prizesReceived: rupees(t.prizesReceived),
    },
    upcoming: s.upcoming.map(dueJson),
    overdue: s.overdue.map(dueJson),
    chits: s.chits.map((c) => ({
      id: c.id,
      name: c.name,
      organizer: c.organizer,
      status: c.status,
      prized: c.prized,
      paid: rupees(c.paid),
      totalPayable: rupees(c.totalPayable),
      balance: rupees(c.balance),
      overdue: rupees(c.overdue),
      instalments: c.instalments,
      paidInstalments: c.paidInstalments,
      next: c.next ? dueJson(c.next) : null,
    })),
  };
}

export const duePageSchema = responseSchema(
  "DuePage",
  z.object({
    status: z.enum(dueStatuses),
    today: day(),
    items: z.array(dueItemSchema).meta({ description: "By due date, then chit name." }),
    total: count("How many instalments there are in all with this status."),
    page: count(),
    perPage: count(),
    pages: count(),
  }),
);

export function duePageJson(d: DuePage): z.infer<typeof duePageSchema> {
  return {
    status: d.status,
    today: d.today,
    items: d.items.map(dueJson),
    total: d.total,
    page: d.page,
    perPage: d.perPage,
    pages: d.pages,
  };
}
