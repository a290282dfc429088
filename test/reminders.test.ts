// The reminder job against the real embedded store and a real SMTP capture, with a clock the test moves: the right days
// in Asia/Kolkata (month ends, leap day), once only across restarts and instances, digests, retries, in-app notices.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createChit } from "../src/app/create-chit.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import { type ReminderDeps, sendReminders } from "../src/app/send-reminders.ts";
import { composeServices } from "../src/compose.ts";
import type { LeaseLock } from "../src/ports/lease-lock.ts";
import type { Member } from "../src/ports/member-repository.ts";
import { startTestApp, type TestApp } from "./support/app.ts";

/** A clock the test sets: `clock.set("2026-04-26T18:30:00Z")`. */
function movableClock(start: string) {
  let at = new Date(start);
  return {
    now: () => at,
    set(iso: string) {
      at = new Date(iso);
    },
  };
}

let t: TestApp | undefined;
const extra: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await t?.close();
  t = undefined;
});

async function memberWithChit(
  app: TestApp,
  email: string,
  chit: { startDate: string; dueDay: number; name?: string },
  reminders?: Partial<Member["reminders"]>,
) {
  let member = await app.services.members.upsertWithPassword({
    email,
    name: "Asha Rao",
    password: "a long pass phrase",
  });
  if (reminders)
    member = await app.services.members.update(member.id, { reminders: { ...member.reminders, ...reminders } });
  const created = await createChit(app.services.ledger, member.id, {
    name: chit.name ?? "Kapil B7",
    chitValue: 100000,
    members: 20,
    ...chit,
  });
  return { member, chit: created };
}

const mailsTo = (app: TestApp, email: string) => app.smtp!.mails.filter((m) => m.to.includes(email));

