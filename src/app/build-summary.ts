// Totals across a member's chits with their upcoming and overdue instalments (the ledger fills these in).
import type { Clock } from "../ports/clock.ts";
import type { Member } from "../ports/member-repository.ts";

export async function buildSummary(deps: { clock: Clock }, member: Member) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: member.timeZone }).format(deps.clock.now());
  return {
    today,
    currency: "INR",
    chits: 0,
    totals: { paid: 0, payable: 0, dueThisMonth: 0, overdue: 0, dividends: 0, prizesReceived: 0 },
    upcoming: [] as unknown[],
    overdue: [] as unknown[],
  };
}
