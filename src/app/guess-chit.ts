// Which of a member's chits a shared payment screenshot is for: the chit whose foreman (organiser) or name matches the
// payee or its UPI id (or whose saved UPI ids hold it), else the one whose next due instalment is nearest the payment's
// date. The member can change it.
import { daysBetween } from "../domain/dates.ts";
import type { ChitCard } from "../domain/summary.ts";

export type ChitGuess = { chitId: string; reason: "payee" | "due" } | null;

/** Words every chit company's name has, which tell nothing about which one it is. */
const COMMON = new Set([
  "pvt",
  "private",
  "ltd",
  "limited",
  "chit",
  "chits",
  "fund",
  "funds",
  "and",
  "finance",
  "co",
  "company",
  "the",
  "of",
  "india",
]);

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter((w) => w.length >= 3 && !COMMON.has(w));

/** A UPI id the member saved on a chit: certain, whatever the names say. */
const SAVED_UPI_ID = 100;

/** How well a payee (name and UPI id) fits a chit's saved UPI ids, foreman and name: 0 none, higher better. */
function payeeFit(
  card: Pick<ChitCard, "name" | "organizer" | "upiIds">,
  payee: string | null,
  upiId: string | null,
): number {
  if (upiId && card.upiIds.includes(upiId.trim().toLowerCase())) return SAVED_UPI_ID;
  const own = new Set([...words(card.organizer), ...words(card.name)]);
  if (own.size === 0) return 0;
  let score = 0;
  const payeeWords = payee ? words(payee) : [];
  const shared = payeeWords.filter((w) => own.has(w)).length;
  if (payeeWords.length && shared === payeeWords.length) score += 3;
  else if (shared > 0) score += shared;
  // "shriramchits@icici" against "Shriram Chits": the id's name part, letters only, holds the foreman's distinctive
  // word
  const handle = upiId?.split("@")[0]?.replace(/[^a-z]/g, "") ?? "";
  if (handle.length >= 4 && [...own].some((w) => w.length >= 4 && handle.includes(w))) score += 2;
  return score;
}

export function guessChit(
  cards: readonly ChitCard[],
  read: { payee: string | null; upiId: string | null; paidOn: string | null },
  today: string,
): ChitGuess {
  const active = cards.filter((c) => c.status === "active");
  if (active.length === 0) return null;
  const scored = active
    .map((card) => ({ card, score: payeeFit(card, read.payee, read.upiId) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score > 0 && (!second || second.score < best.score))
    return { chitId: best.card.id, reason: "payee" };
  const day = read.paidOn ?? today;
  const nearest = active
    .filter((c) => c.next)
    .map((c) => ({ c, distance: Math.abs(daysBetween(c.next!.dueDate, day)) }))
    .sort((a, b) => a.distance - b.distance)[0];
  return nearest ? { chitId: nearest.c.id, reason: "due" } : { chitId: active[0]!.id, reason: "due" };
}
