// Bulk import of payments from CSV: a preview with each bad row's number, all-or-nothing commit (409 while errors
// remain), duplicates caught, the encodings, delimiters, dates and amounts spreadsheets produce, and clear refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../src/ports/clock.ts";
import { createChit, expectError, expectStatus, type PaymentPageBody, pay } from "./support/api.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { multipart } from "./support/receipt-fixtures.ts";

type Preview = {
  id: string;
  ready: boolean;
  encoding: string;
  delimiter: string;
  columns: Record<string, string>;
  rows: {
    row: number;
    chit: string;
    chitId: string | null;
    instalment: number | null;
    amount: number | null;
    paidOn: string | null;
    method: string;
    reference: string;
    notes: string;
  }[];
  errors: { row: number; field: string; message: string }[];
};

let now = new Date("2026-06-20T06:30:00Z");
const clock: Clock = { now: () => now };
let t: TestApp;
let asha: Client;
const chits = { shriram: "", kapil: "" };

beforeAll(async () => {
  t = await startTestApp({ clock });
  asha = await signedInMember(t, "asha@example.com");
  chits.shriram = (
    await createChit(asha, { name: "Shriram A12", chitValue: 100000, members: 20, startDate: "2026-01-05", dueDay: 5 })
  ).id;
  chits.kapil = (
    await createChit(asha, { name: "Kapil 5L", chitValue: 500000, members: 25, startDate: "2026-02-10", dueDay: 10 })
  ).id;
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  now = new Date("2026-06-20T06:30:00Z");
});

const upload = (
  client: Client,
  bytes: Uint8Array | string,
  fields: Record<string, string> = {},
  name = "payments.csv",
) =>
  client.fetch("/api/v1/imports", {
    method: "POST",
    body: multipart(fields, [
      {
        field: "file",
        name,
        bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
        type: "text/csv",
      },
    ]),
  });
const preview = (client: Client, bytes: Uint8Array | string, fields: Record<string, string> = {}) =>
  expectStatus<Preview>(upload(client, bytes, fields), 201);
const commit = (client: Client, id: string) => client.fetch(`/api/v1/imports/${id}/commit`, { method: "POST" });
const paymentCount = async (client: Client) =>
  (await expectStatus<PaymentPageBody>(client.fetch("/api/v1/payments?perPage=1"), 200)).total;

describe("a CSV with one bad row", () => {
  it("is refused with that row's number, imports nothing, and imports everything once fixed", async () => {
    const member = await signedInMember(t, "farah@example.com");
    const chit = await createChit(member, {
      name: "Margadarsi 2L",
      chitValue: 200000,
      members: 20,
      startDate: "2026-01-10",
      dueDay: 10,
    });
    const file = (thirdAmount: string) =>
      [
        "Date,Amount,Chit,Instalment,Reference,Method,Notes",
        `10/01/2026,"10,000",Margadarsi 2L,1,UTR-A1,UPI,first`,
        `10/02/2026,"9,500.00",margadarsi 2l,2,UTR-A2,cash,`,
        `10/03/2026,${thirdAmount},Margadarsi 2L,3,UTR-A3,GPay,`,
      ].join("\r\n");
    const bad = await preview(member, file("ten thousand"));
    expect(bad.ready).toBe(false);
    expect(bad.errors).toEqual([
      { row: 4, field: "amount", message: expect.stringMatching(/"ten thousand" is not an amount/) },
    ]);
    const refused = await expectError(commit(member, bad.id), 409);
    expect(refused.code).toBe("import-has-errors");
    expect(refused.message).toMatch(/row 4/);
    expect(await paymentCount(member)).toBe(0);

    const good = await preview(member, file('"₹9,750"'));
    expect(good.errors).toEqual([]);
    expect(good.ready).toBe(true);
    const done = await expectStatus<{ imported: number; paymentIds: string[] }>(commit(member, good.id), 200);
    expect(done.imported).toBe(3);
    const { payments } = await expectStatus<{
      payments: {
        instalment: number;
        amount: number;
        paidOn: string;
        method: string;
        reference: string;
        notes: string;
      }[];
    }>(member.fetch(`/api/v1/chits/${chit.id}/payments`), 200);
    expect(payments.map((p) => [p.instalment, p.amount, p.paidOn, p.method, p.reference, p.notes])).toEqual([
      [1, 10000, "2026-01-10", "upi", "UTR-A1", "first"],
      [2, 9500, "2026-02-10", "cash", "UTR-A2", ""],
      [3, 9750, "2026-03-10", "upi", "UTR-A3", ""],
    ]);
    // committing twice imports nothing more
    expect((await expectError(commit(member, good.id), 404)).code).toBe("not-found");
    // and the same file again is all duplicates
    const again = await preview(member, file('"₹9,750"'));
    expect(again.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "duplicate"],
      [3, "duplicate"],
      [4, "duplicate"],
    ]);
    expect(again.errors[0]!.message).toMatch(/Reference UTR-A1 is already recorded/);
  });
});

