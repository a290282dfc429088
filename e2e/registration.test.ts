// The whole way in, in a real browser against the real server: register, code from the captured mail, confirm, wait,
// the admin approves on the Admin page, the member logs in and sees the dashboard (also on a 360 px wide phone).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { launchBrowser, watchProblems } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

let server: RunningServer;
let browser: Browser;
let shots: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  shots = mkdtempSync(join(tmpdir(), "chitfunds-shots-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (shots) rmSync(shots, { recursive: true, force: true });
});

describe("registration in a browser", () => {
  it(
    "a member registers, confirms the emailed code, is approved by the admin, logs in and " + "sees the dashboard",
    async () => {
      const email = "asha@example.com";
      const password = "mango tree river";
      await createAdmin(server.services, { email: "owner@example.com", password: "owner pass phrase" });

      // the member registers
      const memberContext = await browser.newContext();
      const member = await memberContext.newPage();
      const memberProblems = watchProblems(member);
      await member.goto(`${server.baseUrl}/register`);
      await member.getByLabel("Full name").fill("Asha Rao");
      await member.getByLabel("Email", { exact: true }).fill(email);
      await member.getByLabel("Phone (optional)").fill("+91 98765 43210");
      await member.getByLabel("Password", { exact: true }).fill(password);
      await member.getByRole("button", { name: "Register", exact: true }).click();
      await member.waitForURL(/\/verify\?email=asha%40example\.com/);
      await member.getByText("We sent a 6-digit code to your email.").waitFor();

      // reads the code from the mail that really went through SMTP, and confirms
      const code = await server.smtp.codeFor(email);
      await member.getByLabel("Code", { exact: true }).fill(code);
      await member.getByRole("button", { name: "Confirm" }).click();
      await member.waitForURL(`${server.baseUrl}/pending`);
      await member.getByRole("heading", { name: "Waiting for approval" }).waitFor();
      expect(await member.getByText("Thank you, Asha Rao.").count()).toBe(1);

      // the admin logs in in another browser, opens Admin and approves
      const adminContext = await browser.newContext();
      const admin = await adminContext.newPage();
      const adminProblems = watchProblems(admin);
      await admin.goto(`${server.baseUrl}/login`);
      await admin.getByLabel("Email").fill("owner@example.com");
      await admin.getByLabel("Password").fill("owner pass phrase");
      await admin.getByRole("button", { name: "Log in" }).click();
      await admin.waitForURL(`${server.baseUrl}/dashboard`);
      await admin.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Admin" }).click();
      await admin.waitForURL(`${server.baseUrl}/admin`);
      await admin.getByText("Asha Rao", { exact: true }).waitFor();
      await admin.getByRole("button", { name: `Approve ${email}` }).click();
      await admin.waitForURL(/\/admin\?notice=approved/);
      await admin.getByText("Member approved; they have been told by email.").waitFor();
      expect(await admin.getByRole("button", { name: `Approve ${email}` }).count()).toBe(0);
      await server.smtp.waitFor(email, /approved/);

      // the member logs in on a 360 px wide phone and sees the dashboard
      const phoneContext = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const phone = await phoneContext.newPage();
      const phoneProblems = watchProblems(phone);
      await phone.goto(`${server.baseUrl}/login`);
      await phone.getByLabel("Email").fill(email);
      await phone.getByLabel("Password").fill(password);
      await phone.getByRole("button", { name: "Log in" }).click();
      await phone.waitForURL(`${server.baseUrl}/dashboard`);
      await phone.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();

      const shot = join(shots, "dashboard-360.png");
      await phone.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(1000);
      const widths = await phone.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.client).toBe(360);
      expect(widths.scroll).toBeLessThanOrEqual(360);

      // the phone's menu opens (Bootstrap's script runs under the strict CSP) and leads to the profile
      await phone.getByRole("button", { name: "Menu" }).click();
      await phone.getByRole("button", { name: "Settings" }).click();
      await phone.getByRole("link", { name: "Profile" }).click();
      await phone.waitForURL(`${server.baseUrl}/settings/profile`);
      await phone.getByRole("heading", { name: "Profile", level: 1 }).waitFor();

      expect([...memberProblems, ...adminProblems, ...phoneProblems]).toEqual([]);
      await Promise.all([memberContext.close(), adminContext.close(), phoneContext.close()]);
    },
  );
});
