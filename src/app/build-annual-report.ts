// A member's year across all chits: what was paid each month and to each chit, dividends earned, prizes received,
// and every payment of the year, for the annual summary PDF.
import { z } from "zod";
import { todayIn } from "../domain/dates.ts";
import type { Paise } from "../domain/money.ts";
import { tryScheduleFor } from "../domain/schedule-outcome.ts";
import type { Chit, Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { paidSoFar } from "./paid-so-far.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";

export type AnnualChitLine = {
  chit: Chit;
  paid: Paise;
  payments: number;
  /**
   * What fell due in the year (instalments whose due date is in it), their dividends, and what is still owed on them.
   */
  due: Paise;
  dividends: Paise;
  balance: Paise;
  prizeReceived: Paise;
};

export type AnnualReport = {
  year: number;
  member: Member;
  generatedAt: Date;
  chits: AnnualChitLine[];
  /** Paid in each month, January first. */
  months: Paise[];
  payments: (Payment & { chitName: string })[];
  totals: { paid: Paise; due: Paise; dividends: Paise; balance: Paise; prizeReceived: Paise; payments: number };
};

export const yearQuery = z.object({
  year: z.coerce
    .number({ message: "Year must be a year such as 2025." })
    .int("Year must be a year such as 2025.")
    .min(1990, "Year must be 1990 or later.")
    .max(2200, "Year must be 2200 or earlier.")
    .optional()
    .meta({ description: "The calendar year; default this year in the member's time zone." }),
});

/** More payments than anyone records in a year; the report would be thousands of pages long before this binds. */
const MAX_PAYMENTS_IN_A_YEAR = 100_000;

export async function buildAnnualReport(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock">,
  member: Member,
  raw: Record<string, string>,
): Promise<AnnualReport> {
  const query = parseInput(yearQuery, withoutBlanks(raw));
  const now = deps.clock.now();
  const today = todayIn(member.timeZone, now);
  const year = query.year ?? Number(today.slice(0, 4));
  const inYear = (date: string | null | undefined) => typeof date === "string" && date.startsWith(`${year}-`);
  // The year's payments (the report lists them all) and, for each chit's schedule, the store's sums: O(the year), not
  // O(every payment ever made).
  const chits = await deps.chits.list(member.id);
  const [paid, ofYear] = await Promise.all([
    paidSoFar(deps.payments, member.id, chits),
    deps.payments.search(member.id, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      order: "oldest",
      limit: MAX_PAYMENTS_IN_A_YEAR,
      offset: 0,
    }),
  ]);
  const all = ofYear.payments;
  const months: Paise[] = Array.from({ length: 12 }, () => 0);
  const lines: AnnualChitLine[] = [];
  for (const chit of chits) {
    const schedule = tryScheduleFor(chit, paid.get(chit.id) ?? [], today).schedule ?? { instalments: [] };
    const dueRows = schedule.instalments.filter((r) => inYear(r.dueDate));
    const paidInYear = all.filter((p) => p.chitId === chit.id);
    for (const p of paidInYear) months[Number(p.paidOn.slice(5, 7)) - 1]! += p.amount;
    const line: AnnualChitLine = {
      chit,
      paid: paidInYear.reduce((s, p) => s + p.amount, 0),
      payments: paidInYear.length,
      due: dueRows.reduce((s, r) => s + r.payable, 0),
      dividends: dueRows.reduce((s, r) => s + (r.dividendApplied ?? 0), 0),
      balance: dueRows.reduce((s, r) => s + r.balance, 0),
      prizeReceived: schedule.instalments
        .filter((r) => r.wonByMe && inYear(r.prizeReceivedOn))
        .reduce((s, r) => s + (r.prizeReceived ?? 0), 0),
    };
    if (line.payments || line.due || line.prizeReceived) lines.push(line);
  }
  const names = new Map(chits.map((c) => [c.id, c.name]));
  // Oldest first from the store (paid on, recorded, id).
  const payments = all.map((p) => ({ ...p, chitName: names.get(p.chitId) ?? "(deleted chit)" }));
  const sum = (key: "paid" | "due" | "dividends" | "balance" | "prizeReceived") =>
    lines.reduce((s, l) => s + l[key], 0);
  return {
    year,
    member,
    generatedAt: now,
    chits: lines,
    months,
    payments,
    totals: {
      paid: sum("paid"),
      due: sum("due"),
      dividends: sum("dividends"),
      balance: sum("balance"),
      prizeReceived: sum("prizeReceived"),
      payments: payments.length,
    },
  };
}
