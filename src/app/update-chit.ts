// A member edits a chit's details or rules, or closes/reopens it; changed rules are re-checked against its records.
import { validateDiscount } from "../domain/chit.ts";
import type { Chit } from "../ports/ledger.ts";
import { assertValidTerms } from "./create-chit.ts";
import { badInput } from "./errors.ts";
import { findChit } from "./find-chit.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { chitPatch } from "./ledger-input.ts";
import { parseInput } from "./parse-input.ts";

export async function updateChit(deps: Pick<LedgerDeps, "chits" | "clock">, ownerId: string, id: string, raw: unknown): Promise<Chit> {
  const patch = parseInput(chitPatch, raw);
  const chit = await findChit(deps.chits, ownerId, id);
  const { name, organizer, ticketNo, notes, status, ...termChanges } = patch;
  const terms = { ...chit.terms, ...Object.fromEntries(Object.entries(termChanges).filter(([, v]) => v !== undefined)) };
  assertValidTerms(terms);
  const recorded = chit.instalments.filter((r) => r.number > terms.members);
  if (recorded.length) throw badInput({ members: `Instalment ${recorded[0]!.number} is recorded; the chit cannot have fewer instalments.` });
  for (const record of chit.instalments) {
    if (record.discount === undefined) continue;
    const problems = validateDiscount(terms, record.number, record.discount);
    if (problems.length) throw badInput({ [problems[0]!.field]: `Instalment ${record.number}: ${problems[0]!.message}` });
  }
  const updated: Chit = {
    ...chit,
    name: name ?? chit.name,
    organizer: organizer ?? chit.organizer,
    ticketNo: ticketNo ?? chit.ticketNo,
    notes: notes ?? chit.notes,
    status: status ?? chit.status,
    terms,
    updatedAt: deps.clock.now(),
  };
  await deps.chits.update(updated);
  return updated;
}