describe("reminders fire on the member's days in Asia/Kolkata", () => {
  it("3 days before and on a month-end due date (day 31 -> 30 April), then the overdue notice on 1 May", async () => {
    const clock = movableClock("2026-04-26T18:29:00Z"); // 23:59 on 26 April in India
    t = await startTestApp({ clock });
    const { chit } = await memberWithChit(t, "asha@example.com", { startDate: "2026-01-31", dueDay: 31 });
    const run = () => sendReminders(t!.services.reminders);

    await run();
    expect(mailsTo(t, "asha@example.com")).toEqual([]); // 4 days before in India (it is the 27th in UTC+0 nowhere yet)

    clock.set("2026-04-26T18:30:00Z"); // midnight: 27 April in India, 3 days before 30 April
    expect(await run()).toMatchObject({ ran: true, sent: 1 });
    const [first] = mailsTo(t, "asha@example.com");
    expect(first?.subject).toBe("Due in 3 days: Kapil B7 instalment 4, ₹5,000 on 30 Apr 2026");
    expect(first?.text).toContain(`http://localhost:3000/chits/${chit.id}/payments/new?instalment=4`);
    expect(first?.text).toContain("Payable: ₹5,000 (after dividend)");

    for (const day of ["2026-04-28T04:30:00Z", "2026-04-29T04:30:00Z"]) {
      clock.set(day);
      await run();
    }
    expect(mailsTo(t, "asha@example.com")).toHaveLength(1);

    clock.set("2026-04-30T00:00:00Z"); // 05:30 on the due date in India
    await run();
    expect(mailsTo(t, "asha@example.com").map((m) => m.subject)).toEqual([
      "Due in 3 days: Kapil B7 instalment 4, ₹5,000 on 30 Apr 2026",
      "Due today: Kapil B7 instalment 4, ₹5,000 on 30 Apr 2026",
    ]);

    clock.set("2026-04-30T18:30:00Z"); // 1 May in India
    await run();
    expect(mailsTo(t, "asha@example.com").at(-1)?.subject).toBe(
      "Overdue: Kapil B7 instalment 4 (₹5,000) was due 30 Apr 2026",
    );
    await run();
    expect(mailsTo(t, "asha@example.com")).toHaveLength(3);
  });

  it("on a leap day (29 Feb 2028), 3 days before, on the day and the day after", async () => {
    const clock = movableClock("2028-02-25T18:30:00Z"); // 26 Feb 2028 in India
    t = await startTestApp({ clock });
    await memberWithChit(t, "leap@example.com", { startDate: "2028-01-30", dueDay: 30, name: "Leap group" });
    await memberWithChit(t, "common@example.com", { startDate: "2027-01-30", dueDay: 30, name: "Common group" });
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "leap@example.com").map((m) => m.subject)).toEqual([
      "Due in 3 days: Leap group instalment 2, ₹5,000 on 29 Feb 2028",
    ]);
    // The 2027 chit's instalment 14 falls on 29 Feb 2028 too; its 28 Feb 2027 instalment is long past (no burst of old
    // notices).
    expect(mailsTo(t, "common@example.com").map((m) => m.subject)).toEqual([
      "Due in 3 days: Common group instalment 14, ₹5,000 on 29 Feb 2028",
    ]);

    clock.set("2028-02-29T03:00:00Z");
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "leap@example.com").at(-1)?.subject).toBe(
      "Due today: Leap group instalment 2, ₹5,000 on 29 Feb 2028",
    );

    clock.set("2028-02-29T18:30:00Z"); // 1 March in India
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "leap@example.com").at(-1)?.subject).toBe(
      "Overdue: Leap group instalment 2 (₹5,000) was due 29 Feb 2028",
    );
  });

  it("28 Feb in a common year", async () => {
    const clock = movableClock("2027-02-24T18:30:00Z"); // 25 Feb 2027 in India
    t = await startTestApp({ clock });
    await memberWithChit(t, "common@example.com", { startDate: "2027-01-31", dueDay: 31 });
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "common@example.com").map((m) => m.subject)).toEqual([
      "Due in 3 days: Kapil B7 instalment 2, ₹5,000 on 28 Feb 2027",
    ]);
  });

  it("stops once the instalment is paid, and follows the member's own days", async () => {
    const clock = movableClock("2026-03-05T04:30:00Z");
    t = await startTestApp({ clock });
    const { member, chit } = await memberWithChit(
      t,
      "ravi@example.com",
      { startDate: "2026-01-10", dueDay: 10 },
      { days: [5, 1], overdue: true },
    );
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "ravi@example.com").map((m) => m.subject)).toEqual([
      "Due in 5 days: Kapil B7 instalment 3, ₹5,000 on 10 Mar 2026",
    ]);
    await recordPayment(t.services.ledger, member, chit.id, {
      instalment: "3",
      amount: "5000",
      paidOn: "2026-03-05",
      method: "upi",
    });
    for (const day of ["2026-03-09T04:30:00Z", "2026-03-11T04:30:00Z"]) {
      clock.set(day);
      await sendReminders(t.services.reminders);
    }
    expect(mailsTo(t, "ravi@example.com")).toHaveLength(1);
  });

  it("waits for REMINDER_HOUR on the member's clock", async () => {
    const clock = movableClock("2026-03-07T01:00:00Z"); // 06:30 in India
    t = await startTestApp({ clock, env: { REMINDER_HOUR: "8" } });
    await memberWithChit(t, "early@example.com", { startDate: "2026-01-10", dueDay: 10 });
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "early@example.com")).toEqual([]);
    clock.set("2026-03-07T02:30:00Z"); // 08:00 in India
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "early@example.com")).toHaveLength(1);
  });
});

describe("never the same reminder twice", () => {
  it("not after a restart: new services on the same DATA_DIR remember what was sent", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    await memberWithChit(t, "asha@example.com", { startDate: "2026-01-10", dueDay: 10 });
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "asha@example.com")).toHaveLength(1);

    await t.services.close(); // the process stops...
    // ...and starts again
    const restarted = await composeServices(t.services.config, { log: pino({ level: "silent" }), clock });
    extra.push(restarted);
    expect(await sendReminders(restarted.reminders)).toMatchObject({ ran: true, sent: 0 });
    expect(mailsTo(t, "asha@example.com")).toHaveLength(1);
  });

  it("not with two app instances running the job at the same moment on one store: one email", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    await memberWithChit(t, "asha@example.com", { startDate: "2026-01-10", dueDay: 10 });
    const second = await composeServices(t.services.config, { log: pino({ level: "silent" }), clock });
    extra.push(second);
    const runs = await Promise.all([sendReminders(t.services.reminders), sendReminders(second.reminders)]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1); // the lease let one run
    expect(mailsTo(t, "asha@example.com")).toHaveLength(1);
  });

  it("not even when the lease is lost: the log's atomic claim still lets only one instance send", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    await memberWithChit(t, "asha@example.com", { startDate: "2026-01-10", dueDay: 10 });
    const second = await composeServices(t.services.config, { log: pino({ level: "silent" }), clock });
    extra.push(second);
    const noLease: LeaseLock = { acquire: async () => true, release: async () => {} };
    const runs = await Promise.all([
      sendReminders({ ...t.services.reminders, leases: noLease }),
      sendReminders({ ...second.reminders, leases: noLease }),
      sendReminders({ ...t.services.reminders, leases: noLease, instanceId: "third" }),
    ]);
    expect(runs.every((r) => r.ran)).toBe(true);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(mailsTo(t, "asha@example.com")).toHaveLength(1);
  });

  it("an instance that died holding the lease blocks others only until it expires", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    await memberWithChit(t, "asha@example.com", { startDate: "2026-01-10", dueDay: 10 });
    const leases = t.services.reminders.leases;
    expect(
      await leases.acquire("reminders", "crashed-instance", clock.now(), new Date(clock.now().getTime() + 5 * 60_000)),
    ).toBe(true);
    expect(await sendReminders(t.services.reminders)).toMatchObject({ ran: false });
    clock.set("2026-03-07T04:36:00Z");
    expect(await sendReminders(t.services.reminders)).toMatchObject({ ran: true, sent: 1 });
  });

  it("a failed email gives its claim back, so the next run sends it", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    await memberWithChit(t, "asha@example.com", { startDate: "2026-01-10", dueDay: 10 });
    const [email, ...others] = t.services.reminders.notifiers;
    const failing: ReminderDeps = {
      ...t.services.reminders,
      notifiers: [
        {
          ...email!,
          send: async () => {
            throw new Error("SMTP down");
          },
        },
        ...others,
      ],
    };
    expect(await sendReminders(failing)).toMatchObject({ sent: 0, failed: 1 });
    expect(await sendReminders(t.services.reminders)).toMatchObject({ sent: 1, failed: 0 });
    expect(mailsTo(t, "asha@example.com")).toHaveLength(1);
  });
});