describe("duplicates", () => {
  it("are caught by reference or by chit + date + amount, against the ledger and within the file", async () => {
    await pay(asha, chits.kapil, { instalment: 1, amount: 20000, paidOn: "2026-02-10", reference: "NEFT-77" });
    const csv = [
      "date,amount,chit,reference",
      "2026-03-10,20000,Kapil 5L,neft-77", // same reference as the recorded payment (any case)
      "2026-02-10,20000,Kapil 5L,", // same chit, date, amount as the recorded payment
      "2026-04-10,20000,Kapil 5L,UTR-9",
      "2026-04-11,20000,Kapil 5L,UTR-9", // same reference as row 4
      "2026-05-10,20000,Kapil 5L,",
      "2026-05-10,20000,Kapil 5L,", // same chit, date and amount as row 6
    ].join("\n");
    const p = await preview(asha, csv);
    expect(p.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, "duplicate", expect.stringMatching(/Reference neft-77 is already recorded/)],
      [3, "duplicate", expect.stringMatching(/Already recorded/)],
      [5, "duplicate", "Duplicate. Same reference as row 4."],
      [7, "duplicate", "Duplicate. Same chit, date and amount as row 6."],
    ]);
  });
});

describe("what spreadsheets produce", () => {
  it("reads UTF-16 with semicolons, DD-MM-YYYY dates and rupee amounts with Indian grouping", async () => {
    const text =
      "Paid On;Amount (Rs);Chit Name;UTR No\r\n05-01-2026;₹1,00,000.00;Shriram " +
      "A12;U16-1\r\n05-02-2026;₹5,000;Shriram A12;U16-2\r\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    const p = await preview(asha, bytes);
    expect(p).toMatchObject({ encoding: "utf-16le", delimiter: "semicolon", errors: [] });
    expect(p.columns).toEqual({ date: "Paid On", amount: "Amount (Rs)", chit: "Chit Name", reference: "UTR No" });
    expect(p.rows.map((r) => [r.paidOn, r.amount, r.chit])).toEqual([
      ["2026-01-05", 100000, "Shriram A12"],
      ["2026-02-05", 5000, "Shriram A12"],
    ]);
  });

  it("reads big-endian UTF-16, UTF-8 with a byte-order mark and tabs, and Windows-1252", async () => {
    const be = Buffer.from("date,amount,chit\n2026-01-05,500,Shriram A12\n", "utf16le");
    const beBytes = new Uint8Array([0xfe, 0xff, ...be.map((_, i) => be[i ^ 1]!)]);
    expect((await preview(asha, beBytes)).encoding).toBe("utf-16be");
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode("Date\tAmount\tChit\n05/01/2026\t500\tShriram A12\n"),
    ]);
    expect(await preview(asha, bom)).toMatchObject({ encoding: "utf-8", delimiter: "tab", errors: [] });
    const cp1252 = new Uint8Array([
      ...Buffer.from("Date,Amount,Chit,Notes\n05/01/2026,501,Shriram A12,Caf"),
      0xe9,
      0x20,
      0x96,
      0x20,
      0x80,
      0x0a,
    ]);
    const p = await preview(asha, cp1252);
    expect(p.encoding).toBe("windows-1252");
    expect(p.rows[0]!.notes).toBe("Café – €");
  });

  it("follows a column mapping, and puts rows without an instalment on the first unpaid ones", async () => {
    const csv = "When,Rs,Group\n05/01/2026,5000,Shriram A12\n05/02/2026,3000,Shriram A12\n06/02/2026,575,Shriram A12\n";
    const missing = await expectError(upload(asha, csv), 400);
    expect(missing.code).toBe("missing-columns");
    expect(missing.message).toMatch(/No date column.*"When", "Rs", "Group"/);
    // "Rs" and "Group" are names people use for amount and chit
    expect(Object.keys(missing.fields ?? {})).toEqual(["date"]);
    const p = await preview(asha, csv, { mapping: JSON.stringify({ date: "When" }) });
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.instalment)).toEqual([1, 2, 2]);
    expect((await expectError(upload(asha, csv, { mapping: "{not json" }), 400)).code).toBe("invalid-mapping");
  });

  it("takes a default chit for a file without a chit column", async () => {
    const p = await preview(asha, "Date,Amount\n05/01/2026,5000\n", { chit: "kapil 5l" });
    expect(p.rows[0]).toMatchObject({ chitId: chits.kapil, chit: "Kapil 5L" });
  });

  it("explains row by row what is wrong", async () => {
    const csv = [
      "date,amount,chit,instalment,method",
      "31/02/2026,101,Shriram A12,,",
      "05/01/26,102,Shriram A12,,",
      "05/01/2027,103,Shriram A12,,",
      "05/01/2026,0,Shriram A12,,",
      "05/01/2026,105,No Such Chit,,",
      "05/01/2026,106,Shriram A12,21,",
      "05/01/2026,107,Shriram A12,1,barter",
      "05/01/2026,1,00,000,Shriram A12,1,upi", // an unquoted Indian amount splits into extra cells
    ].join("\n");
    const p = await preview(asha, csv);
    const byRow: Record<number, string> = {};
    for (const e of p.errors) byRow[e.row] ??= `${e.field}: ${e.message}`;
    expect(byRow[2]).toMatch(/^date: .*not a real day/);
    expect(byRow[3]).toMatch(/^date: .*two-digit year/);
    expect(byRow[4]).toMatch(/^date: .*in the future/);
    expect(byRow[5]).toMatch(/^amount: .*more than zero/);
    expect(byRow[6]).toMatch(/^chit: No chit of yours is named "No Such Chit". Your chits: .*"Shriram A12"/);
    expect(byRow[7]).toMatch(/^instalment: .*past the chit's last instalment \(20\)/);
    expect(byRow[8]).toMatch(/^method: /);
    expect(p.errors.find((e) => e.row === 9)?.message).toMatch(/must be in quotes/);
  });
});

