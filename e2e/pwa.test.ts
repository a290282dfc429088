// The app on a phone: installable (manifest, icons, a service worker controlling the page), readable offline after
// one visit with an "offline: as of" banner, and nothing private left on the device after logging out.
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit } from "../src/app/create-chit.ts";
import { launchBrowser, watchProblems } from "./support/browser.ts";
import {
  controlledBySw,
  logIn,
  logOut,
  persistentPhone,
  phoneContext,
  privateCache,
  serviceWorkerActive,
  serviceWorkerState,
} from "./support/pwa.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function memberWithChit(email: string, chitName: string) {
  const password = "tamarind kite seven";
  const member = await createAdmin(server.services, { email, password, name: email.split("@")[0] });
  const chit = await createChit(server.services.ledger, member.id, {
    name: chitName,
    chitValue: 200000,
    members: 40,
    startDate: "2026-01-05",
    dueDay: 5,
  });
  return { email, password, chit };
}

describe("the app on a phone", () => {
  it(
    "is installable: the login page links a valid manifest whose icons load, and a " +
      "service worker controls the dashboard",
    async () => {
      const { email, password } = await memberWithChit("install@example.com", "Kapil 2L");
      const context = await persistentPhone(server.baseUrl);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto("/login");
      const href = await page.locator("link[rel=manifest]").getAttribute("href");
      expect(href).toBe("/manifest.webmanifest");
      const manifest = await (await page.request.get(href!)).json();
      expect(manifest).toMatchObject({
        name: "ChitFunds Ledger",
        short_name: "ChitFunds",
        start_url: "/dashboard",
        display: "standalone",
        lang: "en",
      });
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.share_target).toMatchObject({ action: "/share", method: "POST", enctype: "multipart/form-data" });
      expect(manifest.share_target.params.files[0].accept).toEqual(
        expect.arrayContaining(["image/png", "image/jpeg", "application/pdf"]),
      );
      for (const icon of manifest.icons.filter((i: { type: string }) => i.type === "image/png")) {
        const res = await page.request.get(icon.src);
        expect(res.status(), icon.src).toBe(200);
        const meta = await sharp(await res.body()).metadata();
        expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
      }
      expect(
        manifest.icons.some(
          (i: { purpose: string; sizes: string }) => i.purpose === "maskable" && i.sizes === "512x512",
        ),
      ).toBe(true);
      expect((await page.request.get("/favicon.ico")).status()).toBe(200);

      const cdp = await context.newCDPSession(page);
      const appManifest = (await cdp.send("Page.getAppManifest")) as { errors: unknown[]; url: string };
      expect(appManifest.errors).toEqual([]);
      expect(appManifest.url).toBe(`${server.baseUrl}/manifest.webmanifest`);

      // As a member who opened the login page: the worker it registered is active before they sign in, so the
      // dashboard is loaded through it (on a loaded machine a worker claiming an open page has taken over 20 s)
      await serviceWorkerActive(page);
      await logIn(page, email, password);
      await page.waitForURL("**/dashboard");
      expect(await controlledBySw(page), await serviceWorkerState(page)).toBe(true);
      const installability = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] };
      expect(installability.installabilityErrors).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it(
    "shows the dashboard, chit page and payment history offline after one visit, with the " + "time they are from",
    async () => {
      const { email, password, chit } = await memberWithChit("offline@example.com", "Shriram 1L offline");
      const context = await phoneContext(browser, server.baseUrl);
      const page = await context.newPage();
      await logIn(page, email, password);
      await page.waitForURL("**/dashboard");
      expect(await controlledBySw(page), await serviceWorkerState(page)).toBe(true);
      for (const path of ["/dashboard", "/chits", `/chits/${chit.id}`, "/payments"]) await page.goto(path);
      expect(await privateCache(page)).toEqual(
        expect.arrayContaining(["/dashboard", "/chits", `/chits/${chit.id}`, "/payments"]),
      );
      // receipts and the API are never kept
      const kept = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys())
          for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
        return urls;
      });
      expect(kept.filter((u) => /receipts|^\/api\//.test(u))).toEqual([]);

      await context.setOffline(true);
      await page.goto("/dashboard");
      expect(await page.locator("main").textContent()).toContain("Shriram 1L offline");
      const banner = page.locator("[data-offline-banner]");
      expect(await banner.isVisible()).toBe(true);
      expect(await banner.textContent()).toMatch(/Offline: this page is as of \d{1,2} \w{3} \d{4}/);
      await page.goto(`/chits/${chit.id}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Shriram 1L offline");
      // forms say they need a connection and cannot be sent
      expect(await page.locator("main form [data-needs-connection]").first().textContent()).toBe(
        "This form needs a connection.",
      );
      await page.goto("/payments");
      expect(await page.locator("[data-offline-banner]").isVisible()).toBe(true);
      // a page never opened on this device says so
      await page.goto("/calendar");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("You are offline");
      await context.setOffline(false);
      await context.close();
    },
  );

  it("empties the private cache at log out, and never shows one member's pages to the next", async () => {
    const first = await memberWithChit("first@example.com", "First member's chit");
    const second = await memberWithChit("second@example.com", "Second member's chit");
    const context = await phoneContext(browser, server.baseUrl);
    const page = await context.newPage();
    await logIn(page, first.email, first.password);
    await page.waitForURL("**/dashboard");
    expect(await controlledBySw(page), await serviceWorkerState(page)).toBe(true);
    await page.goto("/chits");
    expect((await privateCache(page)).length).toBeGreaterThan(0);

    await logOut(page);
    await page.waitForURL("**/login?notice=logged-out");
    await expect.poll(() => privateCache(page)).toEqual([]);

    await logIn(page, second.email, second.password);
    await page.waitForURL("**/dashboard");
    await expect.poll(() => privateCache(page)).toEqual(["/dashboard"]);
    await context.setOffline(true);
    await page.goto("/chits");
    // the second member never opened /chits here: the first member's copy is gone, so the offline page shows
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("You are offline");
    await page.goto("/dashboard");
    expect(await page.locator("main").textContent()).toContain("Second member's chit");
    expect(await page.locator("main").textContent()).not.toContain("First member's chit");
    await context.setOffline(false);
    await context.close();
  });
});
