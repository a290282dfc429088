// The member's payments as CSV, one row per payment (all, one chit, or a date range), oldest first.

import { z } from "zod";
import { compareDates } from "../domain/dates.ts";
import { plainRupees } from "../domain/money.ts";
import { words } from "../i18n/words.ts";
import type { Member } from "../ports/member-repository.ts";
import { badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { calendarDate } from "./ledger-input.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";

export const PAYMENT_CSV_COLUMNS = [
  "date",
  "chit",
  "instalment",
  "amount",
  "method",
  "reference",
  "notes",
  "receipts",
] as const;

export const exportQuery = z.object({
  chit: z.string().trim().max(100).optional().meta({ description: "Only this chit's payments (its id)." }),
  from: calendarDate("from", "Paid on or after, YYYY-MM-DD.").optional(),
  to: calendarDate("to", "Paid on or before, YYYY-MM-DD.").optional(),
});

export async function exportPaymentsCsv(
  deps: Pick<LedgerDeps, "chits" | "payments" | "csv">,
  member: Member,
  raw: Record<string, string>,
) {
  const query = parseInput(exportQuery, withoutBlanks(raw));
  if (query.from && query.to && compareDates(query.from, query.to) > 0)
    throw badInput({ to: words("errors.toAfterFrom") });
  const only = query.chit ? await findChit(deps.chits, member.id, query.chit) : null;
  const chits = only ? [only] : await deps.chits.list(member.id);
  const names = new Map(chits.map((c) => [c.id, c.name]));
  const { payments } = await deps.payments.search(member.id, {
    chitId: only?.id,
    from: query.from,
    to: query.to,
    limit: 10_000_000,
    offset: 0,
  });
  payments.sort((a, b) => compareDates(a.paidOn, b.paidOn) || a.createdAt.getTime() - b.createdAt.getTime());
  const rows = payments.map((p) => [
    p.paidOn,
    names.get(p.chitId) ?? "",
    p.instalment,
    plainRupees(p.amount),
    p.method,
    p.reference,
    p.notes,
    p.receipts.length,
  ]);
  const parts = ["payments", only ? slug(only.name) : "", query.from ?? "", query.to ? `to-${query.to}` : ""].filter(
    Boolean,
  );
  return {
    csv: deps.csv.write([[...PAYMENT_CSV_COLUMNS], ...rows]),
    count: payments.length,
    filename: `${parts.join("-")}.csv`,
  };
}

/** A chit's name as a safe file-name part: "Shriram A12 (5L)" -> "shriram-a12-5l". */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "chit"
  );
}
