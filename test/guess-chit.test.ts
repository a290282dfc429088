// Which chit a shared screenshot is for: the foreman or chit name matching the payee or UPI id, else the nearest due.
import { describe, expect, it } from "vitest";
import { guessChit } from "../src/app/guess-chit.ts";
import type { ChitCard } from "../src/domain/summary.ts";

function card(
  id: string,
  name: string,
  organizer: string,
  nextDue: string | null,
  status: ChitCard["status"] = "active",
): ChitCard {
  const next = nextDue
    ? {
        chitId: id,
        chitName: name,
        number: 3,
        dueDate: nextDue,
        payable: 500_000,
        balance: 500_000,
        status: "due" as const,
        estimated: false,
      }
    : null;
  return {
    id,
    name,
    organizer,
    upiIds: [] as string[],
    status,
    prized: false,
    paid: 0,
    totalPayable: 0,
    balance: 0,
    overdue: 0,
    instalments: 20,
    paidInstalments: 2,
    next,
  } as unknown as ChitCard;
}

const cards = [
  card("kapil", "Kapil 1L", "Kapil Chits (Hyderabad) Pvt Ltd", "2026-12-10"),
  card("shriram", "Shriram 2L M20", "Shriram Chits", "2026-12-20"),
  card("ramesh", "Office group", "Ramesh Kumar", "2026-12-03"),
  card("old", "Margadarsi closed", "Margadarsi Chit Fund", "2026-12-01", "closed"),
];
const none = { payee: null, upiId: null, paidOn: null };

describe("guessing the chit of a shared screenshot", () => {
  it("takes the chit whose foreman is the payee, whatever the company suffixes", () => {
    expect(guessChit(cards, { ...none, payee: "SHRIRAM CHITS PVT LTD" }, "2026-12-01")).toEqual({
      chitId: "shriram",
      reason: "payee",
    });
    expect(guessChit(cards, { ...none, payee: "Ramesh Kumar" }, "2026-12-01")).toEqual({
      chitId: "ramesh",
      reason: "payee",
    });
  });

  it("takes the chit whose foreman's name is in the UPI id", () => {
    expect(guessChit(cards, { ...none, upiId: "kapilchits@axisbank" }, "2026-12-01")).toEqual({
      chitId: "kapil",
      reason: "payee",
    });
  });

  it("else takes the chit with the due instalment nearest the payment's date, never a closed chit", () => {
    expect(guessChit(cards, { ...none, payee: "Someone Else" }, "2026-12-01")).toEqual({
      chitId: "ramesh",
      reason: "due",
    });
    expect(guessChit(cards, { ...none, paidOn: "2026-12-19" }, "2026-12-01")).toEqual({
      chitId: "shriram",
      reason: "due",
    });
    expect(guessChit([cards[3]!], none, "2026-12-01")).toBeNull();
  });
});
