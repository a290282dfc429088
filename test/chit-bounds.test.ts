// Chit and payment inputs are bounded to what a real chit can be, and a chit stored outside those bounds shows its
// problem on its own card without taking the member's other pages down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChitBody, createChit, expectError, expectStatus, pay } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await startTestApp();
  member = await signedInMember(t, "asha@example.com");
});
afterAll(async () => {
  await t.close();
});

describe("chit inputs", () => {
  it("a chit starting 9999-12-31 is refused with 400 naming the start date", async () => {
    const error = await expectError(
      member.json("/api/v1/chits", { name: "Far", chitValue: 100000, members: 20, startDate: "9999-12-31", dueDay: 5 }),
      400,
    );
    expect(error.fields?.startDate).toMatch(/from 1950-01-01/);
  });

  it("refuses values, dates and counts no real chit has, naming the field", async () => {
    const base = { name: "Big", chitValue: 100000, members: 20, startDate: "2025-01-05", dueDay: 5 };
    const cases: [Record<string, unknown>, string][] = [
      [{ chitValue: 9_000_000_000_000 }, "chitValue"],
      [{ chitValue: "99,99,99,99,99,99,999" }, "chitValue"],
      [{ chitValue: 1e9 + 1 }, "chitValue"],
      [{ startDate: "1900-01-01" }, "startDate"],
      [{ startDate: "2101-01-01" }, "startDate"],
      [{ members: 1000, frequency: "half-yearly" }, "members"],
      [{ members: 1001 }, "members"],
    ];
    for (const [change, field] of cases) {
      const error = await expectError(member.json("/api/v1/chits", { ...base, ...change }), 400);
      expect(Object.keys(error.fields ?? {}), JSON.stringify(change)).toContain(field);
    }
    // The largest allowed chit (₹100 crore, 1000 monthly instalments) has a schedule in safe integers.
    const largest = await createChit(member, { chitValue: 1e9, members: 1000, startDate: "2100-12-31", dueDay: 31 });
    const schedule = await expectStatus<{ instalments: { dueDate: string }[] }>(
      member.fetch(`/api/v1/chits/${largest.id}/schedule`),
      200,
    );
    expect(schedule.instalments.at(-1)!.dueDate).toBe("2184-03-31");
    await expectStatus(member.json(`/api/v1/chits/${largest.id}`, {}, "DELETE"), 204);
  });

  it("a payment's amount and date are bounded too", async () => {
    const chit = await createChit(member);
    expect(
      (await expectError(member.json(`/api/v1/chits/${chit.id}/payments`, { amount: 1e10, paidOn: "2025-02-01" }), 400))
        .fields,
    ).toHaveProperty("amount");
    expect(
      (await expectError(member.json(`/api/v1/chits/${chit.id}/payments`, { amount: 5000, paidOn: "1900-01-01" }), 400))
        .fields,
    ).toHaveProperty("paidOn");
    expect(
      (await expectError(member.json(`/api/v1/chits/${chit.id}/instalments/2`, { discount: 1e10 }, "PUT"), 400)).fields,
    ).toHaveProperty("discount");
    await expectStatus(member.json(`/api/v1/chits/${chit.id}`, {}, "DELETE"), 204);
  });
});

describe("a chit stored outside the bounds", () => {
  it(
    "shows an error on its own card; the dashboard, chit list, summary, calendar, history " +
      "and annual report still answer",
    async () => {
      const good = await createChit(member, { name: "Good chit" });
      await pay(member, good.id, { amount: 5000, paidOn: "2025-01-05" });
      const bad: ChitBody = await createChit(member, { name: "Broken chit" });
      // As if written before the limits existed, or edited straight in the store.
      const owner = (await t.services.members.findByEmail("asha@example.com"))!.id;
      const stored = (await t.services.ledger.chits.get(owner, bad.id))!;
      await t.services.ledger.chits.update({
        ...stored,
        terms: { ...stored.terms, startDate: "9999-12-31", chitValue: 9_000_000_000_000_000 },
      });

      const dashboard = await member.fetch("/dashboard");
      expect(dashboard.status).toBe(200);
      const html = await dashboard.text();
      expect(html).toContain("Good chit");
      expect(html).toContain("This chit cannot be scheduled");
      expect(html).toContain(`/chits/${bad.id}/edit`);
      const list = await member.fetch("/chits");
      expect(list.status).toBe(200);
      expect(await list.text()).toContain("This chit cannot be scheduled");
      for (const path of ["/payments", "/calendar", "/payments?status=full", `/payments?chit=${bad.id}`])
        expect((await member.fetch(path)).status, path).toBe(200);
      const summary = await expectStatus<{ totals: { paid: number } }>(member.fetch("/api/v1/summary"), 200);
      expect(summary.totals.paid).toBe(5000);
      const chits = await expectStatus<{ chits: { id: string; summary: { problem: string | null } }[] }>(
        member.fetch("/api/v1/chits"),
        200,
      );
      expect(chits.chits.find((c) => c.id === bad.id)!.summary.problem).toMatch(/cannot be scheduled/);
      expect(chits.chits.find((c) => c.id === good.id)!.summary.problem).toBeNull();
      expect((await member.fetch("/api/v1/reports/annual.pdf?year=2025")).status).toBe(200);
      // Its own page says what is wrong instead of failing, and it can still be edited.
      const own = await member.fetch(`/chits/${bad.id}`);
      expect(own.status).toBe(409);
      expect(await own.text()).toContain("This chit cannot be scheduled");
      expect((await member.fetch(`/chits/${bad.id}/edit`)).status).toBe(200);
      expect((await expectError(member.fetch(`/api/v1/chits/${bad.id}/schedule`), 409)).code).toBe(
        "chit-unschedulable",
      );
    },
  );
});
