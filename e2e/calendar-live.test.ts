// The calendar and live notifications in a real browser: the month view on a 360 px phone (no sideways scrolling,
// dues readable, months navigable) and a notification made on the server showing as a toast with the unread badge.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit } from "../src/app/create-chit.ts";
import { launchBrowser, watchProblems } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { EVENTS_POLL_SECONDS: "0.5" } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/dashboard/);
}

describe("calendar and live notifications in a browser", () => {
  it("shows the month's dues on a 360 px phone without sideways scrolling, and moves between months", async () => {
    const member = await createAdmin(server.services, {
      email: "phone@example.com",
      password: "tamarind kite seven",
      name: "Phone",
    });
    const today = new Date().toISOString().slice(0, 10);
    await createChit(server.services.ledger, member.id, {
      name: "Shriram Chits Group Alpha",
      chitValue: 100000,
      members: 20,
      startDate: today,
      dueDay: 28,
    });
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const problems = watchProblems(page, { responses: false });
    await logIn(page, "phone@example.com", "tamarind kite seven");

    await page.goto("/calendar");
    await page.getByRole("heading", { name: "Calendar", level: 1 }).waitFor();
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/calendar-360.png`, fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const due = page.locator(".calendar-due").first();
    expect(await due.isVisible()).toBe(true);
    expect(await due.innerText()).toMatch(/Shriram Chits Group Alpha/);
    const box = await due.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);

    const nextLink = page.locator('nav[aria-label="Months"] a[rel="next"]');
    const nextTitle = ((await nextLink.getAttribute("aria-label")) ?? "").replace("Next month, ", "");
    await nextLink.click();
    expect(await page.locator("#calendar-title").innerText()).toBe(nextTitle);
    expect(await page.locator(".calendar-due").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a notification made on the server as a toast and raises the unread badge, without a reload", async () => {
    const member = await createAdmin(server.services, {
      email: "live@example.com",
      password: "tamarind kite seven",
      name: "Live",
    });
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    const problems = watchProblems(page, { responses: false });
    await logIn(page, "live@example.com", "tamarind kite seven");
    const badge = page.locator("[data-unread-count]");
    const before = Number((await page.locator("[data-unread-number]").textContent()) ?? "0");
    await page.waitForTimeout(700); // the stream is open and has sent its first count

    await server.services.ledger.notifications.add({
      id: randomUUID(),
      ownerId: member.id,
      kind: "reminder",
      message: "Kapil B7, instalment 4: ₹4,750 due in 3 days",
      link: "/calendar",
      dedupeKey: null,
      readAt: null,
      createdAt: new Date(),
    });
    const toast = page.locator(".toast", { hasText: "Kapil B7, instalment 4" });
    await toast.waitFor({ state: "visible", timeout: 5_000 });
    expect(await toast.getByRole("link", { name: "Open" }).getAttribute("href")).toBe("/calendar");
    await page.waitForFunction(
      (n) => document.querySelector("[data-unread-number]")?.textContent === String(n),
      before + 1,
      { timeout: 5_000 },
    );
    expect(await badge.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
