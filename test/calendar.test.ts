// The calendar: the month page, and the private ICS feed (valid iCalendar, one event per open instalment, revocable).
import { afterEach, describe, expect, it } from "vitest";
import { createChit } from "../src/app/create-chit.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import { updateChit } from "../src/app/update-chit.ts";
import { escapeText, foldLine, icsCalendar } from "../src/web/ics.ts";
import { BASE, signedInMember, startTestApp, type TestApp } from "./support/app.ts";

const clock = { now: () => new Date("2026-03-15T04:30:00Z") }; // 15 Mar 2026, 10:00 in India

let t: TestApp;
afterEach(async () => {
  await t.close();
});

/** Unfolds continuation lines and returns the content lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");
const events = (ics: string) => ics.split("BEGIN:VEVENT").slice(1);

async function memberWithLedger(email = "asha@example.com") {
  const client = await signedInMember(t, email);
  const member = (await t.services.members.findByEmail(email))!;
  const chit = await createChit(t.services.ledger, member.id, {
    name: "Kapil, B7; the \\ group with a long name so its summary line folds",
    chitValue: 100000,
    members: 10,
    startDate: "2026-01-31",
    dueDay: 31,
  });
  // Instalments 1 and 2 paid in full, 3 part-paid: 7 of 10 stay open plus the part-paid one.
  for (const [n, amount, on] of [
    [1, "10000", "2026-01-31"],
    [2, "10000", "2026-02-28"],
    [3, "4000", "2026-03-10"],
  ] as const) {
    await recordPayment(t.services.ledger, member, chit.id, {
      instalment: String(n),
      amount,
      paidOn: on,
      method: "upi",
    });
  }
  const closed = await createChit(t.services.ledger, member.id, {
    name: "Closed one",
    chitValue: 50000,
    members: 5,
    startDate: "2026-01-05",
    dueDay: 5,
  });
  await updateChit(t.services.ledger, member.id, closed.id, { status: "closed" });
  return { client, member, chit };
}

describe("the ICS feed", () => {
  it(
    "answers text/calendar with a VCALENDAR holding one all-day VEVENT per open " + "instalment, CRLF and folded",
    async () => {
      t = await startTestApp({ clock });
      const { client, chit } = await memberWithLedger();
      const { url } = (await (await client.fetch("/api/v1/calendar/feed")).json()) as { url: string };
      expect(url).toMatch(new RegExp(`^${BASE}/api/v1/calendar/[A-Za-z0-9]+\\.[A-Za-z0-9_-]{43}\\.ics$`));

      const res = await t.app.request(url); // no cookie: a calendar app fetching it
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const ics = await res.text();
      expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
      expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line ends in CRLF
      for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

      const vevents = events(ics);
      expect(vevents).toHaveLength(8); // instalments 3 (part-paid) to 10; none of the closed chit
      const lines = unfold(ics);
      expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(8);
      expect(lines).toContain(`UID:${chit.id}-4@chitfunds-ledger`);
      expect(lines).toContain("DTSTART;VALUE=DATE:20260430"); // due day 31 -> 30 April
      expect(lines).toContain("DTEND;VALUE=DATE:20260501");
      expect(lines).toContain(
        "SUMMARY:Kapil\\, B7\\; the \\\\ group with a long name so its summary line folds · instalment 4 · ₹10\\,000",
      ); // the amount's comma escaped too
      expect(lines).toContain(
        "SUMMARY:Kapil\\, B7\\; the \\\\ group with a long name so its summary line folds · " +
          "instalment 3 · ₹10\\,000 (₹6\\,000 left)",
      );
      expect(
        lines.some((l) => l.startsWith("DESCRIPTION:") && l.includes(`/chits/${chit.id}/payments/new?instalment=4`)),
      ).toBe(true);
      expect(lines).not.toContain("DTSTART;VALUE=DATE:20260228"); // paid

      const again = await (await t.app.request(url)).text();
      // stable UIDs
      expect(unfold(again).filter((l) => l.startsWith("UID:"))).toEqual(lines.filter((l) => l.startsWith("UID:")));
    },
  );

  it("keeps the same URL until the member rotates it; then the old one is 404 and the new one works", async () => {
    t = await startTestApp({ clock });
    const { client } = await memberWithLedger();
    const first = ((await (await client.fetch("/api/v1/calendar/feed")).json()) as { url: string }).url;
    expect(((await (await client.fetch("/api/v1/calendar/feed")).json()) as { url: string }).url).toBe(first);

    const rotated = await client.json("/api/v1/calendar/feed/rotate", {});
    expect(rotated.status).toBe(200);
    const second = ((await rotated.json()) as { url: string }).url;
    expect(second).not.toBe(first);
    const old = await t.app.request(first);
    expect(old.status).toBe(404);
    expect((await old.json()).error.code).toBe("not-found");
    expect((await t.app.request(second)).status).toBe(200);
    expect(((await (await client.fetch("/api/v1/calendar/feed")).json()) as { url: string }).url).toBe(second);
  });

  it("needs a signed-in member to see or rotate the URL; a made-up or tampered secret is 404", async () => {
    t = await startTestApp({ clock });
    const { client, member } = await memberWithLedger();
    expect((await t.client.fetch("/api/v1/calendar/feed")).status).toBe(401);
    expect((await t.client.json("/api/v1/calendar/feed/rotate", {})).status).toBe(401);
    const url = ((await (await client.fetch("/api/v1/calendar/feed")).json()) as { url: string }).url;
    const tampered = url.replace(/([A-Za-z0-9_-])\.ics$/, (_, c: string) => `${c === "A" ? "B" : "A"}.ics`);
    expect((await t.app.request(tampered)).status).toBe(404);
    expect((await t.app.request(`${BASE}/api/v1/calendar/${member.id}.nothing.ics`)).status).toBe(404);
    // A banned member's feed stops too.
    await t.services.members.update(member.id, { banned: true });
    expect((await t.app.request(url)).status).toBe(404);
  });

  it("is shown and rotated on the settings page", async () => {
    t = await startTestApp({ clock });
    const { client } = await memberWithLedger();
    expect((await client.form("/settings/calendar-feed", {})).headers.get("location")).toBe(
      "/settings/reminders?notice=feed-created",
    );
    const page = await (await client.fetch("/settings/reminders")).text();
    const shown = page.match(/value="(http:\/\/localhost:3000\/api\/v1\/calendar\/[^"]+\.ics)"/)?.[1];
    expect(shown).toBeDefined();
    expect((await t.app.request(shown!)).status).toBe(200);
    await client.form("/settings/calendar-feed/rotate", {});
    expect((await t.app.request(shown!)).status).toBe(404);
  });
});

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const line = `SUMMARY:${"₹".repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("writes an empty calendar when nothing is open", () => {
    expect(icsCalendar({ name: "x", stamp: new Date("2026-01-01T00:00:00Z"), events: [] })).toBe(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ChitFunds Ledger//Dues//EN\r\nCALSCALE:GREGORIAN\r\n" +
        "METHOD:PUBLISH\r\nX-WR-CALNAME:x\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\nX-PUBLISHED-TTL:PT6H\r\n" +
        "END:VCALENDAR\r\n",
    );
  });
});

describe("the calendar page", () => {
  it("shows a month of due dates across chits with status and payable, and moves between months", async () => {
    t = await startTestApp({ clock });
    const { client, chit } = await memberWithLedger();
    const page = await (await client.fetch("/calendar")).text();
    expect(page).toContain("March 2026");
    expect(page).toContain('<time datetime="2026-03-31">31</time>');
    expect(page).toContain(`href="/chits/${chit.id}/payments/new?instalment=3"`);
    expect(page).toMatch(/Part-paid<\/span>/);
    expect(page).toContain("₹6,000"); // what is left of instalment 3
    expect(page).toContain('href="/calendar?month=2026-02"');
    expect(page).toContain('href="/calendar?month=2026-04"');
    expect(page).toContain('aria-current="date"'); // today, 15 March
    expect(page).toMatch(/<link rel="stylesheet" href="\/assets\/calendar\.[0-9a-f]{10}\.css"\/>/);

    const april = await (await client.fetch("/calendar?month=2026-04")).text();
    expect(april).toContain("April 2026");
    expect(april).toContain('<time datetime="2026-04-30">30</time>');
    expect(april).toContain(`href="/chits/${chit.id}/payments/new?instalment=4"`);
    expect(april).toMatch(/Due<\/span>|Upcoming<\/span>/);

    const february = await (await client.fetch("/calendar?month=2026-02")).text();
    expect(february).toContain("Paid</span>");
    expect(february).not.toContain("Closed one"); // closed chits do not count

    expect(await (await client.fetch("/calendar?month=nonsense")).text()).toContain("March 2026");
    expect((await t.client.fetch("/calendar")).status).toBe(303);
    expect((await t.app.request("/assets/calendar.css")).status).toBe(200);
  });

  it("has a Calendar item in the menu", async () => {
    t = await startTestApp({ clock });
    const client = await signedInMember(t, "nav@example.com");
    const html = await (await client.fetch("/dashboard")).text();
    expect(html).toContain('href="/calendar"');
    expect(html).toContain("data-unread-count");
    expect(html).toMatch(/src="\/assets\/notifications-live\.[0-9a-f]{10}\.js"/);
  });
});
