// Live notifications over Server-Sent Events, through a real HTTP server: a notification made after connecting arrives
// without a reload, also when another instance (sharing the store) makes it; proxies are told not to buffer.
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { composeServices } from "../src/compose.ts";
import type { Notification } from "../src/ports/ledger.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
  await t.close();
});

async function listen(app: TestApp["app"]): Promise<string> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  cleanups.push(() => server.closeAllConnections());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type SseEvent = { event: string; data: string; id?: string };

/** Reads server-sent events from a response body as they arrive; each `next` waits at most `ms`. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const comments: string[] = [];
  async function next(ms = 5_000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { event: "message", data: "" };
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) comments.push(line);
          else if (line.startsWith("event: ")) event.event = line.slice(7);
          else if (line.startsWith("data: ")) event.data += line.slice(6);
          else if (line.startsWith("id: ")) event.id = line.slice(4);
        }
        if (block.split("\n").every((l) => l.startsWith(":"))) continue;
        return event;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${ms} ms; got so far: ${JSON.stringify(buffer)}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
      ]);
      if (chunk === null) continue;
      if (chunk.done) throw new Error("the stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  /** The next event of this kind, skipping others. */
  async function nextOf(kind: string, ms = 5_000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const event = await next(Math.max(1, deadline - Date.now()));
      if (event.event === kind) return event;
    }
  }
  return { next, nextOf, comments, cancel: () => reader.cancel() };
}

const notification = (ownerId: string, message: string): Notification => ({
  id: randomUUID(),
  ownerId,
  kind: "approval",
  message,
  link: "/dashboard",
  dedupeKey: null,
  readAt: null,
  createdAt: new Date(),
});

describe("GET /events", () => {
  it(
    "delivers a notification created after connecting, with the unread count, and is not " + "buffered by proxies",
    async () => {
      t = await startTestApp({ env: { EVENTS_POLL_SECONDS: "0.2" } });
      const member = await signedInMember(t, "asha@example.com");
      const asha = (await t.services.members.findByEmail("asha@example.com"))!;
      await t.services.ledger.notifications.add(notification(asha.id, "An old one, already there"));
      const before = await t.services.ledger.notifications.unreadCount(asha.id); // the approval notice too
      const base = await listen(t.app);

      const stop = new AbortController();
      cleanups.push(() => stop.abort());
      const res = await fetch(`${base}/events`, {
        headers: { cookie: member.cookieHeader(), accept: "text/event-stream" },
        signal: stop.signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(res.headers.get("x-accel-buffering")).toBe("no");
      expect(res.headers.get("cache-control")).toContain("no-cache");
      const events = eventReader(res.body!);

      const first = await events.next();
      expect(first).toMatchObject({ event: "unread" });
      expect(JSON.parse(first.data)).toEqual({ unread: before });

      await t.services.ledger.notifications.add(notification(asha.id, "Your chit Kapil B7 is due in 3 days"));
      const live = await events.nextOf("notification");
      expect(JSON.parse(live.data)).toMatchObject({
        kind: "approval",
        message: "Your chit Kapil B7 is due in 3 days",
        link: "/dashboard",
        read: false,
      });
      expect(Number(live.id)).toBeGreaterThan(0);
      expect(JSON.parse((await events.nextOf("unread")).data)).toEqual({ unread: before + 1 });

      // Made by another instance on the same store: the database is the source of truth.
      const other = await composeServices(t.services.config, { log: pino({ level: "silent" }) });
      cleanups.push(() => other.close());
      await other.ledger.notifications.add(notification(asha.id, "From the other instance"));
      expect(JSON.parse((await events.nextOf("notification")).data).message).toBe("From the other instance");

      // Another member's notifications never reach this stream.
      const ravi = await t.services.members.upsertWithPassword({
        email: "ravi@example.com",
        name: "Ravi",
        password: "a long pass phrase",
      });
      await t.services.ledger.notifications.add(notification(ravi.id, "Ravi's own"));
      await t.services.ledger.notifications.add(notification(asha.id, "Asha's next"));
      expect(JSON.parse((await events.nextOf("notification")).data).message).toBe("Asha's next");
      await events.cancel();
    },
  );

  it("ends open streams when the app shuts down", async () => {
    t = await startTestApp({ env: { EVENTS_POLL_SECONDS: "0.2" } });
    const member = await signedInMember(t, "asha@example.com");
    const res = await t.app.request("http://localhost:3000/events", { headers: { cookie: member.cookieHeader() } });
    const events = eventReader(res.body!);
    expect((await events.next()).event).toBe("unread");
    t.services.live.stop();
    await expect(events.next(3_000)).rejects.toThrow("the stream ended");
  });

  it("answers 401 without a session (an EventSource then stops instead of following a redirect)", async () => {
    t = await startTestApp({ smtp: false });
    const res = await t.client.fetch("/events", { headers: { accept: "text/event-stream" } });
    expect(res.status).toBe(401);
  });
});
