// The UPI ids a member pays a chit to: saved on the chit (form and API alike, in lower case, at most five), checked
// as name@bank, and used to tell which chit a shared payment screenshot is for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guessChit } from "../src/app/guess-chit.ts";
import { baseChit, type ChitBody, createChit, expectError, expectStatus } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { fieldError, fieldValue } from "./support/html.ts";
import { addChit, fixedClock, WORKED_EXAMPLE } from "./support/ledger-pages.ts";

let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock });
  member = await signedInMember(t, "upi@example.com");
});
afterAll(async () => {
  await t.close();
});

describe("a chit's UPI ids", () => {
  it(
    "are kept in lower case without repeats through the API, and a change that leaves " + "them out keeps them",
    async () => {
      expect((await createChit(member)).upiIds).toEqual([]);
      const chit = await createChit(member, {
        upiIds: [" ShriramChits@ICICI", "kapil.chits-1@ybl", "shriramchits@icici"],
      });
      expect(chit.upiIds).toEqual(["shriramchits@icici", "kapil.chits-1@ybl"]);
      expect((await expectStatus<ChitBody>(member.fetch(`/api/v1/chits/${chit.id}`), 200)).upiIds).toEqual([
        "shriramchits@icici",
        "kapil.chits-1@ybl",
      ]);
      const renamed = await expectStatus<ChitBody>(
        member.json(`/api/v1/chits/${chit.id}`, { name: "Renamed" }, "PATCH"),
        200,
      );
      expect(renamed.upiIds).toEqual(["shriramchits@icici", "kapil.chits-1@ybl"]);
      const changed = await expectStatus<ChitBody>(
        member.json(`/api/v1/chits/${chit.id}`, { upiIds: "9876543210@axl; annapurna@oksbi" }, "PATCH"),
        200,
      );
      expect(changed.upiIds).toEqual(["9876543210@axl", "annapurna@oksbi"]);
      expect(
        (await expectStatus<ChitBody>(member.json(`/api/v1/chits/${chit.id}`, { upiIds: [] }, "PATCH"), 200)).upiIds,
      ).toEqual([]);
    },
  );

  it("refuses what is not a UPI id, or more than five, naming the field and changing nothing", async () => {
    const chit = await createChit(member, { upiIds: ["kapil@ybl"] });
    for (const upiIds of [["kapil chits"], "kapil@ybl, 98765@", ["@ybl"], "a@b@c", [42]]) {
      const error = await expectError(member.json(`/api/v1/chits/${chit.id}`, { upiIds }, "PATCH"), 400);
      expect(Object.keys(error.fields ?? {})).toEqual(["upiIds"]);
    }
    const wrong = await expectError(member.json("/api/v1/chits", { ...baseChit, upiIds: ["kapil chits"] }), 400);
    expect(wrong.fields!.upiIds).toMatch(/kapil.*is not a UPI id.*name@bank/);
    const six = ["a1@ybl", "a2@ybl", "a3@ybl", "a4@ybl", "a5@ybl", "a6@ybl"];
    expect(
      (await expectError(member.json(`/api/v1/chits/${chit.id}`, { upiIds: six }, "PATCH"), 400)).fields!.upiIds,
    ).toMatch(/at most 5/);
    expect((await expectStatus<ChitBody>(member.fetch(`/api/v1/chits/${chit.id}`), 200)).upiIds).toEqual(["kapil@ybl"]);
  });

  it(
    "are typed on the chit form separated by commas, shown again on edit, and a wrong one " +
      "is said next to the field",
    async () => {
      const id = await addChit(member, { upiIds: "SaiBalajiChits@AxisBank, 7245313953@axl" });
      const edit = await (await member.fetch(`/chits/${id}/edit`)).text();
      expect(fieldValue(edit, "upiIds")).toBe("saibalajichits@axisbank, 7245313953@axl");
      const res = await member.form("/chits", { ...WORKED_EXAMPLE, name: "Kept as typed", upiIds: "saibalaji chits" });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldError(html, "upiIds")).toMatch(/is not a UPI id/);
      expect(fieldValue(html, "upiIds")).toBe("saibalaji chits");
      expect(fieldValue(html, "name")).toBe("Kept as typed");
    },
  );
});

describe("the chit of a shared screenshot", () => {
  const card = (id: string, organizer: string, upiIds: string[], nextDue: string) =>
    ({
      id,
      name: id,
      organizer,
      upiIds,
      status: "active",
      next: {
        chitId: id,
        chitName: id,
        number: 2,
        dueDate: nextDue,
        payable: 1,
        balance: 1,
        status: "due",
        estimated: false,
      },
    }) as unknown as Parameters<typeof guessChit>[0][number];
  const cards = [
    card("office", "Ramesh", ["7245313953@axl"], "2026-12-20"),
    card("annapurna", "Annapurna Chit Funds", [], "2026-12-02"),
  ];

  it("is the one whose saved UPI id was paid, before names and due dates, whatever the case", () => {
    const read = { payee: "Annapurna Chit Funds", upiId: "7245313953@AXL", paidOn: "2026-12-01" };
    expect(guessChit(cards, read, "2026-12-01")).toEqual({ chitId: "office", reason: "payee" });
    expect(guessChit(cards, { ...read, upiId: "annapurna@oksbi" }, "2026-12-01")).toEqual({
      chitId: "annapurna",
      reason: "payee",
    });
    expect(guessChit(cards, { payee: null, upiId: "someone@ybl", paidOn: "2026-12-01" }, "2026-12-01")).toEqual({
      chitId: "annapurna",
      reason: "due",
    });
  });
});