describe("what a member receives", () => {
  it("one daily digest listing every reminder, instead of a mail each; nothing more that day", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    const { member } = await memberWithChit(
      t,
      "digest@example.com",
      { startDate: "2026-01-10", dueDay: 10, name: "Kapil B7" },
      { digest: true },
    );
    await createChit(t.services.ledger, member.id, {
      name: "Shriram 2L",
      chitValue: 200000,
      members: 20,
      startDate: "2026-01-07",
      dueDay: 7,
    });
    expect(await sendReminders(t.services.reminders)).toMatchObject({ sent: 2 });
    const mails = mailsTo(t, "digest@example.com");
    expect(mails.map((m) => m.subject)).toEqual(["Your chit dues, 7 Mar 2026: Shriram 2L instalment 3 and 1 more"]);
    expect(mails[0]?.text).toContain("Kapil B7 · instalment 3");
    expect(mails[0]?.text).toContain("Shriram 2L · instalment 3");
    expect(mails[0]?.text).toContain("Payable: ₹10,000 (after dividend)");
    await sendReminders(t.services.reminders);
    expect(mailsTo(t, "digest@example.com")).toHaveLength(1);
  });

  it("a member who chose Hindi gets the reminder in Hindi, with the same amounts, dates and link", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    const { member, chit } = await memberWithChit(t, "asha@example.com", { startDate: "2026-01-10", dueDay: 10 });
    await t.services.members.update(member.id, { locale: "hi" });
    expect(await sendReminders(t.services.reminders)).toMatchObject({ sent: 1 });
    const [mail] = mailsTo(t, "asha@example.com");
    expect(mail?.subject).toBe("3 दिन में देय: Kapil B7 की किस्त 3, 10 मार्च 2026 को ₹5,000");
    expect(mail?.text).toContain("नमस्ते Asha Rao,");
    expect(mail?.text).toContain("आपकी अगली चिट किस्त की याद:");
    expect(mail?.text).toContain("देय रकम: ₹5,000 (लाभांश के बाद)");
    expect(mail?.text).toContain(`भुगतान दर्ज करें: http://localhost:3000/chits/${chit.id}/payments/new?instalment=3`);
    expect(mail?.text).not.toContain("Payable");
  });

  it("a Hindi member's daily digest is in Hindi", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    const { member } = await memberWithChit(
      t,
      "digest@example.com",
      { startDate: "2026-01-10", dueDay: 10, name: "Kapil B7" },
      { digest: true },
    );
    await t.services.members.update(member.id, { locale: "hi" });
    await createChit(t.services.ledger, member.id, {
      name: "Shriram 2L",
      chitValue: 200000,
      members: 20,
      startDate: "2026-01-07",
      dueDay: 7,
    });
    expect(await sendReminders(t.services.reminders)).toMatchObject({ sent: 2 });
    const [mail] = mailsTo(t, "digest@example.com");
    expect(mail?.subject).toBe("7 मार्च 2026 तक आपकी चिट की देय रकम: Shriram 2L की किस्त 3 और 1 अन्य");
    expect(mail?.text).toContain("Kapil B7 · किस्त 3");
    expect(mail?.text).toContain("देय रकम: ₹10,000 (लाभांश के बाद)");
    expect(mail?.text).toContain("सारी देय तारीखें: http://localhost:3000/calendar");
  });

  it("an in-app notification with the link to record the payment", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    const { member, chit } = await memberWithChit(t, "asha@example.com", { startDate: "2026-01-10", dueDay: 10 });
    await sendReminders(t.services.reminders);
    // Instalments 1 and 2 (10 Jan, 10 Feb) are unpaid and overdue too: each gets its own overdue notice beside this
    // one.
    const notices = await t.services.ledger.notifications.list(member.id, { limit: 10 });
    const notice = notices.find((n) => n.kind === "reminder");
    expect(notice).toMatchObject({ kind: "reminder", link: `/chits/${chit.id}/payments/new?instalment=3` });
    const overdue = notices.filter((n) => n.kind === "overdue").map((n) => n.link);
    expect(overdue.sort()).toEqual([1, 2].map((n) => `/chits/${chit.id}/payments/new?instalment=${n}`));
    expect(notice?.message).toContain("Kapil B7, instalment 3: ₹5,000 due on 10 Mar 2026.");
  });

  it("no reminders for members who are not approved, or who turned them off", async () => {
    const clock = movableClock("2026-03-07T04:30:00Z");
    t = await startTestApp({ clock });
    await memberWithChit(t, "off@example.com", { startDate: "2026-01-10", dueDay: 10 }, { days: [], overdue: false });
    const { member } = await memberWithChit(t, "banned@example.com", { startDate: "2026-01-10", dueDay: 10 });
    await t.services.members.update(member.id, { banned: true });
    expect(await sendReminders(t.services.reminders)).toMatchObject({ sent: 0 });
    expect(t.smtp!.mails).toEqual([]);
  });
});

