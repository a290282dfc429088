// The ledger in a real browser against the real server: log in, add a chit through its form, pay with a photo of the
// receipt, see it on the dashboard and in the history, open the receipt, and delete the chit after a confirmation.
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { launchBrowser, watchProblems } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { RECEIPT_MAX_MB: "2" } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the ledger in a browser", () => {
  it("adds a chit, pays with a photo, sees it on the dashboard and in the history, opens the receipt", async () => {
    const email = "meera@example.com";
    const password = "tamarind kite seven";
    await createAdmin(server.services, { email, password, name: "Meera" });
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    const problems = watchProblems(page);

    // log in through the form
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/dashboard");

    // add a chit through its form
    await page.goto("/chits");
    await page.getByRole("link", { name: "Add chit" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Margadarsi 2L M44");
    await page.getByLabel("Foreman", { exact: true }).fill("Margadarsi Chit Funds");
    await page.getByLabel("Chit value (₹)", { exact: true }).fill("2,00,000");
    await page.getByLabel("Number of members", { exact: true }).fill("40");
    await page.getByLabel("Date of the first instalment", { exact: true }).fill("2026-01-05");
    await page.getByLabel("Due day of the month", { exact: true }).fill("5");
    await page.getByText("Advanced: how this chit shares discounts and commission").click();
    await expect.poll(() => page.getByLabel("Who shares the dividend").inputValue()).toBe("all");
    await page.getByRole("button", { name: "Add chit" }).click();
    await page.waitForURL(/\/chits\/[^/]+\?notice=chit-added$/);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Chit added/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Margadarsi 2L M44");
    expect(await page.getByRole("row", { name: /^1 5 Jan 2026/ }).textContent()).toContain("₹5,000");
    const chitUrl = page.url().replace(/\?.*$/, "");

    // record instalment 2's auction from the schedule: its dividend lowers instalment 3
    await page.getByRole("link", { name: "Record auction for instalment 2", exact: true }).click();
    await page.getByLabel("Winning discount (₹)").fill("60,000");
    await page.getByRole("button", { name: "Save instalment 2" }).click();
    await page.waitForURL(/\?notice=instalment-saved$/);
    expect(await page.getByRole("row", { name: /^3 5 Mar 2026/ }).textContent()).toContain("₹3,750");

    // a file over the limit is stopped in the browser before it is uploaded
    await page.getByRole("link", { name: "Record payment" }).click();
    await page.waitForURL("**/payments/new");
    expect(await page.getByLabel("Instalment", { exact: true }).inputValue()).toBe("1");
    expect(await page.getByLabel("Amount (₹)", { exact: true }).inputValue()).toBe("5,000");
    // the amount follows the chosen instalment's balance until the member types one
    await page.getByLabel("Instalment", { exact: true }).selectOption("3");
    expect(await page.getByLabel("Amount (₹)", { exact: true }).inputValue()).toBe("3,750");
    await page.getByLabel("Instalment", { exact: true }).selectOption("1");
    expect(await page.getByLabel("Amount (₹)", { exact: true }).inputValue()).toBe("5,000");
    const receipts = page.getByLabel("Photos, screenshots or PDFs of the payment");
    await receipts.setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(2_500_000, 1) });
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect
      .poll(() => page.locator("#f-receipts-error").textContent())
      .toMatch(/huge\.jpg \(2\.4 MB\) is larger than the 2 MB limit/);
    expect(page.url()).toMatch(/\/payments\/new$/);

    // pay with a photo of the receipt
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } },
    })
      .jpeg()
      .toBuffer();
    await receipts.setInputFiles({ name: "upi-screenshot.jpg", mimeType: "image/jpeg", buffer: photo });
    await expect.poll(() => page.locator("#f-receipts-error").textContent()).toBe("");
    // and a second receipt dragged onto the drop zone joins it
    const png = (
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#2a2" } })
        .png()
        .toBuffer()
    ).toString("base64");
    const dropped = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], "bank-sms.png", { type: "image/png" }));
      return transfer;
    }, png);
    await page.getByText("Or drag and drop receipt files here.").dispatchEvent("drop", { dataTransfer: dropped });
    await expect
      .poll(() => page.locator("[data-dropzone-list]").textContent())
      .toBe("Chosen: upi-screenshot.jpg, bank-sms.png");
    await page.getByLabel("Method", { exact: true }).selectOption("upi");
    await page.getByLabel("Reference (UPI or UTR number)").fill("412233445566");
    await page.getByRole("button", { name: "Record payment" }).click();
    await page.waitForURL(/\/payments\/[^/]+\?notice=payment-saved$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Payment of ₹5,000");
    const thumbnail = page.getByRole("img", { name: /^Receipt \d: upi-screenshot\.jpg$/ });
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.getByRole("img", { name: /^Receipt \d: bank-sms\.png$/ }).count()).toBe(1);
    const paymentUrl = page.url().replace(/\?.*$/, "");

    // the dashboard shows the chit (and what was paid, where it shows totals)
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL("**/dashboard");
    const dashboard = (await page.locator("main").textContent()) ?? "";
    expect(dashboard).toContain("Margadarsi 2L M44");
    if (/Total paid/.test(dashboard)) expect(dashboard).toContain("₹5,000");

    // the history lists it; its link opens the payment
    await page.getByRole("link", { name: "Payments", exact: true }).click();
    await page.waitForURL("**/payments");
    const row = page.getByRole("row", { name: /Margadarsi 2L M44/ });
    expect(await row.textContent()).toContain("₹5,000");
    expect(await row.textContent()).toContain("412233445566");
    await page.getByLabel("Search reference and notes").fill("412233");
    await page.getByRole("button", { name: "Show payments" }).click();
    await page.waitForURL("**/payments?*q=412233*");
    await page.getByRole("link", { name: /^Payment of ₹5,000 on .* for Margadarsi 2L M44$/ }).click();
    await page.waitForURL(paymentUrl);

    // open the receipt: the full image loads
    await page
      .getByRole("figure")
      .filter({ hasText: "upi-screenshot.jpg" })
      .getByRole("link", { name: /^Open receipt/ })
      .click();
    await page.waitForURL(/\/receipts\/[^/]+\/view$/);
    const full = page.getByRole("img", { name: "Receipt: upi-screenshot.jpg" });
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800);
    expect(await page.getByRole("link", { name: "Download" }).getAttribute("href")).toMatch(/\?download=1$/);

    // on a 360 px phone the chit page fits: the schedule scrolls inside its own box
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(chitUrl);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // delete the chit: the browser asks, and the answer goes with the form
    await page.setViewportSize({ width: 1280, height: 800 });
    let question = "";
    page.once("dialog", (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL("**/chits?notice=chit-deleted");
    expect(question).toBe("Delete Margadarsi 2L M44 with 1 payment and 2 receipts? This cannot be undone.");
    expect(await page.locator("main").textContent()).toContain("No chits yet");

    expect(problems).toEqual([]);
    await context.close();
  });
});
