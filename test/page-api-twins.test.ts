// A page and its API twin show the same thing, because both call one use case: the chit list, a chit's page and its
// schedule, and the payment history; and they refuse the same query values, with the message beside the field on pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChitListBody,
  expectError,
  expectStatus,
  type PaymentPageBody,
  type ScheduleBody,
} from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { fieldError, fieldValue } from "./support/html.ts";
import { addChit, fixedClock, scheduleRow, text } from "./support/ledger-pages.ts";

let t: TestApp;
let asha: Client;
const ids: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock });
  asha = await signedInMember(t, "asha@example.com");
  // Added in this order; the store lists them by name, so the page cannot line them up with the API by position.
  ids.push(
    await addChit(asha, {
      name: "Zebra 1L",
      chitValue: "1,00,000",
      members: "20",
      startDate: "2025-06-05",
      dueDay: "5",
    }),
  );
  ids.push(
    await addChit(asha, {
      name: "Alpha 50K",
      chitValue: "50,000",
      members: "10",
      startDate: "2025-10-10",
      dueDay: "10",
    }),
  );
  await asha.form(`/chits/${ids[0]}/payments`, {
    instalment: "1",
    amount: "5000",
    paidOn: "2025-06-05",
    method: "upi",
    reference: "UTR-Z1",
  });
  await asha.form(`/chits/${ids[0]}/payments`, {
    instalment: "2",
    amount: "2500",
    paidOn: "2025-07-05",
    method: "cash",
  });
  await asha.form(`/chits/${ids[1]}/payments`, {
    instalment: "1",
    amount: "5000",
    paidOn: "2025-10-10",
    method: "upi",
  });
  await asha.form(`/chits/${ids[0]}/instalments/2`, { discount: "20,000", payableOverride: "" });
});
afterAll(async () => {
  await t.close();
});

const html = async (path: string) => (await asha.fetch(path)).text();
const rupees = (n: number) => `₹${n.toLocaleString("en-IN", { maximumFractionDigits: 2 })}`;

describe("the chit list and GET /api/v1/chits", () => {
  it("show each chit with its own progress, whatever order the store returns them in", async () => {
    const api = await expectStatus<ChitListBody>(asha.fetch("/api/v1/chits"), 200);
    const page = await html("/chits");
    expect(api.chits).toHaveLength(2);
    for (const chit of api.chits) {
      const card = page.slice(page.indexOf(`id="chit-${chit.id}"`));
      const shown = text(card.slice(0, card.indexOf("</article>")));
      expect(shown).toContain(chit.name);
      expect(shown, chit.name).toContain(
        `Paid ${rupees(chit.summary.paid)} of ${rupees(chit.summary.totalPayable)} payable`,
      );
    }
    const zebra = api.chits.find((c) => c.id === ids[0])!;
    expect(zebra.summary.paid).toBe(7500);
  });
});

describe("the chit page and GET /api/v1/chits/{id}/schedule", () => {
  it("show the same payables, and take the benchmark and the projection the same way", async () => {
    const api = await expectStatus<ScheduleBody>(
      asha.fetch(`/api/v1/chits/${ids[0]}/schedule?benchmark=12&assumption=average-discount`),
      200,
    );
    const page = await html(`/chits/${ids[0]}?benchmark=12&assumption=average-discount`);
    for (const row of api.instalments.slice(0, 4)) expect(scheduleRow(page, row.number)).toContain(rupees(row.payable));
    expect(api.rate.benchmarkRate).toBe(0.12);
    expect(text(page)).toContain("NPV at 12.0% a year");
  });

  it.each(["-5", "150", "lots"])(
    "refuse a benchmark of %s alike: 400 from the API, a message beside the field on the page",
    async (benchmark) => {
      const error = await expectError(asha.fetch(`/api/v1/chits/${ids[0]}/schedule?benchmark=${benchmark}`), 400);
      expect(error.fields).toHaveProperty("benchmark");
      const page = await html(`/chits/${ids[0]}?benchmark=${benchmark}`);
      expect(fieldError(page, "benchmark")).toMatch(/Enter a rate from 0 to 100/);
      expect(fieldValue(page, "benchmark")).toBe(benchmark);
      expect(text(page)).toContain("NPV at 7.0% a year");
    },
  );
});

describe("the payment history and GET /api/v1/payments", () => {
  it("find the same payments for the same filters", async () => {
    for (const query of [
      "",
      `chit=${ids[0]}`,
      "method=cash",
      "q=UTR-Z1",
      "from=2025-07-01&to=2025-12-31",
      "status=part",
    ]) {
      const api = await expectStatus<PaymentPageBody>(asha.fetch(`/api/v1/payments?${query}`), 200);
      const page = text(await html(`/payments?${query}`));
      const count = api.total === 0 ? "No payments match" : api.total === 1 ? "1 payment" : `${api.total} payments`;
      expect(page, query).toContain(count);
      for (const p of api.payments) expect(page, query).toContain(rupees(p.amount));
    }
  });

  it("refuse the same bad filters", async () => {
    for (const [query, field] of [
      ["from=yesterday", "from"],
      ["method=gold", "method"],
      ["status=maybe", "status"],
    ] as const) {
      expect((await expectError(asha.fetch(`/api/v1/payments?${query}`), 400)).fields, query).toHaveProperty(field);
      expect(fieldError(await html(`/payments?${query}`), field), query).not.toBeNull();
    }
  });
});
