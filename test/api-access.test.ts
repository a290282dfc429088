// A member sees and changes only their own ledger: every /api/v1 route that takes an id answers 404 to another member,
// leaving the owner's data as it was; without a session the API answers 401, and to a pending member 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createChit,
  expectError,
  expectStatus,
  type NotificationsBody,
  type PaymentPageBody,
  type PaymentResultBody,
  recordInstalment,
} from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { multipart, pngScreenshot } from "./support/receipt-fixtures.ts";

let t: TestApp;
let owner: Client;
let stranger: Client;
const ids = { chit: "", payment: "", receipt: "", notification: "", import: "", token: "" };

beforeAll(async () => {
  t = await startTestApp();
  owner = await signedInMember(t, "anita@example.com");
  stranger = await signedInMember(t, "bharat@example.com");
  const png = await pngScreenshot();
  const chit = await createChit(owner, {
    name: "Anita's Kapil 5L",
    chitValue: 500000,
    members: 50,
    startDate: "2024-06-10",
    dueDay: 10,
  });
  await recordInstalment(owner, chit.id, 2, { discount: 175000 });
  const post = (instalment: string) =>
    expectStatus<PaymentResultBody>(
      owner.fetch(`/api/v1/chits/${chit.id}/payments`, {
        method: "POST",
        body: multipart({ instalment, paidOn: "2024-06-10", reference: `UPI-${instalment}` }, [
          { name: "paid.png", bytes: png },
        ]),
      }),
      201,
    );
  const first = await post("1");
  await post("2"); // the same screenshot again: a duplicate-receipt notification for the owner
  const notes = await expectStatus<NotificationsBody>(owner.fetch("/api/v1/notifications"), 200);
  Object.assign(ids, {
    chit: chit.id,
    payment: first.payment.id,
    receipt: first.payment.receipts[0]!.id,
    notification: notes.notifications[0]!.id,
  });
  const csv = new TextEncoder().encode("date,amount,chit\n10/07/2024,100,Anita's Kapil 5L\n");
  ids.import = (
    await expectStatus<{ id: string }>(
      owner.fetch("/api/v1/imports", {
        method: "POST",
        body: multipart({}, [{ field: "file", name: "p.csv", bytes: csv }]),
      }),
      201,
    )
  ).id;
  ids.token = (await expectStatus<{ id: string }>(owner.json("/api/v1/tokens", { name: "owner's script" }), 201)).id;
});
afterAll(async () => {
  await t.close();
});

/**
 * Routes that take no session by design (issue 5), each tested in its own file: the outside scheduler's CRON_TOKEN
 * (test/reminders.test.ts) and the calendar feed's secret URL (test/calendar.test.ts) are their keys.
 */
const PUBLIC_ROUTES = new Set(["POST /api/v1/cron/run"]);

