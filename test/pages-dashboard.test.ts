// The dashboard shows the first few of each list and links to the rest, so its size does not grow with a member's
// chits: overdue and upcoming instalments page on the dues pages (and GET /api/v1/dues), chit cards on the chit list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChit } from "../src/app/create-chit.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { fixedClock, memberId, text } from "./support/ledger-pages.ts";

let t: TestApp;
let member: Client;
const CHITS = 14;
beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock }); // 15 March 2026
  member = await signedInMember(t, "many-chits@example.com");
  const ownerId = await memberId(t, "many-chits@example.com");
  const who = (await t.services.members.findByEmail("many-chits@example.com"))!;
  for (let i = 0; i < CHITS; i++) {
    // Started on 5 March 2025: thirteen instalments are past their due date (the first paid in part), the next is 5
    // April.
    const chit = await createChit(t.services.ledger, ownerId, {
      name: `Chit ${String(i + 1).padStart(2, "0")}`,
      chitValue: 100000,
      members: 20,
      startDate: "2025-03-05",
      dueDay: 5,
    });
    // The first instalment paid, in the chart's months: one bar per chit for some, the rest summed.
    await recordPayment(
      t.services.ledger,
      who,
      chit.id,
      { instalment: 1, amount: 100 * (i + 1), paidOn: "2025-12-05", method: "upi" },
      [],
    );
  }
}, 60_000);
afterAll(() => t.close());

const list = (html: string, label: string) => {
  const block = new RegExp(`<ul class="list-group" aria-label="${label}">([\\s\\S]*?)</ul>`).exec(html)?.[1] ?? "";
  return block.match(/<li /g)?.length ?? 0;
};

describe("the dashboard's lists", () => {
  it(
    "show the first overdue instalments, the most urgent chits and a bounded chart, with " + "links to all of them",
    async () => {
      const res = await member.fetch("/dashboard");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(list(html, "Overdue instalments")).toBe(8);
      const all = /<a href="\/dues\?status=overdue">All (\d+) overdue instalments<\/a>/.exec(html);
      expect(all, "a link to every overdue instalment").not.toBeNull();
      expect(Number(all![1])).toBe(13 * CHITS);
      expect(html.match(/class="card card-chit h-100"/g)).toHaveLength(12);
      expect(html).toContain(`<a href="/chits">All ${CHITS} chits</a>`);
      const chart = JSON.parse(/data-chart="([^"]*)"/.exec(html)![1]!.replaceAll("&quot;", '"')) as {
        byChit: { name: string }[];
      };
      expect(chart.byChit).toHaveLength(9);
      expect(chart.byChit.at(-1)!.name).toBe("6 other chits");
      expect(chart.byChit[0]!.name).toBe("Chit 14"); // paid the most
    },
  );

  it("page every overdue instalment on the dues pages and through the API alike", async () => {
    const api = (await (await member.fetch("/api/v1/dues?perPage=50")).json()) as {
      status: string;
      items: { chitName: string; number: number; dueDate: string }[];
      total: number;
      pages: number;
    };
    expect(api.status).toBe("overdue");
    expect(api.items).toHaveLength(50);
    const pages = Math.ceil(api.total / 25);
    const first = text(await (await member.fetch("/dues")).text());
    expect(first).toContain(`${api.total} instalments`);
    expect(first).toContain(`Page 1 of ${pages}`);
    const last = await (await member.fetch(`/dues?status=overdue&page=${pages}`)).text();
    expect(last.match(/<tr>/g)!.length - 1).toBe(api.total - 25 * (pages - 1)); // rows less the header
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(api.total / 50); page++) {
      const body = (await (await member.fetch(`/api/v1/dues?perPage=50&page=${page}`)).json()) as typeof api;
      for (const d of body.items) seen.add(`${d.chitName}#${d.number}`);
    }
    expect(seen.size).toBe(api.total);
    const upcoming = (await (await member.fetch("/api/v1/dues?status=upcoming")).json()) as typeof api;
    expect(upcoming.total).toBe(CHITS); // the 5 April instalment of each
    expect((await member.fetch("/dues?status=soon")).status).toBe(400);
  });
});

describe("the chit list", () => {
  it("pages the chits in the store, oldest first, on the page and through the API alike", async () => {
    type ChitListBody = {
      chits: { name: string; summary: { paidInstalments: number } }[];
      total: number;
      page: number;
      perPage: number;
      pages: number;
    };
    const all = (await (await member.fetch("/api/v1/chits")).json()) as ChitListBody;
    expect(all).toMatchObject({ total: CHITS, page: 1, perPage: 60, pages: 1 });
    const third = (await (await member.fetch("/api/v1/chits?perPage=5&page=3")).json()) as ChitListBody;
    expect(third).toMatchObject({ total: CHITS, page: 3, perPage: 5, pages: 3 });
    // Created at the same moment (a fixed clock), so the id decides the order: the pages split the whole list.
    expect(third.chits.map((c) => c.name)).toEqual(all.chits.slice(10).map((c) => c.name));
    const html = await (await member.fetch("/chits?perPage=5&page=2")).text();
    expect(html.match(/<article class="card card-chit/g)).toHaveLength(5);
    expect(text(html)).toContain("Page 2 of 3");
    expect(html).toContain('href="/chits?page=3"');
    expect((await member.fetch("/api/v1/chits?perPage=501")).status).toBe(400);
  });
});