describe("files refused as a whole, with nothing imported", () => {
  it("a wrong delimiter, broken encoding, an empty file or no file", async () => {
    expect((await expectError(upload(asha, "date|amount|chit\n05/01/2026|5|Shriram A12\n"), 400)).message).toMatch(
      /no comma, semicolon or tab/,
    );
    const broken = new Uint8Array([
      ...new TextEncoder().encode("date,amount,chit\n05/01/2026,₹5,Shriram A12,"),
      0xe9,
      0x0a,
    ]);
    expect((await expectError(upload(asha, broken), 400)).message).toMatch(/damaged/);
    expect(
      (
        await expectError(
          upload(asha, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
          400,
        )
      ).message,
    ).toMatch(/binary|damaged/);
    expect((await expectError(upload(asha, "date,amount,chit\n"), 400)).message).toMatch(/no payments/);
    const noFile = await expectError(
      asha.fetch("/api/v1/imports", { method: "POST", body: multipart({ chit: "x" }) }),
      400,
    );
    expect(noFile.fields).toHaveProperty("file");
    expect((await expectError(asha.json("/api/v1/imports", { file: "x" }), 415)).code).toBe("multipart-required");
  });

  it("100,000 rows: too many, said plainly", async () => {
    const before = await paymentCount(asha);
    const lines = ["date,amount,chit"];
    for (let i = 0; i < 100_000; i++) lines.push(`05/01/2026,${i + 1},Shriram A12`);
    const error = await expectError(upload(asha, lines.join("\n")), 413);
    expect(error.code).toBe("too-many-rows");
    expect(error.message).toMatch(/1,00,000 rows; at most 10,000/);
    expect(await paymentCount(asha)).toBe(before);
  });
});

describe("previews", () => {
  it("live in the database, belong to their member, and expire after a day", async () => {
    const p = await preview(asha, "date,amount,chit\n05/06/2026,77,Shriram A12\n");
    expect(await t.db.importPreviewCount(p.id)).toBe(1);
    const other = await signedInMember(t, "gita@example.com");
    expect((await expectError(commit(other, p.id), 404)).code).toBe("not-found");
    expect((await expectError(other.fetch(`/api/v1/imports/${p.id}`), 404)).code).toBe("not-found");
    expect((await expectStatus<Preview>(asha.fetch(`/api/v1/imports/${p.id}`), 200)).rows).toHaveLength(1);
    now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    expect((await expectError(commit(asha, p.id), 404)).message).toMatch(/expired/);
  });

  it("are checked again at commit: a payment recorded meanwhile makes the row a duplicate", async () => {
    const p = await preview(asha, "date,amount,chit,reference\n07/06/2026,88,Shriram A12,LATE-1\n");
    expect(p.ready).toBe(true);
    await pay(asha, chits.shriram, { amount: 88, paidOn: "2026-06-07", reference: "LATE-1" });
    const before = await paymentCount(asha);
    expect((await expectError(commit(asha, p.id), 409)).message).toMatch(/changed since this preview/);
    expect(await paymentCount(asha)).toBe(before);
  });
});

describe("the import pages", () => {
  it("upload, see the bad row marked, fix the mapping, and import", async () => {
    const hema = await signedInMember(t, "hema@example.com");
    await createChit(hema, {
      name: "Sriram Group",
      chitValue: 100000,
      members: 20,
      startDate: "2026-01-05",
      dueDay: 5,
    });
    const page = await hema.fetch("/imports");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Import payments from a spreadsheet");

    const send = (path: string, form: FormData) =>
      hema.fetch(path, { method: "POST", body: form, headers: { origin: BASE } });
    const file = (csv: string) =>
      multipart({ _csrf: hema.csrf, chit: "" }, [
        { field: "file", name: "mine.csv", bytes: new TextEncoder().encode(csv), type: "text/csv" },
      ]);

    const uploaded = await send(
      "/imports",
      file("When,Paid,Group\n05/01/2026,5000,Sriram Group\n05/02/2026,abc,Sriram Group\n"),
    );
    expect(uploaded.status).toBe(303);
    const previewPath = uploaded.headers.get("location")!;
    expect(previewPath).toMatch(/^\/imports\/[0-9a-f-]{36}$/);
    const first = await (await hema.fetch(previewPath)).text();
    expect(first).toContain("No date column"); // "When" is not a known name: map it
    const remapped = await hema.form(`${previewPath}/mapping`, {
      map_date: "When",
      map_amount: "Paid",
      map_chit: "Group",
      map_instalment: "",
      map_reference: "",
      map_method: "",
      map_notes: "",
      chit: "",
    });
    expect(remapped.status).toBe(303);
    const second = await (await hema.fetch(previewPath)).text();
    expect(second).toMatch(/<tr class="table-danger" id="row-3">[\s\S]*&quot;abc&quot; is not an amount/);
    expect(second).not.toContain("Import 2 payments");
    const refused = await hema.form(`${previewPath}/commit`, {});
    expect(refused.status).toBe(409);

    const fixed = await send(
      "/imports",
      file("Date,Amount,Chit\n05/01/2026,5000,Sriram Group\n05/02/2026,3575,Sriram Group\n"),
    );
    const ready = await (await hema.fetch(fixed.headers.get("location")!)).text();
    expect(ready).toContain("All 2 rows are ready to import.");
    const done = await hema.form(`${fixed.headers.get("location")}/commit`, {});
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/imports?imported=2");
    expect(await (await hema.fetch("/imports?imported=2")).text()).toContain("Imported 2 payments.");
    expect(await paymentCount(hema)).toBe(2);
  });

  it("shows a file-level problem on the upload page", async () => {
    const send = await asha.fetch("/imports", {
      method: "POST",
      headers: { origin: BASE },
      body: multipart({ _csrf: asha.csrf || "x" }, [
        { field: "file", name: "x.csv", bytes: new TextEncoder().encode("a|b\n1|2\n"), type: "text/csv" },
      ]),
    });
    expect(send.status).toBe(400);
    expect(await send.text()).toContain("no comma, semicolon or tab");
  });
});
