// Each reminder channel against a local HTTP server that checks the request: method, path, headers and body.
import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emailNotifier } from "../src/adapters/notifiers/email-notifier.ts";
import { ntfyNotifier } from "../src/adapters/notifiers/ntfy-notifier.ts";
import { telegramNotifier } from "../src/adapters/notifiers/telegram-notifier.ts";
import { toE164, twilioSmsNotifier } from "../src/adapters/notifiers/twilio-sms-notifier.ts";
import { webhookNotifier } from "../src/adapters/notifiers/webhook-notifier.ts";
import { reminderMessage } from "../src/app/reminder-messages.ts";
import { DEFAULT_REMINDER_PREFERENCES } from "../src/domain/reminders.ts";
import type { Mail } from "../src/ports/mailer.ts";
import type { Member } from "../src/ports/member-repository.ts";
import { type CapturedRequest, startHttpCapture } from "./support/http-capture.ts";

const member = (extra: Partial<Member["reminders"]> = {}, phone: string | null = "+91 98765 43210"): Member => ({
  id: "m1",
  name: "Asha Rao",
  email: "asha@example.com",
  emailVerified: true,
  status: "approved",
  statusReason: null,
  role: "member",
  banned: false,
  banReason: null,
  phone,
  locale: "en",
  timeZone: "Asia/Kolkata",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  reminders: {
    ...DEFAULT_REMINDER_PREFERENCES,
    channels: [],
    ntfyTopic: "asha-chits-7f3k",
    telegramChatId: "123456789",
    ...extra,
  },
  calendarFeedVersion: 0,
  twoFactorEnabled: false,
});

const message = reminderMessage(
  "Asha Rao",
  {
    chitId: "c1",
    chitName: "Kapil, B7; group",
    number: 4,
    dueDate: "2028-02-29",
    payable: 475_000,
    balance: 475_000,
    estimated: false,
    kind: "due-in-3",
    daysLeft: 3,
  },
  "https://chits.example.com",
);

let server: Awaited<ReturnType<typeof startHttpCapture>>;
beforeEach(async () => {
  server = await startHttpCapture();
});
afterEach(async () => {
  await server.close();
});

const only = (): CapturedRequest => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};

describe("the reminder message", () => {
  it("names the chit, instalment, due date and payable, with the link to record the payment", () => {
    expect(message.title).toBe("Due in 3 days: Kapil, B7; group instalment 4, ₹4,750 on 29 Feb 2028");
    expect(message.text).toContain("Kapil, B7; group · instalment 4");
    expect(message.text).toContain("Due date: Tue, 29 Feb 2028 (in 3 days)");
    expect(message.text).toContain("Payable: ₹4,750 (after dividend)");
    expect(message.text).toContain("Record the payment: https://chits.example.com/chits/c1/payments/new?instalment=4");
    expect(message.short.length).toBeLessThan(200);
  });
});

describe("email", () => {
  it("sends the title as subject and the text as body to the member's address", async () => {
    const sent: Mail[] = [];
    await emailNotifier({ kind: "smtp", send: async (mail) => void sent.push(mail) }).send(member(), message);
    expect(sent).toEqual([{ to: "asha@example.com", subject: message.title, text: message.text }]);
  });
});

describe("webhook", () => {
  it("POSTs the reminder as JSON, signed with HMAC-SHA256 of the body when a secret is set", async () => {
    const secret = "a-webhook-secret-of-some-length";
    await webhookNotifier({ url: `${server.url}/hooks/chitfunds`, secret }).send(member(), message);
    const req = only();
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/hooks/chitfunds");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["x-chitfunds-signature"]).toBe(
      `sha256=${createHmac("sha256", secret).update(req.body).digest("hex")}`,
    );
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      event: "reminder",
      member: { id: "m1", email: "asha@example.com" },
      title: message.title,
      link: message.link,
    });
    expect(body.items).toEqual([
      expect.objectContaining({
        chitName: "Kapil, B7; group",
        instalment: 4,
        dueDate: "2028-02-29",
        payable: "₹4,750",
      }),
    ]);
  });

  it("sends no signature without a secret, and reports a refusal", async () => {
    await webhookNotifier({ url: server.url, secret: undefined }).send(member(), message);
    expect(only().headers["x-chitfunds-signature"]).toBeUndefined();
    server.reply = { status: 500, body: "down" };
    await expect(webhookNotifier({ url: server.url, secret: undefined }).send(member(), message)).rejects.toThrow(
      /webhook: .* answered 500: down/,
    );
  });
});

