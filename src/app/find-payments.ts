// Payment history across all of a member's chits: filter by chit, dates, method and status, search, paginate. The
// history page and GET /api/v1/payments both show what this returns; the store is asked for it here and nowhere else.
import { z } from "zod";
import { todayIn } from "../domain/dates.ts";
import { tryScheduleFor } from "../domain/schedule-outcome.ts";
import { wordsMessage } from "../i18n/words.ts";
import { type Chit, PAYMENT_METHODS, type Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { calendarDate, fieldLabel } from "./ledger-input.ts";
import { paidSoFar } from "./paid-so-far.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";

export const PAYMENTS_PER_PAGE = 25;

export const paymentQuery = z.object({
  chit: z.string().max(100, wordsMessage("input.choice")).optional().meta({ description: "A chit id." }),
  from: calendarDate("from", "Paid on or after, YYYY-MM-DD.").optional(),
  to: calendarDate("to", "Paid on or before, YYYY-MM-DD.").optional(),
  method: z.enum(PAYMENT_METHODS, { message: wordsMessage("input.choice") }).optional(),
  status: z
    .enum(["full", "part"], { message: wordsMessage("input.choice") })
    .optional()
    .meta({ description: "full: the payment's instalment is fully paid; part: not yet." }),
  q: z
    .string()
    .trim()
    .max(100, wordsMessage("input.tooLong", { label: fieldLabel("search"), max: 100 }))
    .optional()
    .meta({ description: "Searches reference and notes." }),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(PAYMENTS_PER_PAGE),
});

/** The filters a person sets on the history page (the page number aside). */
export const HISTORY_FILTERS = [
  "chit",
  "from",
  "to",
  "method",
  "status",
  "q",
] as const satisfies readonly (keyof typeof paymentQuery.shape)[];

export type PaymentRow = Payment & { chitName: string; instalmentStatus: string };
/** A chit to filter by. */
export type ChitChoice = { id: string; name: string };

export type PaymentHistory = {
  query: z.infer<typeof paymentQuery>;
  payments: PaymentRow[];
  total: number;
  page: number;
  perPage: number;
  pages: number;
  chits: ChitChoice[];
};

const choices = (chits: Chit[]): ChitChoice[] => chits.map((c) => ({ id: c.id, name: c.name }));

/** The chits to filter by, for a history page whose filters were refused. */
export async function historyChits(deps: Pick<LedgerDeps, "chits">, member: Member): Promise<ChitChoice[]> {
  return choices(await deps.chits.list(member.id));
}

export async function findPayments(
  deps: Pick<LedgerDeps, "chits" | "payments" | "clock">,
  member: Member,
  raw: Record<string, unknown>,
): Promise<PaymentHistory> {
  const query = parseInput(paymentQuery, withoutBlanks(raw));
  const chits = await deps.chits.list(member.id);
  const byId = new Map<string, Chit>(chits.map((c) => [c.id, c]));
  const filter = {
    chitId: query.chit,
    from: query.from,
    to: query.to,
    method: query.method,
    q: query.q,
  };
  const today = todayIn(member.timeZone, deps.clock.now());
  /** Each chit's instalment statuses, from the store's sums: two queries for any number of chits. */
  const statusesOf = async (ids: string[]) => {
    const wanted = ids.flatMap((id) => byId.get(id) ?? []);
    const paid = await paidSoFar(deps.payments, member.id, wanted);
    return new Map(
      wanted.map((chit) => [
        chit.id,
        new Map(
          (tryScheduleFor(chit, paid.get(chit.id) ?? [], today).schedule?.instalments ?? []).map((r) => [
            r.number,
            r.status,
          ]),
        ),
      ]),
    );
  };
  const paging = { limit: query.perPage, offset: (query.page - 1) * query.perPage };
  let statuses: Map<string, Map<number, string>> | undefined;
  let found: { payments: Payment[]; total: number };
  if (query.status) {
    // "full": payments naming an instalment that is fully paid; "part": every other payment. The store pages them.
    statuses = await statusesOf(query.chit ? [query.chit] : chits.map((c) => c.id));
    const paidKeys = [...statuses].flatMap(([chitId, rows]) =>
      [...rows].filter(([, status]) => status === "paid").map(([instalment]) => ({ chitId, instalment })),
    );
    found = await deps.payments.search(member.id, {
      ...filter,
      instalments: { keys: paidKeys, exclude: query.status === "part" },
      ...paging,
    });
  } else {
    found = await deps.payments.search(member.id, { ...filter, ...paging });
  }
  statuses ??= await statusesOf([...new Set(found.payments.map((p) => p.chitId))]);
  const payments: PaymentRow[] = found.payments.map((p) => ({
    ...p,
    chitName: byId.get(p.chitId)?.name ?? "(deleted chit)",
    instalmentStatus: statuses.get(p.chitId)?.get(p.instalment) ?? "unknown",
  }));
  const total = found.total;
  const pages = Math.max(1, Math.ceil(total / query.perPage));
  return { query, payments, total, page: query.page, perPage: query.perPage, pages, chits: choices(chits) };
}
