// Settings > Reminders: a member picks their days, the digest and extra channels; the job then uses those channels.
import { afterEach, describe, expect, it } from "vitest";
import { createChit } from "../src/app/create-chit.ts";
import { sendReminders } from "../src/app/send-reminders.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { fieldError, fieldValue } from "./support/html.ts";
import { startHttpCapture } from "./support/http-capture.ts";

let t: TestApp;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await t.close();
});

/** Posts the settings form like a browser, with repeated "channels" values. */
async function saveSettings(client: Client, fields: Record<string, string>, channels: string[] = []) {
  if (!client.csrf) await client.fetch("/settings/reminders");
  const body = new URLSearchParams({ _csrf: client.csrf, overdue: "false", digest: "false", ...fields });
  for (const channel of channels) body.append("channels", channel);
  return client.fetch("/settings/reminders", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
    body,
  });
}

describe("reminder settings", () => {
  it("start at 3 days before and on the due date, and keep what the member chooses", async () => {
    t = await startTestApp();
    const member = await signedInMember(t, "asha@example.com");
    const page = await (await member.fetch("/settings/reminders")).text();
    expect(fieldValue(page, "days")).toBe("3, 0");
    expect(page).toContain("Create my calendar link");

    const saved = await saveSettings(member, { days: "7, 1", overdue: "true", digest: "true" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/settings/reminders?notice=reminders-saved");
    const stored = await t.services.members.findByEmail("asha@example.com");
    expect(stored?.reminders).toMatchObject({ days: [7, 1], overdue: true, digest: true, channels: [] });
    const again = await (await member.fetch("/settings/reminders?notice=reminders-saved")).text();
    expect(fieldValue(again, "days")).toBe("7, 1");
    expect(again).toContain("Your reminder settings were saved.");
  });

  it("refuses days it cannot read, says why beside the field, and keeps what was typed", async () => {
    t = await startTestApp();
    const member = await signedInMember(t, "asha@example.com");
    const res = await saveSettings(member, { days: "3, forty" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldValue(html, "days")).toBe("3, forty");
    expect(fieldError(html, "days")).toContain("whole numbers of days");
    expect((await t.services.members.findByEmail("asha@example.com"))?.reminders.days).toEqual([3, 0]);
  });

  it("offers only the channels this installation has set up, and needs a topic for ntfy", async () => {
    t = await startTestApp({ env: { NTFY_URL: "http://127.0.0.1:9", WEBHOOK_URL: "http://127.0.0.1:9/hook" } });
    const member = await signedInMember(t, "asha@example.com");
    const page = await (await member.fetch("/settings/reminders")).text();
    expect(page).toContain('value="ntfy"');
    expect(page).toContain('value="webhook"');
    expect(page).not.toContain('value="telegram"');

    const missing = await saveSettings(member, { days: "3, 0" }, ["ntfy"]);
    expect(missing.status).toBe(400);
    expect(fieldError(await missing.text(), "ntfyTopic")).toContain("Enter your ntfy topic");
    const notSetUp = await saveSettings(member, { days: "3, 0", telegramChatId: "12345" }, ["telegram"]);
    expect(notSetUp.status).toBe(400);

    expect((await saveSettings(member, { days: "3, 0", ntfyTopic: "asha-dues-x9" }, ["ntfy", "webhook"])).status).toBe(
      303,
    );
    expect((await t.services.members.findByEmail("asha@example.com"))?.reminders).toMatchObject({
      channels: ["webhook", "ntfy"],
      ntfyTopic: "asha-dues-x9",
    });
  });
});

describe("reminders on the channels a member chose", () => {
  it("go by email and to the webhook; a failing channel neither stops the email nor repeats it", async () => {
    const hook = await startHttpCapture();
    closers.push(hook.close);
    t = await startTestApp({
      clock: { now: () => new Date("2026-03-07T04:30:00Z") },
      env: { WEBHOOK_URL: `${hook.url}/chitfunds` },
    });
    const asha = await t.services.members.upsertWithPassword({
      email: "asha@example.com",
      name: "Asha",
      password: "a long pass phrase",
    });
    await t.services.members.update(asha.id, { reminders: { ...asha.reminders, channels: ["webhook"] } });
    const ravi = await t.services.members.upsertWithPassword({
      email: "ravi@example.com",
      name: "Ravi",
      password: "a long pass phrase",
    });
    for (const m of [asha, ravi])
      await createChit(t.services.ledger, m.id, {
        name: "Kapil B7",
        chitValue: 100000,
        members: 20,
        startDate: "2026-01-10",
        dueDay: 10,
      });

    await sendReminders(t.services.reminders);
    expect(t.smtp!.mails.map((m) => m.to).sort()).toEqual(["asha@example.com", "ravi@example.com"]);
    expect(hook.requests).toHaveLength(1); // only Asha chose the webhook
    expect(JSON.parse(hook.requests[0]!.body)).toMatchObject({
      event: "reminder",
      member: { email: "asha@example.com" },
    });

    hook.reply = { status: 500, body: "down" };
    const bola = await t.services.members.upsertWithPassword({
      email: "bola@example.com",
      name: "Bola",
      password: "a long pass phrase",
    });
    await t.services.members.update(bola.id, { reminders: { ...bola.reminders, channels: ["webhook"] } });
    await createChit(t.services.ledger, bola.id, {
      name: "Kapil B7",
      chitValue: 100000,
      members: 20,
      startDate: "2026-01-10",
      dueDay: 10,
    });
    expect(await sendReminders(t.services.reminders)).toMatchObject({ sent: 1, failed: 0 });
    await sendReminders(t.services.reminders);
    expect(t.smtp!.mails.filter((m) => m.to === "bola@example.com")).toHaveLength(1);
    expect(hook.requests).toHaveLength(2);
  });
});
