// A page costs what it shows: the number of store statements a request sends does not grow with the member's chits,
// instalments or payments (no statement per chit, per instalment or per payment). Counted on the store itself through
// the app's own store metrics, for a member with 2 chits and 3 payments and one with 50 chits and 400 payments (one
// chit in ten, and one of the two, with a late-payment rule, whose schedule needs the payments' dates).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChit } from "../src/app/create-chit.ts";
import { recordInstalment } from "../src/app/record-instalment.ts";
import type { Payment } from "../src/ports/ledger.ts";
import type { Client } from "./support/app.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { memberId } from "./support/ledger-pages.ts";
import { onStore } from "./support/store.ts";

const METRICS_TOKEN = "query-count-test-metrics-token-000";

/** Statements sent to the store so far (only reads, with `operation: "select"`), from the app's /metrics. */
async function statements(client: Client, operation?: string): Promise<number> {
  const text = await (await client.fetch("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return text
    .split("\n")
    .filter(
      (line) =>
        line.startsWith("chitfunds_store_operation_duration_seconds_count") &&
        (!operation || line.includes(`operation="${operation}"`)),
    )
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
}

let t: TestApp;
const members: Record<"small" | "large", { client: Client; chitIds: string[] }> = {} as never;

async function seed(email: string, chitCount: number, paymentCount: number) {
  const client = await signedInMember(t, email);
  const ownerId = await memberId(t, email);
  const chitIds: string[] = [];
  for (let i = 0; i < chitCount; i++) {
    const chit = await createChit(t.services.ledger, ownerId, {
      name: `Chit ${i + 1}`,
      chitValue: 100000,
      members: 20,
      startDate: "2025-01-05",
      dueDay: 5,
      // Every tenth chit (the second, the twelfth...) charges for late payment, so the dated sums are asked for too.
      ...(i % 10 === 1 ? { lateRule: "fixed-fee", lateFee: 100 } : {}),
    });
    await recordInstalment(t.services.ledger, ownerId, chit.id, 2, { discount: 20000 });
    chitIds.push(chit.id);
  }
  for (let i = 0; i < paymentCount; i++) {
    const at = new Date(Date.UTC(2025, 0, 5) + i * 3_600_000);
    const id = randomUUID();
    const payment: Payment = {
      id,
      ownerId,
      chitId: chitIds[i % chitIds.length]!,
      instalment: 1 + (Math.floor(i / chitIds.length) % 12),
      amount: 100_000,
      paidOn: at.toISOString().slice(0, 10),
      method: "upi",
      reference: `UTR${i}`,
      notes: "",
      createdAt: at,
      updatedAt: at,
      receipts: [],
    };
    await t.services.ledger.payments.create(payment);
  }
  return { client, chitIds };
}

beforeAll(async () => {
  if (!onStore("sqlite")) return;
  t = await startTestApp({ env: { METRICS_TOKEN } });
  members.small = await seed("small@example.com", 2, 3);
  members.large = await seed("large@example.com", 50, 400);
}, 120_000);
afterAll(() => t?.close());

/** Statements for one request, after one warm-up request (first prepares, sessions refreshed). */
async function cost(who: "small" | "large", path: string): Promise<number> {
  const { client } = members[who];
  expect((await client.fetch(path)).status).toBe(200);
  const before = await statements(client);
  expect((await client.fetch(path)).status).toBe(200);
  return (await statements(client)) - before;
}

// SQLite only: on MongoDB a query's results come back in batches (getMore), so the count of commands follows the size
// of an answer, not the number of queries; the same use cases and store methods run there, checked by the contract.
describe.skipIf(!onStore("sqlite"))("store statements per request", () => {
  const pages = (chitId: string) => [
    "/dashboard",
    "/api/v1/summary",
    `/chits/${chitId}`,
    `/api/v1/chits/${chitId}/schedule`,
    "/payments",
    "/payments?status=part",
    "/chits",
    "/api/v1/chits",
    "/calendar",
  ];

  it("are the same for 2 chits with 3 payments and for 50 chits with 400 payments", async () => {
    const small = pages(members.small.chitIds[0]!);
    const large = pages(members.large.chitIds[9]!);
    const report: string[] = [];
    for (let i = 0; i < small.length; i++) {
      const a = await cost("small", small[i]!);
      const b = await cost("large", large[i]!);
      report.push(`${small[i]}: ${a} vs ${b}`);
      expect(
        b,
        `${small[i]!.replace(members.small.chitIds[0]!, ":id")} sends ${b} statements for 50 chits, ${a} for 2`,
      ).toBe(a);
      expect(a, small[i]).toBeLessThanOrEqual(12);
    }
  });

  // Reads only (overdue notices come from the reminder job); what the first summary after a change reads must not grow.
  it("read the same for the first summary after a payment is recorded", async () => {
    const first = async (who: "small" | "large") => {
      const { client, chitIds } = members[who];
      const recorded = await client.json(`/api/v1/chits/${chitIds[0]}/payments`, {
        instalment: 3,
        amount: 10,
        method: "cash",
      });
      expect(recorded.status).toBe(201);
      const before = await statements(client, "select");
      expect((await client.fetch("/api/v1/summary")).status).toBe(200);
      return (await statements(client, "select")) - before;
    };
    expect(await first("large")).toBe(await first("small"));
  });
});
