// The rate claims checked from outside: random realistic chits (early, middle and late winners; monthly, weekly,
// fortnightly, daily and quarterly) go through the API, and the rates it reports are compared with a solver written
// apart from the app (test/support/independent-xirr.ts) and, where LibreOffice is installed, with Calc's XIRR. Bid
// advice is checked against an independent projection of a model A chit: its rate is a root of those flows (and none is
// missed), it rises with the discount for an early winner and falls for a late one, and its break-even discount is
// where the NPV at the benchmark changes sign, between the commission and the ceiling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChit, expectStatus, pay, recordInstalment, type ScheduleBody, scheduleOf } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import {
  hasLibreOffice,
  libreOfficeXirr,
  type RupeeFlow,
  sameRate,
  xirrRoots,
  xnpv,
} from "./support/independent-xirr.ts";

const clock = { now: () => new Date("2026-03-15T04:30:00Z") }; // 15 Mar 2026, 10:00 in India
const TODAY = "2026-03-15";
let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp({ clock });
  member = await signedInMember(t, "rates@example.com");
});
afterAll(async () => {
  await t.close();
});

let seed = 20260315;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

type Frequency = "monthly" | "weekly" | "fortnightly" | "daily" | "quarterly";
const DAYS: Partial<Record<Frequency, number>> = { weekly: 7, fortnightly: 14, daily: 1 };
const MONTHS: Partial<Record<Frequency, number>> = { monthly: 1, quarterly: 3 };

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months); // due days here are at most 28, so no month-end clamping is needed
  return d.toISOString().slice(0, 10);
}
const dueDate = (start: string, frequency: Frequency, k: number) =>
  DAYS[frequency]
    ? addDays(start, (DAYS[frequency] ?? 0) * (k - 1))
    : addMonths(start, (MONTHS[frequency] ?? 1) * (k - 1));

/** A model A chit (5% or 7% commission out of the bid, dividend on the next instalment, foreman takes 1), in paise. */
type Plan = {
  name: string;
  frequency: Frequency;
  members: number;
  chitValue: number;
  commissionPercent: number;
  ceilingPercent: number;
  start: string;
};
const commissionOf = (p: Plan) => Math.round((p.chitValue * p.commissionPercent) / 100);
const ceilingOf = (p: Plan) => Math.round((p.chitValue * p.ceilingPercent) / 100);
/** Payable of each instalment 1..N for these bids (bids[k] for k = 2..N, in paise): S less the previous dividend. */
function payables(p: Plan, bids: Map<number, number>): number[] {
  const S = Math.round(p.chitValue / p.members);
  const F = commissionOf(p);
  return Array.from({ length: p.members }, (_, i) =>
    i === 0 ? S : S - Math.round(((bids.get(i) ?? F) - F) / p.members),
  );
}
/** Bids falling from near the ceiling to the floor, with noise, in whole rupees (paise here); the last at the floor. */
function bidPath(p: Plan): Map<number, number> {
  const F = commissionOf(p);
  const top = ceilingOf(p);
  const bids = new Map<number, number>();
  for (let k = 2; k <= p.members; k++) {
    const share = (1 - (k - 2) / Math.max(1, p.members - 2)) * (0.75 + 0.35 * random());
    bids.set(k, k === p.members ? F : Math.max(F, Math.min(top, Math.round((F + (top - F) * share) / 100) * 100)));
  }
  return bids;
}
const rupees = (paise: number) => paise / 100;

async function createPlanned(p: Plan) {
  return createChit(member, {
    name: p.name,
    chitValue: rupees(p.chitValue),
    members: p.members,
    startDate: p.start,
    dueDay: Number(p.start.slice(8, 10)),
    frequency: p.frequency,
    commissionPercent: p.commissionPercent,
    maxDiscountPercent: p.ceilingPercent,
  });
}

const calcSeries: RupeeFlow[][] = [];
const calcChecks: ((calc: number | null) => void)[] = [];

