// Two-factor sign-in in a real browser: set it up from Settings > Security by scanning (here: reading) the QR code's
// key and typing the app's code, then sign in with password and code, and once with a recovery code. Codes are computed
// as an authenticator app does (RFC 6238); the page runs under the strict CSP with no console errors.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { totpCode } from "../test/support/totp.ts";
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

describe("two-factor sign-in in a browser", () => {
  it("is set up with the app's code, then asked at every sign-in; a recovery code works", async () => {
    const email = "kavya@example.com";
    const password = "monsoon ledger river";
    await createAdmin(server.services, { email, password, name: "Kavya" });
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    const problems = watchProblems(page, { responses: false });

    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/dashboard");

    // Set up from Settings > Security.
    await page.goto("/settings/security");
    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect
      .poll(() => page.getByRole("img", { name: "QR code for your authenticator app" }).isVisible())
      .toBe(true);
    const uri = await page.locator('input[name="totpUri"]').getAttribute("value");
    const key = (await page.locator(".totp-key").textContent())!.replace(/\s/g, "");
    expect(new URL(uri!).searchParams.get("secret")).toBe(key);
    const recovery = (
      await page.getByRole("list", { name: "Your new recovery codes" }).locator("li").allTextContents()
    ).map((s) => s.trim());
    expect(recovery).toHaveLength(10);
    await page.getByLabel("3. Enter the 6-digit code your app shows now").fill(totpCode(uri!));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.waitForURL("**/settings/security?notice=two-factor-on");
    expect(await page.getByText("Two-factor sign-in is on").first().isVisible()).toBe(true);

    // Sign out, sign in again: the password leads to the code.
    await page.goto("about:blank"); // no request of the last page may set a cookie after they are cleared
    await page.context().clearCookies();
    await page.goto("/login?next=/chits");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/login/code?next=%2Fchits");
    await page.getByLabel("Code or recovery code").fill("000000");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByText("That code is not right").isVisible()).toBe(true);
    await page.getByLabel("Code or recovery code").fill(totpCode(uri!));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/chits");

    // Lost phone: a recovery code, once.
    await page.goto("about:blank"); // no request of the last page may set a cookie after they are cleared
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/login/code**");
    await page.getByLabel("Code or recovery code").fill(recovery[0]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");

    // The account activity page tells the story.
    await page.goto("/settings/activity");
    const kinds = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(kinds.slice(0, 3).map((k) => k.trim())).toEqual([
      "Signed in with a recovery code",
      "Signed in",
      "Two-factor sign-in turned on",
    ]);
    // The wrong code was answered 400 on purpose (the browser notes any 400 in its console); nothing else went wrong.
    expect(problems.filter((p) => !/login\/code: Failed to load resource: .* 400/.test(p))).toEqual([]);
    await context.close();
  });
});
