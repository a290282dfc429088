// The member's dated cash flows for a chit: actual ones, and the rest of the chit projected under a stated assumption.
import { type ChitTerms, discountFloor, type InstalmentRecord, isForemanInstalment } from "./chit.ts";
import type { CalendarDate } from "./dates.ts";
import { divideRounded, type Paise } from "./money.ts";
import type { Flow } from "./rates.ts";
import { instalmentLines, type Payment, type Schedule } from "./schedule.ts";

function byDate(flows: Flow[]): Flow[] {
  return flows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The member's actual cash flows in paise, sorted by date: every payment negative on its date, the
 * net prize positive. The prize is `prizeReceived` when given (null: none yet), otherwise whatever
 * the schedule's won instalments record as received (on prizeReceivedOn, else the due date).
 * A won instalment with no recorded receipt adds nothing: these are actual flows only.
 */
export function memberFlows(schedule: Schedule, payments: readonly Payment[], prizeReceived?: { amount: Paise; on: CalendarDate } | null): Flow[] {
  const flows: Flow[] = payments.map((payment) => ({ date: payment.paidOn, amount: -payment.amount }));
  if (prizeReceived) flows.push({ date: prizeReceived.on, amount: prizeReceived.amount });
  else if (prizeReceived === undefined) {
    for (const row of schedule.instalments) {
      if (row.wonByMe && row.prizeReceived !== null) {
        flows.push({ date: row.prizeReceivedOn ?? row.dueDate, amount: row.prizeReceived });
      }
    }
  }
  return byDate(flows);
}

/** What to assume about auctions not held yet. */
export type ProjectionAssumption = "no-more-dividends" | "average-discount";

export interface Projection {
  flows: Flow[]; // paise, sorted by date; actual where known, projected elsewhere
  assumption: ProjectionAssumption;
  assumedDiscount: Paise | null; // bid assumed for unrecorded auctions (null when none is unrecorded)
  winningInstalment: number; // the instalment whose prize is in the flows
  assumesMemberWinsLast: boolean;
  notes: ProjectionNote[]; // every assumption, as a code and its figures (the edge says it in the member's language)
}

/** An assumption a projection made; amounts in paise. */
export type ProjectionNote =
  | { code: "average"; amount: Paise; count: number }
  | { code: "no-auction-yet"; amount: Paise }
  | { code: "lowest"; amount: Paise }
  | { code: "last-auction" }
  | { code: "unpaid" }
  | { code: "prize"; number: number; amount: Paise }
  | { code: "not-won"; number: number; amount: Paise };

/**
 * Actual flows plus a projection of the rest of the chit, for a rate on an unfinished chit:
 * - unrecorded auctions go at the lowest bid ("no-more-dividends") or at the average of the bids
 *   recorded so far ("average-discount"; the lowest bid when none is recorded); the last auction
 *   always goes at the lowest bid, since no one is left to bid against;
 * - every unpaid balance is paid in full on its due date;
 * - the prize is what the member recorded as received, else the computed prize on the due date of
 *   the instalment they won; a member who has not won is assumed to take the last instalment.
 */
export function projectedFlows(
  terms: ChitTerms,
  records: readonly InstalmentRecord[],
  payments: readonly Payment[],
  assumption: ProjectionAssumption,
): Projection {
  const N = terms.members;
  const floor = discountFloor(terms);
  const byNumber = new Map(records.map((record) => [record.number, record]));
  const bids: Paise[] = [];
  for (const [k, record] of byNumber) {
    if (!isForemanInstalment(terms, k) && record.discount !== undefined) bids.push(record.discount);
  }
  const notes: ProjectionNote[] = [];
  let assumed = floor;
  if (assumption === "average-discount" && bids.length > 0) {
    assumed = divideRounded(
      bids.reduce((total, bid) => total + bid, 0),
      bids.length,
    );
    notes.push({ code: "average", amount: assumed, count: bids.length });
  } else {
    notes.push({ code: assumption === "average-discount" ? "no-auction-yet" : "lowest", amount: floor });
  }
  const won = records.find((record) => record.wonByMe === true && record.number >= 1 && record.number <= N);
  const winningInstalment = won?.number ?? N;
  let needsAssumption = false;
  const projected: InstalmentRecord[] = [];
  for (let k = 1; k <= N; k++) {
    const record: InstalmentRecord = { ...byNumber.get(k), number: k };
    if (!won && k === N) record.wonByMe = true;
    if (record.discount === undefined && !isForemanInstalment(terms, k)) {
      record.discount = k === N ? floor : assumed;
      if (k !== N) needsAssumption = true;
    }
    projected.push(record);
  }
  if (assumption === "average-discount" && byNumber.get(N)?.discount === undefined && bids.length > 0) {
    notes.push({ code: "last-auction" });
  }
  const lines = instalmentLines(terms, projected);
  const paidBy = new Map<number, Paise>();
  const flows: Flow[] = payments.map((payment) => {
    paidBy.set(payment.instalment, (paidBy.get(payment.instalment) ?? 0) + payment.amount);
    return { date: payment.paidOn, amount: -payment.amount };
  });
  for (const line of lines) {
    const unpaid = line.payable - (paidBy.get(line.number) ?? 0);
    if (unpaid > 0) flows.push({ date: line.dueDate, amount: -unpaid });
  }
  if (lines.some((line) => line.payable > (paidBy.get(line.number) ?? 0))) {
    notes.push({ code: "unpaid" });
  }
  const winning = lines[winningInstalment - 1];
  const received = won?.prizeReceived;
  if (won && received !== undefined) {
    flows.push({ date: won.prizeReceivedOn ?? winning?.dueDate ?? terms.startDate, amount: received });
  } else if (winning) {
    flows.push({ date: winning.dueDate, amount: winning.prize ?? 0 });
    notes.push(won ? { code: "prize", number: winningInstalment, amount: winning.prize ?? 0 } : { code: "not-won", number: N, amount: winning.prize ?? 0 });
  }
  return {
    flows: byDate(flows),
    assumption,
    assumedDiscount: needsAssumption ? assumed : null,
    winningInstalment,
    assumesMemberWinsLast: !won,
    notes,
  };
}
