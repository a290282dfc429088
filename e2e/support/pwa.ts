// Helpers for the phone tests: a mobile browser context, signing in through the form, and the service worker's state.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, baseURL, locale: "en-IN" });
}

export async function logIn(page: Page, email: string, password: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/**
 * A phone browser with a real profile on disk: Chromium does not offer to install an app from an incognito profile,
 * which every ordinary test context is.
 */
export function persistentPhone(baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "chitfunds-phone-")), {
    ...PHONE,
    baseURL,
    locale: "en-IN",
    headless: true,
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Logs out from the menu (collapsed behind its button on a phone). */
export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Log out" }).click();
}

/**
 * Waits until a service worker controls the page (installed, activated and claimed it). Up to 20 s after it is ready:
 * on a loaded CI machine (two test runs and chromium on two cores) the claim has been seen to take over 5 s.
 */
export async function controlledBySw(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 400 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 50));
    return navigator.serviceWorker.controller !== null;
  });
}

/** Waits until this page's service worker registration has an active worker (installed and activated). */
export async function serviceWorkerActive(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** What the page's service worker registration holds, for a failing test's message. */
export function serviceWorkerState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return "no registration";
    const state = (w: ServiceWorker | null) => w?.state ?? "none";
    const controller = navigator.serviceWorker.controller;
    return (
      `active ${state(registration.active)}, waiting ${state(registration.waiting)}, installing ` +
      `${state(registration.installing)}, controller ${controller ? controller.state : "none"}, page ${location.href}`
    );
  });
}

/** The URLs the service worker keeps as the member's private pages. */
export function privateCache(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    if (!(await caches.has("private-pages"))) return [];
    const cache = await caches.open("private-pages");
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}
