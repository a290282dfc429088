// Loads one of the member's chits; another member's id is simply not found (404), never "forbidden".
import type { Chit, ChitRepository } from "../ports/ledger.ts";
import { notFound } from "./errors.ts";

export async function findChit(chits: ChitRepository, ownerId: string, id: string): Promise<Chit> {
  const chit = await chits.get(ownerId, id);
  if (!chit) throw notFound("chit");
  return chit;
}
