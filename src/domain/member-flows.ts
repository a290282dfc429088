// The member's dated cash flows for a chit: actual ones, and the rest of the chit projected under a stated assumption.
import { type ChitTerms, discountFloor, type InstalmentRecord, isForemanInstalment, unitOf } from "./chit.ts";
import type { CalendarDate } from "./dates.ts";
import { divideRounded, type Paise, roundToUnit } from "./money.ts";
import type { Flow } from "./rates.ts";
import { type InstalmentPayment, instalmentLines, type Schedule, scheduleFor } from "./schedule.ts";

function byDate(flows: Flow[]): Flow[] {
  return flows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The member's actual cash flows in paise, sorted by date: every payment negative on its date, the
 * net prize positive. The prize is `prizeReceived` when given (null: none yet), otherwise whatever
 * the schedule's won instalments record as received (on prizeReceivedOn, else the due date).
 * A won instalment with no recorded receipt adds nothing: these are actual flows only.
 */
export function memberFlows(
  schedule: Schedule,
  payments: readonly InstalmentPayment[],
  prizeReceived?: { amount: Paise; on: CalendarDate } | null,
): Flow[] {
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
export const PROJECTION_ASSUMPTIONS = ["no-more-dividends", "average-discount"] as const;
export type ProjectionAssumption = (typeof PROJECTION_ASSUMPTIONS)[number];

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
  | { code: "not-won"; number: number; amount: Paise }
  | { code: "win"; number: number; amount: Paise };

/** A "what if I win instalment N at discount D" scenario for bid advice. */
export interface WinScenario {
  instalment: number;
  discount: Paise;
}

/**
 * Actual flows plus a projection of the rest of the chit, for a rate on an unfinished chit:
 * - unrecorded auctions go at the lowest bid ("no-more-dividends") or at the average of the bids
 *   recorded so far ("average-discount"; the lowest bid when none is recorded); the last auction
 *   always goes at the lowest bid, since no one is left to bid against;
 * - every unpaid balance (with any late penalty when `today` is given) is paid in full on its due date, or today when
 *   that is past;
 * - the prize is what the member recorded as received, else the computed prize on the due date of
 *   the instalment they won; a member who has not won is assumed to take the last instalment, unless `win` says they
 *   win instalment N at discount D.
 */
export function projectedFlows(
  terms: ChitTerms,
  records: readonly InstalmentRecord[],
  payments: readonly InstalmentPayment[],
  assumption: ProjectionAssumption,
  options: { today?: CalendarDate; win?: WinScenario } = {},
): Projection {
  const N = terms.instalments;
  const floor = discountFloor(terms);
  const byNumber = new Map(records.map((record) => [record.number, record]));
  const bids: Paise[] = [];
  for (const [k, record] of byNumber) {
    if (record.discount !== undefined && !(isForemanInstalment(terms, k) && terms.prizesPerAuction === 1))
      bids.push(record.discount);
  }
  const notes: ProjectionNote[] = [];
  let assumed = floor;
  if (assumption === "average-discount" && bids.length > 0) {
    assumed = roundToUnit(
      divideRounded(
        bids.reduce((total, bid) => total + bid, 0),
        bids.length,
      ),
      unitOf(terms),
    );
    notes.push({ code: "average", amount: assumed, count: bids.length });
  } else {
    notes.push({ code: assumption === "average-discount" ? "no-auction-yet" : "lowest", amount: floor });
  }
  const recordedWin = records.find((record) => record.wonByMe === true && record.number >= 1 && record.number <= N);
  const win = recordedWin ? undefined : options.win;
  const winningInstalment = recordedWin?.number ?? win?.instalment ?? N;
  if (win) notes.push({ code: "win", number: win.instalment, amount: win.discount });
  let needsAssumption = false;
  const projected: InstalmentRecord[] = [];
  for (let k = 1; k <= N; k++) {
    const record: InstalmentRecord = { ...byNumber.get(k), number: k };
    if (!recordedWin && k === winningInstalment) record.wonByMe = true;
    if (win && k === win.instalment) record.discount = win.discount;
    if (record.discount === undefined && !(isForemanInstalment(terms, k) && terms.prizesPerAuction === 1)) {
      record.discount = k === N ? floor : assumed;
      if (k !== N) needsAssumption = true;
    }
    projected.push(record);
  }
  if (assumption === "average-discount" && byNumber.get(N)?.discount === undefined && bids.length > 0) {
    notes.push({ code: "last-auction" });
  }
  const today = options.today;
  const rows = today
    ? scheduleFor(terms, projected, payments, today).instalments
    : instalmentLines(terms, projected).map((line) => ({
        ...line,
        balance: Math.max(0, line.payable - paidOn(payments, line.number)),
      }));
  const flows: Flow[] = payments.map((payment) => ({ date: payment.paidOn, amount: -payment.amount }));
  let unpaid = false;
  for (const row of rows) {
    if (row.balance > 0) {
      unpaid = true;
      flows.push({ date: today && row.dueDate < today ? today : row.dueDate, amount: -row.balance });
    }
  }
  if (unpaid) notes.push({ code: "unpaid" });
  const winning = rows[winningInstalment - 1];
  const received = recordedWin?.prizeReceived;
  if (recordedWin && received !== undefined) {
    flows.push({ date: recordedWin.prizeReceivedOn ?? winning?.dueDate ?? terms.startDate, amount: received });
  } else if (winning) {
    flows.push({ date: winning.dueDate, amount: winning.prize ?? 0 });
    notes.push(
      recordedWin || win
        ? { code: "prize", number: winningInstalment, amount: winning.prize ?? 0 }
        : { code: "not-won", number: N, amount: winning.prize ?? 0 },
    );
  }
  return {
    flows: byDate(flows),
    assumption,
    assumedDiscount: needsAssumption ? assumed : null,
    winningInstalment,
    assumesMemberWinsLast: !recordedWin && !win,
    notes,
  };
}

function paidOn(payments: readonly InstalmentPayment[], instalment: number): Paise {
  return payments.reduce((total, p) => total + (p.instalment === instalment ? p.amount : 0), 0);
}
