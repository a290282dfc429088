// One chit's schedule as CSV: each instalment's due date, discount, dividend, payable, paid, balance, status, prize and
// what paying late cost (penalty, dividend forfeited).
import { plainRupees } from "../domain/money.ts";
import type { Member } from "../ports/member-repository.ts";
import { buildChitReport } from "./build-chit-report.ts";
import { slug } from "./export-payments-csv.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

export const SCHEDULE_CSV_COLUMNS = [
  "instalment",
  "due_date",
  "discount",
  "dividend",
  "dividend_applied",
  "payable",
  "paid",
  "balance",
  "status",
  "estimated",
  "prize",
  "won_by_me",
  "penalty",
  "dividend_forfeited",
] as const;

const maybe = (paise: number | null) => (paise === null ? "" : plainRupees(paise));

export async function exportScheduleCsv(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock" | "csv">,
  member: Member,
  chitId: string,
) {
  const report = await buildChitReport(deps, member, chitId);
  const rows = report.schedule.instalments.map((r) => [
    r.number,
    r.dueDate,
    maybe(r.discount),
    maybe(r.dividend),
    maybe(r.dividendApplied),
    plainRupees(r.payable),
    plainRupees(r.paid),
    plainRupees(r.balance),
    r.status,
    r.estimated ? "yes" : "no",
    maybe(r.prize),
    r.wonByMe ? "yes" : "no",
    plainRupees(r.penalty),
    plainRupees(r.dividendForfeited),
  ]);
  return {
    csv: deps.csv.write([[...SCHEDULE_CSV_COLUMNS], ...rows]),
    filename: `schedule-${slug(report.chit.name)}.csv`,
  };
}