/** Every route of the Hono app under /api/v1 (middleware excluded) that needs a session, as "METHOD /path". */
const apiRoutes = () =>
  [
    ...new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/"))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ].filter((route) => !PUBLIC_ROUTES.has(route));

function withIds(path: string): string {
  const kind = /^\/api\/v1\/(chits|payments|receipts|notifications|imports|tokens)\/:id/.exec(path)?.[1];
  const id =
    {
      chits: ids.chit,
      payments: ids.payment,
      receipts: ids.receipt,
      notifications: ids.notification,
      imports: ids.import,
      tokens: ids.token,
    }[kind ?? ""] ?? "";
  return path.replace(":id", id).replace(":n", "2");
}

async function requestAs(client: Client, method: string, path: string): Promise<Response> {
  if (method === "POST" && path.endsWith("/payments")) {
    return client.fetch(path, {
      method,
      body: multipart({ amount: "10000" }, [{ name: "mine.png", bytes: await pngScreenshot("stranger") }]),
    });
  }
  const bodies: Record<string, unknown> = {
    PATCH: { name: "Taken over", amount: 1, notes: "changed by someone else" },
    PUT: { discount: 100000, payableOverride: 1 },
  };
  return method in bodies ? client.json(path, bodies[method], method) : client.fetch(path, { method });
}

/** Everything the owner can see, to compare before and after the stranger's attempts. */
async function ownersLedger() {
  const get = async (path: string) => expectStatus<unknown>(owner.fetch(path), 200);
  const receipt = await owner.fetch(`/api/v1/receipts/${ids.receipt}`);
  return {
    chit: await get(`/api/v1/chits/${ids.chit}`),
    schedule: await get(`/api/v1/chits/${ids.chit}/schedule`),
    payments: await get(`/api/v1/chits/${ids.chit}/payments`),
    notifications: await get("/api/v1/notifications"),
    receipt: receipt.status === 200 ? Buffer.from(await receipt.arrayBuffer()).toString("base64") : receipt.status,
    files: (await t.db.storedFiles()).sort(),
  };
}

describe("another member's ids", () => {
  it(
    "answer 404 on every chit, instalment, schedule, payment, receipt and notification " + "route, and change nothing",
    async () => {
      const withId = apiRoutes().filter((r) => r.includes(":id"));
      expect(withId.sort()).toEqual(
        [
          "GET /api/v1/chits/:id",
          "GET /api/v1/chits/:id/bid-advice",
          "PATCH /api/v1/chits/:id",
          "DELETE /api/v1/chits/:id",
          "PUT /api/v1/chits/:id/instalments/:n",
          "GET /api/v1/chits/:id/schedule",
          "GET /api/v1/chits/:id/payments",
          "POST /api/v1/chits/:id/payments",
          "GET /api/v1/payments/:id",
          "PATCH /api/v1/payments/:id",
          "DELETE /api/v1/payments/:id",
          "GET /api/v1/receipts/:id",
          "GET /api/v1/receipts/:id/thumbnail",
          "DELETE /api/v1/receipts/:id",
          "POST /api/v1/notifications/:id/read",
          "GET /api/v1/chits/:id/schedule.csv",
          "GET /api/v1/chits/:id/statement.pdf",
          "GET /api/v1/imports/:id",
          "POST /api/v1/imports/:id/commit",
          "DELETE /api/v1/tokens/:id",
        ].sort(),
      );
      const before = await ownersLedger();
      expect(before.files).toHaveLength(4);
      for (const route of withId) {
        const [method, path] = route.split(" ") as [string, string];
        const error = await expectError(requestAs(stranger, method, withIds(path)), 404).catch((e: Error) => {
          throw new Error(`${route}: ${e.message}`);
        });
        expect(error.code, route).toBe("not-found");
      }
      expect(await ownersLedger()).toEqual(before);
    },
  );

  it("are missing from the stranger's own lists and filters", async () => {
    expect((await expectStatus<{ chits: unknown[] }>(stranger.fetch("/api/v1/chits"), 200)).chits).toEqual([]);
    expect((await expectStatus<PaymentPageBody>(stranger.fetch("/api/v1/payments"), 200)).total).toBe(0);
    expect((await expectStatus<PaymentPageBody>(stranger.fetch(`/api/v1/payments?chit=${ids.chit}`), 200)).total).toBe(
      0,
    );
    expect((await expectStatus<{ chits: unknown[] }>(stranger.fetch("/api/v1/summary"), 200)).chits).toEqual([]);
    const ownersNotes = (
      await expectStatus<NotificationsBody>(owner.fetch("/api/v1/notifications"), 200)
    ).notifications.map((n) => n.id);
    const strangersNotes = (await expectStatus<NotificationsBody>(stranger.fetch("/api/v1/notifications"), 200))
      .notifications;
    expect(strangersNotes.map((n) => n.kind)).toEqual(["approval"]); // only their own welcome
    expect(strangersNotes.filter((n) => ownersNotes.includes(n.id))).toEqual([]);
    // marking all read touches only the stranger's own
    await expectStatus(stranger.fetch("/api/v1/notifications/read-all", { method: "POST" }), 200);
    expect((await expectStatus<NotificationsBody>(owner.fetch("/api/v1/notifications"), 200)).unread).toBeGreaterThan(
      0,
    );
  });

  it("stay the owner's: the owner still opens the receipt", async () => {
    const file = await owner.fetch(`/api/v1/receipts/${ids.receipt}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
  });
});

describe("who may use the API at all", () => {
  it("answers 401 without a session on every /api/v1 route", async () => {
    const nobody = t.newClient();
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const route of routes) {
      const [method, path] = route.split(" ") as [string, string];
      const error = await expectError(requestAs(nobody, method, withIds(path)), 401);
      expect(error.code, route).toBe("unauthenticated");
    }
  });

  it("answers 403 to a member still waiting for approval, on every /api/v1 route", async () => {
    const pending = await signedInMember(t, "chitra@example.com", { approve: false });
    for (const route of apiRoutes()) {
      const [method, path] = route.split(" ") as [string, string];
      const error = await expectError(requestAs(pending, method, withIds(path)), 403);
      expect(error.code, route).toBe("account-pending");
    }
  });

  it("answers 401 to a forged session cookie", async () => {
    const forged = await expectError(
      t.client.fetch("/api/v1/chits", { headers: { cookie: "chitfunds.session_token=forged.value" } }),
      401,
    );
    expect(forged.code).toBe("unauthenticated");
  });
});
