// Records -> API JSON: money in rupees (numbers with at most 2 decimals), dates as YYYY-MM-DD, stable field names.
import type { Summary } from "../../app/build-summary.ts";
import { paiseToRupees } from "../../domain/money.ts";

export const rupees = paiseToRupees;

export function summaryJson(s: Summary) {
  const due = (d: Summary["upcoming"][number]) => ({ ...d, payable: rupees(d.payable), balance: rupees(d.balance) });
  return {
    today: s.today,
    currency: "INR",
    totals: Object.fromEntries(Object.entries(s.totals).map(([k, v]) => [k, rupees(v)])),
    upcoming: s.upcoming.map(due),
    overdue: s.overdue.map(due),
    chits: s.chits.map((c) => ({ ...c, paid: rupees(c.paid), totalPayable: rupees(c.totalPayable), balance: rupees(c.balance), overdue: rupees(c.overdue), next: c.next ? due(c.next) : null })),
  };
}