describe("POST /api/v1/cron/run", () => {
  const TOKEN = "cron-token-0123456789abcdef0123";
  const cron = (app: TestApp, authorization?: string) =>
    app.app.request("http://localhost:3000/api/v1/cron/run", {
      method: "POST",
      headers: authorization ? { authorization } : {},
    });

  it("sends exactly one email naming the chit when called twice for a member due in 3 days", async () => {
    t = await startTestApp({ clock: { now: () => new Date("2026-03-12T04:30:00Z") }, env: { CRON_TOKEN: TOKEN } });
    const { chit } = await memberWithChit(t, "asha@example.com", {
      startDate: "2026-01-15",
      dueDay: 15,
      name: "Margadarsi 1L",
    });
    const first = await cron(t, `Bearer ${TOKEN}`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ran: true, sent: 1 });
    const second = await cron(t, `Bearer ${TOKEN}`);
    expect(await second.json()).toMatchObject({ ran: true, sent: 0 });
    const mails = mailsTo(t, "asha@example.com");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("Margadarsi 1L");
    expect(mails[0]?.text).toContain(`/chits/${chit.id}/payments/new?instalment=3`);
  });

  it("refuses a wrong or missing token with 401 and sends nothing", async () => {
    t = await startTestApp({ clock: { now: () => new Date("2026-03-12T04:30:00Z") }, env: { CRON_TOKEN: TOKEN } });
    await memberWithChit(t, "asha@example.com", { startDate: "2026-01-15", dueDay: 15 });
    for (const header of [`Bearer ${TOKEN}x`, "Bearer wrong", `Basic ${TOKEN}`, undefined]) {
      const res = await cron(t, header);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("invalid-cron-token");
    }
    expect(t.smtp!.mails).toEqual([]);
  });

  it("answers 503 with a clear message when CRON_TOKEN is not set", async () => {
    t = await startTestApp({ smtp: false });
    const res = await cron(t, "Bearer anything-at-all-here-0123456789");
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({
      code: "cron-not-configured",
      message: expect.stringContaining("CRON_TOKEN"),
    });
  });

  it("is rate limited: 10 calls a minute, then 429 with Retry-After", async () => {
    t = await startTestApp({ smtp: false, env: { CRON_TOKEN: TOKEN, RATE_LIMIT: "true" } });
    for (let i = 0; i < 10; i++) expect((await cron(t, "Bearer wrong")).status).toBe(401);
    const limited = await cron(t, `Bearer ${TOKEN}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate-limited");
  });
});