describe("ntfy", () => {
  it("publishes JSON to the server root with the member's topic, a click link and the bearer token", async () => {
    await ntfyNotifier({ url: server.url, token: "tk_secret" }).send(member(), message);
    const req = only();
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/");
    expect(req.headers.authorization).toBe("Bearer tk_secret");
    expect(JSON.parse(req.body)).toEqual({
      topic: "asha-chits-7f3k",
      title: message.title,
      message: message.text,
      click: message.link,
      tags: ["moneybag"],
    });
  });

  it("reaches only members who entered a topic", () => {
    const ntfy = ntfyNotifier({ url: server.url, token: undefined });
    expect(ntfy.reaches(member())).toBe(true);
    expect(ntfy.reaches(member({ ntfyTopic: null }))).toBe(false);
  });
});

describe("Telegram", () => {
  it("calls the bot's sendMessage with the member's chat id", async () => {
    await telegramNotifier({ botToken: "123456:ABCdefGHIjklMNOpqrSTUvwx", apiUrl: server.url }).send(member(), message);
    const req = only();
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/bot123456:ABCdefGHIjklMNOpqrSTUvwx/sendMessage");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual({
      chat_id: "123456789",
      text: message.text,
      link_preview_options: { is_disabled: true },
    });
  });

  it("reports Telegram's refusal", async () => {
    server.reply = { status: 400, body: '{"ok":false,"description":"Bad Request: chat not found"}' };
    await expect(telegramNotifier({ botToken: "1:x", apiUrl: server.url }).send(member(), message)).rejects.toThrow(
      /chat not found/,
    );
  });
});

describe("SMS (Twilio)", () => {
  const sid = `AC${"0123456789abcdef".repeat(2)}`;

  it("POSTs a form to the account's Messages resource with basic auth, to the member's phone in E.164", async () => {
    await twilioSmsNotifier({
      accountSid: sid,
      authToken: "auth-token-xyz-123",
      from: "+15005550006",
      apiUrl: server.url,
    }).send(member(), message);
    const req = only();
    expect(req.method).toBe("POST");
    expect(req.path).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:auth-token-xyz-123`).toString("base64")}`);
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(req.body);
    expect(form.get("To")).toBe("+919876543210");
    expect(form.get("From")).toBe("+15005550006");
    expect(form.get("Body")).toBe(message.short);
  });

  it("sends from a Messaging Service when one is configured", async () => {
    const service = `MG${"ab".repeat(16)}`;
    await twilioSmsNotifier({ accountSid: sid, authToken: "t".repeat(20), from: service, apiUrl: server.url }).send(
      member(),
      message,
    );
    const form = new URLSearchParams(only().body);
    expect(form.get("MessagingServiceSid")).toBe(service);
    expect(form.has("From")).toBe(false);
  });

  it("reaches only members with a usable phone number", () => {
    const sms = twilioSmsNotifier({ accountSid: sid, authToken: "t".repeat(20), from: "+15005550006" });
    expect(sms.reaches(member({}, null))).toBe(false);
    expect(sms.reaches(member({}, "12345"))).toBe(false);
    expect(toE164("98765-43210")).toBe("+919876543210");
    expect(toE164("09876543210")).toBe("+919876543210");
    expect(toE164("+44 20 7946 0958")).toBe("+442079460958");
  });
});
