// The instalments a member has overdue, or due in the next 30 days, across their chits, a page at a time: the dues page
// and GET /api/v1/dues. The dashboard shows the first few of each and links here for the rest. The lists come from
// the member's summary (kept while their ledger is unchanged), whose cost follows their chits, not their payments.
import { z } from "zod";
import type { DueItem } from "../domain/summary.ts";
import type { Member } from "../ports/member-repository.ts";
import { buildSummary } from "./build-summary.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { offsetOf, type PageOf, pageFields, pageOf } from "./paging.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";

export const DUES_PER_PAGE = 25;

export const dueStatuses = ["overdue", "upcoming"] as const;
export type DueStatus = (typeof dueStatuses)[number];

export const duesQuery = z.object({
  status: z
    .enum(dueStatuses, { message: "Status is overdue or upcoming." })
    .default("overdue")
    .meta({ description: "overdue: past the due date and not fully paid; upcoming: due in the next 30 days." }),
  ...pageFields(DUES_PER_PAGE, 200),
});

export type DuePage = PageOf<DueItem> & { status: DueStatus; today: string };

export async function listDues(
  deps: Pick<LedgerDeps, "chits" | "payments" | "notifications" | "clock" | "summaries">,
  member: Member,
  raw: Record<string, unknown>,
): Promise<DuePage> {
  const query = parseInput(duesQuery, withoutBlanks(raw));
  const summary = await buildSummary(deps, member);
  const all = query.status === "overdue" ? summary.overdue : summary.upcoming;
  const { offset, limit } = offsetOf(query);
  return {
    ...pageOf(all.slice(offset, offset + limit), all.length, query),
    status: query.status,
    today: summary.today,
  };
}