describe("a chit's real rate, actual flows of finished chits, against an independent solver", () => {
  it("reports every root and only those, a rate wherever one exists, on 24 random chits", async () => {
    const frequencies: Frequency[] = ["monthly", "weekly", "fortnightly", "daily", "quarterly", "monthly"];
    let found = 0;
    for (let c = 0; c < 24; c++) {
      const frequency = frequencies[c % frequencies.length] as Frequency;
      const members = 6 + Math.floor(random() * 15);
      const plan: Plan = {
        name: `Finished ${c}`,
        frequency,
        members,
        chitValue: members * pick([1000, 2000, 2500, 5000]) * 100,
        commissionPercent: pick([5, 7]),
        ceilingPercent: pick([30, 35, 40]),
        start: frequency === "monthly" || frequency === "quarterly" ? "2022-01-10" : "2025-01-06",
      };
      const win = [2, Math.ceil(members / 2), members][c % 3] as number; // early, middle and late winners in turn
      const bids = bidPath(plan);
      const chit = await createPlanned(plan);
      const prize = plan.chitValue - (bids.get(win) ?? 0);
      const prizeOn = addDays(dueDate(plan.start, frequency, win), Math.floor(random() * 3));
      for (let k = 2; k <= members; k++) {
        const mine = k === win ? { wonByMe: true, prizeReceived: rupees(prize), prizeReceivedOn: prizeOn } : {};
        await recordInstalment(member, chit.id, k, { discount: rupees(bids.get(k) ?? 0), ...mine });
      }
      const flows: RupeeFlow[] = [{ date: prizeOn, amount: rupees(prize) }];
      for (const [i, amount] of payables(plan, bids).entries()) {
        const paidOn = addDays(dueDate(plan.start, frequency, i + 1), random() < 0.3 ? Math.floor(random() * 4) : 0);
        await pay(member, chit.id, { instalment: i + 1, amount: rupees(amount), paidOn, method: "upi" });
        flows.push({ date: paidOn, amount: -rupees(amount) });
      }
      const schedule = await scheduleOf(member, chit.id);
      expect(schedule.instalments.every((row) => row.balance === 0)).toBe(true); // our payables are the app's
      const rate = (
        schedule as ScheduleBody & { rate: { xirr: number | null; rates: number[]; reasonCode: string | null } }
      ).rate;
      const roots = xirrRoots(flows);
      const label =
        `${frequency} chit of ${members}, won at ${win}: app ${JSON.stringify(rate.rates)} / ` +
        `${rate.reasonCode}; independent ${JSON.stringify(roots)}`;
      expect(rate.rates.length, label).toBe(roots.length);
      for (const [i, r] of rate.rates.entries()) expect(sameRate(r, roots[i] ?? Number.NaN), label).toBe(true);
      if (roots.length === 0) expect(["always-less", "always-more"], label).toContain(rate.reasonCode);
      if (rate.xirr !== null) found++;
      calcSeries.push(flows);
      calcChecks.push((calc) => {
        if (calc === null) return;
        expect(
          rate.rates.some((r) => sameRate(r, calc)),
          `${label}; Calc ${calc}`,
        ).toBe(true);
        if (rate.xirr !== null) expect(sameRate(rate.xirr, calc), `${label}; Calc ${calc}`).toBe(true);
      });
    }
    expect(found).toBeGreaterThan(8); // early and late winners have a rate
  }, 120_000);
});

type Advice = {
  rate: number | null;
  rates: number[];
  reasonCode: string | null;
  meaning: "cost" | "return" | null;
  breakEvenDiscount: number | null;
  breakEvenCode: string | null;
  floor: number;
  ceiling: number;
};

