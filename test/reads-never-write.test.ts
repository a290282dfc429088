// Reads never write: the summary and the dashboard leave the store as they found it. Overdue instalments still become
// in-app notices, once each, from the reminder job, in the member's own language, whatever reminders they chose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReminders } from "../src/app/send-reminders.ts";
import { translatorFor } from "../src/i18n/index.ts";
import { say } from "../src/i18n/words.ts";
import type { Notification } from "../src/ports/ledger.ts";
import { expectStatus } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { addChit, fixedClock, memberId } from "./support/ledger-pages.ts";

let t: TestApp;
let asha: Client;
let ravi: Client;
let ashaId: string;
let raviId: string;

const notices = async (ownerId: string): Promise<Notification[]> =>
  t.services.ledger.notifications.list(ownerId, { limit: 1000 });
const overdueNotices = async (ownerId: string) => (await notices(ownerId)).filter((n) => n.kind === "overdue");

beforeAll(async () => {
  // Today is 15 Mar 2026 (10:00 in Kolkata); both chits started in 2025, so instalments are overdue.
  t = await startTestApp({ clock: fixedClock });
  asha = await signedInMember(t, "asha@example.com");
  ravi = await signedInMember(t, "ravi@example.com");
  ashaId = await memberId(t, "asha@example.com");
  raviId = await memberId(t, "ravi@example.com");
  await addChit(asha, {
    name: "Kaveri 1L",
    chitValue: "1,00,000",
    members: "20",
    startDate: "2025-11-05",
    dueDay: "5",
  });
  await addChit(ravi, {
    name: "Godavari 50K",
    chitValue: "50,000",
    members: "10",
    startDate: "2025-12-10",
    dueDay: "10",
  });
  // Ravi reads in Hindi and has asked for no reminders at all.
  await t.services.members.update(raviId, {
    locale: "hi",
    reminders: { days: [], overdue: false, digest: false, channels: [], ntfyTopic: null, telegramChatId: null },
  });
});
afterAll(async () => {
  await t.close();
});

describe("GET /api/v1/summary", () => {
  it("twice in a row writes no notification, and neither does the dashboard", async () => {
    const before = await notices(ashaId);
    const revision = await t.services.ledger.chits.revision(ashaId);
    const first = await expectStatus<{ overdue: unknown[] }>(asha.fetch("/api/v1/summary"), 200);
    expect(first.overdue.length).toBeGreaterThan(0);
    await expectStatus(asha.fetch("/api/v1/summary"), 200);
    expect((await asha.fetch("/dashboard")).status).toBe(200);
    expect((await asha.fetch("/chits")).status).toBe(200);
    expect(await notices(ashaId)).toEqual(before);
    expect(await overdueNotices(ashaId)).toHaveLength(0);
    expect(await t.services.ledger.chits.revision(ashaId)).toBe(revision);
  });
});

describe("the reminder job", () => {
  it("gives each overdue instalment one in-app notice, in the member's language, even with reminders off", async () => {
    const summary = await expectStatus<{ overdue: { chitId: string; number: number }[] }>(
      asha.fetch("/api/v1/summary"),
      200,
    );
    await sendReminders(t.services.reminders);
    const ashas = await overdueNotices(ashaId);
    expect(ashas.map((n) => n.dedupeKey).sort()).toEqual(
      summary.overdue.map((o) => `overdue:${o.chitId}:${o.number}`).sort(),
    );
    expect(ashas[0]!.message).toMatch(/^Kaveri 1L, instalment \d+: ₹[\d,]+ was due/);

    const hindi = translatorFor("hi");
    const raviNotices = await overdueNotices(raviId);
    expect(raviNotices.length).toBeGreaterThan(0);
    // kept as words, said in the member's language when they look: Ravi reads them in Hindi on his notifications page
    for (const n of raviNotices) {
      const said = say(hindi, n.words!);
      expect(said).toContain("Godavari 50K");
      expect(said).toMatch(/[\u0900-\u097F]/); // Devanagari: said in Hindi
    }
    const page = await (await ravi.fetch("/notifications")).text();
    expect(page).toContain(say(hindi, raviNotices[0]!.words!));
    expect(hindi("reminders.yesterday")).not.toBe(translatorFor("en")("reminders.yesterday"));

    // Another run, and more reads: nothing new.
    const count = (await notices(ashaId)).length + (await notices(raviId)).length;
    await sendReminders(t.services.reminders);
    await expectStatus(ravi.fetch("/api/v1/summary"), 200);
    expect((await notices(ashaId)).length + (await notices(raviId)).length).toBe(count);
  });
});
