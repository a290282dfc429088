// A member edits a chit's details or rules, or closes/reopens it; changed rules are re-checked against its records.

import { type ChitTerms, validateDiscount } from "../domain/chit.ts";
import { words } from "../i18n/words.ts";
import type { Chit } from "../ports/ledger.ts";
import { assertValidTerms } from "./create-chit.ts";
import { badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { chitPatch } from "./ledger-input.ts";
import { parseInput } from "./parse-input.ts";
import { problemWords } from "./problem-words.ts";

export async function updateChit(
  deps: Pick<LedgerDeps, "chits" | "clock">,
  ownerId: string,
  id: string,
  raw: unknown,
): Promise<Chit> {
  const patch = parseInput(chitPatch, raw);
  const chit = await findChit(deps.chits, ownerId, id);
  const { name, organizer, ticketNo, upiIds, notes, status, ...termChanges } = patch;
  const { taxDeductedFromPrize, ...changes } = termChanges;
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<ChitTerms>;
  if (given.taxMode === undefined && taxDeductedFromPrize !== undefined) {
    given.taxMode = taxDeductedFromPrize
      ? "deducted-from-prize"
      : chit.terms.taxMode === "deducted-from-prize"
        ? "none"
        : chit.terms.taxMode;
  }
  const terms: ChitTerms = { ...chit.terms, ...given };
  // instalments follow members / prizes per auction unless the change names them
  if (given.instalments === undefined && (given.members !== undefined || given.prizesPerAuction !== undefined)) {
    terms.instalments = Math.max(1, Math.floor(terms.members / terms.prizesPerAuction));
  }
  assertValidTerms(terms);
  const recorded = chit.instalments.filter((r) => r.number > terms.instalments);
  if (recorded.length) throw badInput({ members: words("errors.fewerInstalments", { number: recorded[0]!.number }) });
  for (const record of chit.instalments) {
    if (record.discount === undefined) continue;
    const problems = [record.discount, ...(record.otherDiscounts ?? [])].flatMap((bid) =>
      validateDiscount(terms, record.number, bid),
    );
    if (problems.length)
      throw badInput({
        [problems[0]!.field]: words("errors.instalmentProblem", {
          number: record.number,
          problem: problemWords(problems[0]!),
        }),
      });
  }
  const updated: Chit = {
    ...chit,
    name: name ?? chit.name,
    organizer: organizer ?? chit.organizer,
    ticketNo: ticketNo ?? chit.ticketNo,
    upiIds: upiIds ?? chit.upiIds,
    notes: notes ?? chit.notes,
    status: status ?? chit.status,
    terms,
    updatedAt: deps.clock.now(),
  };
  await deps.chits.update(updated);
  return updated;
}
