// One chit's payments, oldest first, a page at a time (GET /api/v1/chits/{id}/payments): the store pages them, so a
// chit with years of payments costs what one page shows. The default page holds a typical chit's whole history.
import { z } from "zod";
import type { Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { offsetOf, type PageOf, pageFields, pageOf } from "./paging.ts";
import { parseInput, withoutBlanks } from "./parse-input.ts";

/** A chit of 40 instalments paid in two or three parts each fits on one page. */
export const CHIT_PAYMENTS_PER_PAGE = 200;

export const chitPaymentsQuery = z.object(pageFields(CHIT_PAYMENTS_PER_PAGE, 500));

export type ChitPayments = PageOf<Payment> & { chitId: string };

export async function listChitPayments(
  deps: Pick<LedgerDeps, "chits" | "payments">,
  member: Member,
  chitId: string,
  raw: Record<string, unknown>,
): Promise<ChitPayments> {
  const chit = await findChit(deps.chits, member.id, chitId);
  const query = parseInput(chitPaymentsQuery, withoutBlanks(raw));
  const found = await deps.payments.search(member.id, { chitId: chit.id, order: "oldest", ...offsetOf(query) });
  return { chitId: chit.id, ...pageOf(found.payments, found.total, query) };
}
