// Issue 15 in a real browser: a weekly, whole-rupee chit with a late rule added through the form's Advanced part, its
// schedule with the prize column, and "Thinking of bidding this month?" drawing its chart under the strict CSP.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { launchBrowser, watchProblems } from "./support/browser.ts";
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

describe("chit rules in a browser", () => {
  it(
    "adds a weekly whole-rupee chit with a late rule, shows prizes, and answers the bid " + "question with a chart",
    async () => {
      const email = "lakshmi@example.com";
      const password = "banyan river twelve";
      await createAdmin(server.services, { email, password, name: "Lakshmi" });
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const page = await context.newPage();
      const problems = watchProblems(page);

      await page.goto("/login");
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL("**/dashboard");

      await page.goto("/chits/new");
      await page.getByLabel("Name", { exact: true }).fill("Market weekly");
      await page.getByLabel("Chit value (₹)", { exact: true }).fill("52,000");
      await page.getByLabel("Number of members", { exact: true }).fill("52");
      await page.getByLabel("Date of the first instalment", { exact: true }).fill("2026-01-07");
      await page.getByLabel("Due day of the month", { exact: true }).fill("7");
      await page.getByLabel("How often").selectOption("weekly");
      await page.getByText("Advanced: how this chit shares discounts and commission").click();
      await page.getByLabel("How the foreman rounds").selectOption("rupee");
      await page.getByLabel("What paying late costs").selectOption("interest");
      await page.getByLabel("Penalty interest (% a year)").fill("24");
      await page.getByRole("button", { name: "Add chit" }).click();
      await page.waitForURL(/\/chits\/[^/]+\?notice=chit-added$/);

      // the foreman's prize
      expect(await page.getByRole("row", { name: /^1 7 Jan 2026/ }).textContent()).toContain("₹52,000");
      expect(await page.getByRole("row", { name: /^2 14 Jan 2026/ }).count()).toBe(1);
      expect(await page.getByRole("columnheader", { name: "Prize" }).count()).toBe(1);
      expect(await page.getByRole("columnheader", { name: "Penalty" }).count()).toBe(1);

      const bid = page.locator("#bid");
      await bid.getByLabel("Instalment").fill("3");
      await bid.getByLabel("Discount you would bid (₹)").fill("10,000");
      await bid.getByRole("button", { name: "Show" }).click();
      await expect
        .poll(() => page.locator("#bid-advice-result").textContent())
        .toMatch(/Winning instalment 3 at a discount of ₹10,000/);
      // Chart.js drew on the canvas from the same-origin script (no inline script under the CSP)
      await expect
        .poll(() =>
          page.evaluate(() =>
            Boolean(
              (window as unknown as { Chart?: { getChart(el: Element | null): unknown } }).Chart?.getChart(
                document.getElementById("bid-chart"),
              ),
            ),
          ),
        )
        .toBe(true);
      if (process.env.SCREENSHOT_DIR)
        await page.locator("#bid").screenshot({ path: `${process.env.SCREENSHOT_DIR}/bid-section.png` });
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
