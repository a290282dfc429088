// CSV exports: payments (all, one chit, a date range) with one row per payment, RFC 4180 quoting and no spreadsheet
// formulas; a chit's schedule with one row per instalment; only the member's own data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../src/adapters/csv/csv-codec.ts";
import type { Clock } from "../src/ports/clock.ts";
import { createChit, expectError, pay, recordInstalment } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { disposition } from "./support/disposition.ts";
import { multipart, pngScreenshot } from "./support/receipt-fixtures.ts";

const clock: Clock = { now: () => new Date("2026-06-20T06:30:00Z") };
let t: TestApp;
let asha: Client;
const chits = { a: "", b: "" };

beforeAll(async () => {
  t = await startTestApp({ clock });
  asha = await signedInMember(t, "asha@example.com");
  const a = await createChit(asha, {
    name: "Shriram, Group A",
    chitValue: 100000,
    members: 20,
    startDate: "2026-01-05",
    dueDay: 5,
  });
  const b = await createChit(asha, {
    name: "Kapil 5L",
    chitValue: 500000,
    members: 25,
    startDate: "2026-02-10",
    dueDay: 10,
  });
  Object.assign(chits, { a: a.id, b: b.id });
  await recordInstalment(asha, a.id, 2, { discount: 30000 });
  const withReceipt = await asha.fetch(`/api/v1/chits/${a.id}/payments`, {
    method: "POST",
    body: multipart({ instalment: "1", amount: "5000", paidOn: "2026-01-05", reference: "UTR1" }, [
      { name: "a.png", bytes: await pngScreenshot() },
    ]),
  });
  expect(withReceipt.status).toBe(201);
  await pay(asha, a.id, {
    instalment: 2,
    amount: 3575.5,
    paidOn: "2026-02-05",
    method: "cash",
    reference: '=HYPERLINK("http://evil.example")',
    notes: 'paid "in person", at the office\nsecond line',
  });
  await pay(asha, b.id, {
    instalment: 1,
    amount: 20000,
    paidOn: "2026-02-10",
    method: "bank",
    reference: "+91-NEFT",
    notes: "@office",
  });
  await pay(asha, b.id, { instalment: 2, amount: 20000, paidOn: "2026-03-10", method: "upi", reference: "-5" });
  const other = await signedInMember(t, "bharat@example.com");
  const theirs = await createChit(other, { name: "Not Asha's" });
  await pay(other, theirs.id, { instalment: 1, amount: 5000, paidOn: "2026-01-05" });
});
afterAll(async () => {
  await t.close();
});

async function csvOf(client: Client, path: string) {
  const res = await client.fetch(path);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(disposition(res).type).toBe("attachment");
  expect(disposition(res).filename).toMatch(/^[a-z0-9-]+\.csv$/);
  return { text, records: parseCsv(text, ",") };
}

describe("GET /api/v1/payments/export.csv", () => {
  it("has one row per payment, oldest first, with the stated columns", async () => {
    const { text, records } = await csvOf(asha, "/api/v1/payments/export.csv");
    const [header, ...rows] = records;
    expect(header).toEqual(["date", "chit", "instalment", "amount", "method", "reference", "notes", "receipts"]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r[0])).toEqual(["2026-01-05", "2026-02-05", "2026-02-10", "2026-03-10"]);
    expect(rows[0]).toEqual(["2026-01-05", "Shriram, Group A", "1", "5000.00", "upi", "UTR1", "", "1"]);
    expect(rows[1]!.slice(2, 5)).toEqual(["2", "3575.50", "cash"]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain('"Shriram, Group A"'); // a comma inside is quoted
    // quotes doubled, line break kept inside quotes
    expect(rows[1]![6]).toBe('paid "in person", at the office\nsecond line');
  });

  it("keeps text that starts with = + - @ from running as a formula", async () => {
    const { records } = await csvOf(asha, "/api/v1/payments/export.csv");
    const cells = records.flat();
    expect(cells).toContain('\'=HYPERLINK("http://evil.example")');
    expect(cells).toContain("'+91-NEFT");
    expect(cells).toContain("'@office");
    expect(cells).toContain("'-5");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it("filters by chit and by date range", async () => {
    const one = await csvOf(asha, `/api/v1/payments/export.csv?chit=${chits.b}`);
    expect(one.records.slice(1).map((r) => r[1])).toEqual(["Kapil 5L", "Kapil 5L"]);
    const range = await csvOf(asha, "/api/v1/payments/export.csv?from=2026-02-01&to=2026-02-28");
    expect(range.records.slice(1).map((r) => r[0])).toEqual(["2026-02-05", "2026-02-10"]);
    const none = await csvOf(asha, "/api/v1/payments/export.csv?from=2027-01-01");
    expect(none.records).toHaveLength(1); // the header alone
  });

  it("refuses bad filters and another member's chit", async () => {
    expect((await expectError(asha.fetch("/api/v1/payments/export.csv?from=05-01-2026"), 400)).fields).toHaveProperty(
      "from",
    );
    expect(
      (await expectError(asha.fetch("/api/v1/payments/export.csv?from=2026-03-01&to=2026-02-01"), 400)).fields,
    ).toHaveProperty("to");
    const bharat = await signedInMember(t, "chitra@example.com");
    expect((await expectError(bharat.fetch(`/api/v1/payments/export.csv?chit=${chits.a}`), 404)).code).toBe(
      "not-found",
    );
    expect((await csvOf(bharat, "/api/v1/payments/export.csv")).records).toHaveLength(1);
  });
});

describe("GET /api/v1/chits/{id}/schedule.csv", () => {
  it("has one row per instalment with due date, discount, dividend, payable, paid, balance and status", async () => {
    const { records } = await csvOf(asha, `/api/v1/chits/${chits.a}/schedule.csv`);
    const [header, ...rows] = records;
    expect(header).toEqual([
      "instalment",
      "due_date",
      "discount",
      "dividend",
      "dividend_applied",
      "payable",
      "paid",
      "balance",
      "status",
      "estimated",
      "prize",
      "won_by_me",
      "penalty",
      "dividend_forfeited",
    ]);
    expect(rows).toHaveLength(20);
    expect(rows[0]!.slice(0, 9)).toEqual([
      "1",
      "2026-01-05",
      "0.00",
      "0.00",
      "0.00",
      "5000.00",
      "5000.00",
      "0.00",
      "paid",
    ]);
    expect(rows[1]!.slice(0, 4)).toEqual(["2", "2026-02-05", "30000.00", "1250.00"]);
    expect(rows[19]![1]).toBe("2027-08-05");
  });

  it("answers 404 for another member's chit", async () => {
    const other = await signedInMember(t, "devi@example.com");
    expect((await expectError(other.fetch(`/api/v1/chits/${chits.a}/schedule.csv`), 404)).code).toBe("not-found");
  });
});