describe("bid advice on unfinished chits, against an independent projection", () => {
  it("gives a rate that is a root of the projected flows (never none where one exists), " +
    "rising with the bid for an early winner and falling for a late one, and a break-even " +
    "where NPV at 7% changes sign", async () => {
    const frequencies: Frequency[] = ["monthly", "weekly", "fortnightly", "daily", "monthly"];
    let breakEvens = 0;
    for (let c = 0; c < 10; c++) {
      const frequency = frequencies[c % frequencies.length] as Frequency;
      const members = 10 + Math.floor(random() * 16);
      // auctions 2..held recorded and instalments 1..held paid
      const held = 3 + Math.floor(random() * (members / 2 - 2));
      const lastHeld = frequency === "daily" ? TODAY : frequency === "monthly" ? "2026-03-10" : "2026-03-14";
      const start = DAYS[frequency]
        ? addDays(lastHeld, -(DAYS[frequency] ?? 0) * (held - 1))
        : addMonths(lastHeld, -(held - 1));
      const plan: Plan = {
        name: `Bidding ${c}`,
        frequency,
        members,
        chitValue: members * pick([1000, 2000, 5000]) * 100,
        commissionPercent: pick([5, 7]),
        ceilingPercent: pick([30, 40]),
        start,
      };
      const chit = await createPlanned(plan);
      const recorded = new Map([...bidPath(plan)].filter(([k]) => k <= held));
      for (const [k, bid] of recorded) await recordInstalment(member, chit.id, k, { discount: rupees(bid) });
      const paid = payables(plan, recorded).slice(0, held);
      for (const [i, amount] of paid.entries()) {
        await pay(member, chit.id, {
          instalment: i + 1,
          amount: rupees(amount),
          paidOn: dueDate(start, frequency, i + 1),
          method: "upi",
        });
      }
      const F = commissionOf(plan);
      const average = Math.round([...recorded.values()].reduce((a, b) => a + b, 0) / recorded.size);
      /**
       * The member's flows if they win `win` at `bid`: others' auctions at the average so far, the last at the floor.
       */
      const projected = (win: number, bid: number): RupeeFlow[] => {
        const bids = new Map(recorded);
        for (let k = held + 1; k <= members; k++) bids.set(k, k === win ? bid : k === members ? F : average);
        const flows = payables(plan, bids).map((amount, i) => ({
          date: dueDate(start, frequency, i + 1),
          amount: -rupees(i < held ? (paid[i] ?? 0) : amount),
        }));
        return [...flows, { date: dueDate(start, frequency, win), amount: rupees(plan.chitValue - bid) }];
      };
      for (const [win, direction] of [
        [held + 1, 1],
        [members - 1, -1],
      ] as const) {
        const bids = [0, 0.25, 0.5, 0.75, 1].map((q) => Math.round((F + (ceilingOf(plan) - F) * q) / 100) * 100);
        const answers: { bid: number; advice: Advice; roots: number[] }[] = [];
        for (const bid of bids) {
          const advice = await expectStatus<Advice>(
            member.fetch(`/api/v1/chits/${chit.id}/bid-advice?instalment=${win}&discount=${rupees(bid)}`),
            200,
          );
          const roots = xirrRoots(projected(win, bid));
          const label =
            `${frequency} chit of ${members}, ${held} held, winning ${win} at ${rupees(bid)}: app ` +
            `${advice.rate} ${JSON.stringify(advice.rates)}; independent ` +
            `${JSON.stringify(roots)}`;
          if (roots.length === 0) expect(advice.rate, label).toBeNull();
          else {
            expect(advice.rate, label).not.toBeNull();
            expect(
              roots.some((r) => sameRate(r, advice.rate ?? Number.NaN)),
              label,
            ).toBe(true);
            expect(advice.rates.length, label).toBe(roots.length);
          }
          answers.push({ bid, advice, roots });
          if (bid === bids[2]) {
            const flows = projected(win, bid);
            calcSeries.push(flows);
            calcChecks.push((calc) => {
              if (calc !== null)
                expect(
                  advice.rate === null ? false : advice.rates.some((r) => sameRate(r, calc)),
                  `${label}; Calc ${calc}`,
                ).toBe(true);
            });
          }
        }
        // with one rate at each of two bids, the rate moves with the bid: up for a borrower, down for a saver
        for (let i = 1; i < answers.length; i++) {
          const [a, b] = [answers[i - 1], answers[i]];
          if (a?.roots.length === 1 && b?.roots.length === 1)
            expect(Math.sign((b.advice.rate ?? 0) - (a.advice.rate ?? 0))).toBe(direction);
        }
        const {
          breakEvenDiscount: be,
          breakEvenCode,
          floor,
          ceiling,
        } = (answers[0] as (typeof answers)[number]).advice;
        const npvAt = (bid: number) => xnpv(projected(win, Math.round(bid * 100)), 0.07);
        if (be !== null) {
          breakEvens++;
          expect(be).toBeGreaterThanOrEqual(floor);
          expect(be).toBeLessThanOrEqual(ceiling);
          expect(npvAt(be)).toBeGreaterThanOrEqual(-1e-6);
          if (be < ceiling) expect(npvAt(be + 0.01)).toBeLessThan(0);
        } else if (breakEvenCode === "costs-more-even-at-lowest-bid") expect(npvAt(floor)).toBeLessThan(0);
        else expect(npvAt(ceiling)).toBeGreaterThanOrEqual(0);
      }
    }
    expect(breakEvens).toBeGreaterThan(10); // an ordinary chit has one between the commission and the ceiling
  }, 120_000);
});

describe.skipIf(!hasLibreOffice)(
  "the same flows in LibreOffice Calc (needs soffice: Debian's libreoffice-calc-nogui)",
  () => {
    it("never says no rate where Calc's XIRR finds one, and names Calc's rate wherever it names one", () => {
      expect(calcSeries.length).toBeGreaterThan(20);
      const calc = libreOfficeXirr(calcSeries);
      calcChecks.forEach((check, i) => {
        check(calc[i] ?? null);
      });
      expect(calc.filter((c) => c !== null).length).toBeGreaterThan(10);
    }, 120_000);
  },
);
