// A member adds a chit they hold, with its rules; the rules are checked before anything is stored.

import { randomUUID } from "node:crypto";
import { type ChitTerms, completeTerms, validateTerms } from "../domain/chit.ts";
import type { Chit } from "../ports/ledger.ts";
import { badInput } from "./errors.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { type ChitInput, chitInput } from "./ledger-input.ts";
import { parseInput } from "./parse-input.ts";
import { problemWords } from "./problem-words.ts";

export function termsFrom(input: ChitInput): ChitTerms {
  const { name: _name, organizer: _organizer, ticketNo: _ticketNo, upiIds: _upiIds, notes: _notes, ...terms } = input;
  return completeTerms(terms);
}

export function assertValidTerms(terms: ChitTerms): void {
  const problems = validateTerms(terms);
  if (problems.length) throw badInput(Object.fromEntries(problems.map((p) => [p.field, problemWords(p)])));
}

export async function createChit(
  deps: Pick<LedgerDeps, "chits" | "clock">,
  ownerId: string,
  raw: unknown,
): Promise<Chit> {
  const input = parseInput(chitInput, raw);
  const terms = termsFrom(input);
  assertValidTerms(terms);
  const now = deps.clock.now();
  const chit: Chit = {
    id: randomUUID(),
    ownerId,
    name: input.name,
    organizer: input.organizer,
    ticketNo: input.ticketNo,
    upiIds: input.upiIds,
    terms,
    status: "active",
    notes: input.notes,
    instalments: [],
    createdAt: now,
    updatedAt: now,
  };
  await deps.chits.create(chit);
  return chit;
}
