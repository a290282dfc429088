// Sharing a UPI screenshot into the app, and choosing one on the payment form: the fields fill in from the screenshot
// (marked so), the chit is guessed from the payee, a signed-out member signs in first and lands on the same form, and
// saving a payment that differs from its screenshot warns. Nothing is recorded until the member sends the form.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit } from "../src/app/create-chit.ts";
import { UPI_FIXTURES } from "../test/support/upi-fixtures.ts";
import { launchBrowser, watchProblems } from "./support/browser.ts";
import { logIn, phoneContext } from "./support/pwa.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const SHOT = join(UPI_FIXTURES, "tuning", "05-gpay-dark.png"); // ₹900 to Shriram Chits, UTR 216672160894, 7 Apr 2025
const TRUTH = JSON.parse(readFileSync(SHOT.replace(/\.png$/, ".json"), "utf8"));

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

async function memberWithChits(email: string) {
  const password = "tamarind kite seven";
  const member = await createAdmin(server.services, { email, password, name: email.split("@")[0] });
  const base = { chitValue: 100000, members: 20, startDate: "2025-01-10", dueDay: 10 };
  const kapil = await createChit(server.services.ledger, member.id, {
    ...base,
    name: "Kapil 1L",
    organizer: "Kapil Chits",
  });
  const shriram = await createChit(server.services.ledger, member.id, {
    ...base,
    name: "Shriram 1L",
    organizer: "Shriram Chits",
  });
  return { email, password, kapil, shriram, memberId: member.id };
}

/** What the phone does when a screenshot is shared to the installed app: a multipart POST navigation to /share. */
async function share(page: Page, file: string) {
  const bytes = [...readFileSync(file)];
  await page.evaluate(
    ({ bytes, name }) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = "/share";
      form.enctype = "multipart/form-data";
      const input = document.createElement("input");
      input.type = "file";
      input.name = "file";
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(bytes)], name, { type: "image/png" }));
      input.files = files.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { bytes, name: "Screenshot_gpay.png" },
  );
}

const payments = (memberId: string) => server.services.ledger.payments.listForOwner(memberId);

describe("sharing a UPI screenshot into the app", () => {
  it(
    "signed out: signs in first, then lands on a new payment with the screenshot attached " +
      "and the fields read from it",
    async () => {
      const m = await memberWithChits("sharer@example.com");
      const context = await phoneContext(browser, server.baseUrl);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto("/login");
      await share(page, SHOT);
      await page.waitForURL(/\/login\?next=%2Fshare%2Fnew/);
      expect(await payments(m.memberId)).toEqual([]);
      await logIn(page, m.email, m.password, "/share/new");
      await page.waitForURL("**/share/new");

      expect(
        await page.getByRole("status").filter({ hasText: "Shared file, attached as the receipt" }).textContent(),
      ).toContain("Screenshot_gpay.png");
      expect(await page.getByLabel("Chit", { exact: true }).inputValue()).toBe(m.shriram.id);
      expect(await page.getByText("The chit was chosen from the payee on the screenshot").isVisible()).toBe(true);
      expect(await page.getByLabel(/^Amount/).inputValue()).toBe("900");
      expect(await page.getByLabel(/^Reference/).inputValue()).toBe(TRUTH.reference);
      expect(await page.getByLabel(/^Paid on/).inputValue()).toBe(TRUTH.paidOn);
      expect(await page.locator("[data-read-badge]").count()).toBe(3);
      expect(await payments(m.memberId)).toEqual([]);

      await page.getByRole("button", { name: "Record payment" }).click();
      await page.waitForURL(/\/payments\/[^/]+\?notice=payment-saved$/);
      const [payment] = await payments(m.memberId);
      expect(payment).toMatchObject({
        chitId: m.shriram.id,
        amount: 90_000,
        reference: TRUTH.reference,
        paidOn: TRUTH.paidOn,
      });
      expect(payment!.receipts).toHaveLength(1);
      expect(payment!.receipts[0]!.originalName).toBe("Screenshot_gpay.png");
      // the pending file is gone: the same form cannot record it twice
      await page.goto("/share/new");
      expect(await page.getByRole("alert").textContent()).toContain("The shared file is no longer here");
      expect(problems.filter((p) => !p.includes("/share/new"))).toEqual([]);
      await context.close();
    },
  );

  it(
    "signed in: goes straight to the form, the member can move it to another chit, and " +
      "nothing is saved until sent",
    async () => {
      const m = await memberWithChits("signedin@example.com");
      const context = await phoneContext(browser, server.baseUrl);
      const page = await context.newPage();
      await logIn(page, m.email, m.password);
      await page.waitForURL("**/dashboard");
      await share(page, SHOT);
      await page.waitForURL("**/share/new");
      expect(await page.getByLabel(/^Reference/).inputValue()).toBe(TRUTH.reference);
      await page.getByLabel("Chit", { exact: true }).selectOption(m.kapil.id);
      await page.waitForURL(`**/share/new?chit=${m.kapil.id}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Kapil 1L");
      expect(await page.getByLabel(/^Amount/).inputValue()).toBe("900");
      expect(await payments(m.memberId)).toEqual([]);
      await page.getByRole("button", { name: "Record payment" }).click();
      await page.waitForURL(/\/payments\/[^/]+\?notice=payment-saved$/);
      expect((await payments(m.memberId)).map((p) => p.chitId)).toEqual([m.kapil.id]);
      await context.close();
    },
  );

  it("picks, of two chits with the same foreman, the one whose saved UPI id the screenshot was paid to", async () => {
    const m = await memberWithChits("twotickets@example.com");
    // the member's second Shriram ticket, paid to the branch's own UPI id; the first one falls due nearer the payment
    const base = { chitValue: 100000, members: 20, startDate: "2025-02-25", dueDay: 25, organizer: "Shriram Chits" };
    const branch = await createChit(server.services.ledger, m.memberId, {
      ...base,
      name: "Shriram branch 1L",
      upiIds: ["ShriramChits@SBI"],
    });
    const context = await phoneContext(browser, server.baseUrl);
    const page = await context.newPage();
    await logIn(page, m.email, m.password);
    await page.waitForURL("**/dashboard");
    await share(page, SHOT);
    await page.waitForURL("**/share/new");
    expect(await page.getByLabel("Chit", { exact: true }).inputValue()).toBe(branch.id);
    expect(await page.getByText("The chit was chosen from the payee on the screenshot").isVisible()).toBe(true);
    await context.close();
  });

  it("refuses a share posted from another site, and a file that is not an image or PDF", async () => {
    const m = await memberWithChits("refuse@example.com");
    const context = await phoneContext(browser, server.baseUrl);
    const page = await context.newPage();
    await logIn(page, m.email, m.password);
    await page.waitForURL("**/dashboard");
    const cross = await page.request.post("/share", {
      headers: { "sec-fetch-site": "cross-site" },
      multipart: { file: { name: "a.png", mimeType: "image/png", buffer: readFileSync(SHOT) } },
      maxRedirects: 0,
    });
    expect(cross.status()).toBe(403);
    const text = await page.request.post("/share", {
      multipart: { file: { name: "a.png", mimeType: "image/png", buffer: Buffer.from("not a picture") } },
      maxRedirects: 0,
    });
    expect(text.status()).toBe(415);
    expect(await payments(m.memberId)).toEqual([]);
    await context.close();
  });
});

describe("choosing a screenshot on the payment form", () => {
  it(
    "fills the empty fields from it, marks them, and warns when the payment is saved with " + "another amount",
    async () => {
      const m = await memberWithChits("chooser@example.com");
      const context = await phoneContext(browser, server.baseUrl);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await logIn(page, m.email, m.password);
      await page.waitForURL("**/dashboard");
      await page.goto(`/chits/${m.shriram.id}/payments/new`);
      await page.getByLabel("Photos, screenshots or PDFs of the payment").setInputFiles(SHOT);
      await expect.poll(() => page.getByLabel(/^Reference/).inputValue(), { timeout: 20_000 }).toBe(TRUTH.reference);
      expect(await page.getByLabel(/^Amount/).inputValue()).toBe("900");
      expect(await page.getByLabel(/^Paid on/).inputValue()).toBe(TRUTH.paidOn);
      expect(await page.locator("label [data-read-badge]").count()).toBe(3);

      await page.getByLabel(/^Amount/).fill("950");
      expect(await page.locator("[data-screenshot-differs]").first().textContent()).toBe("The screenshot shows ₹900.");
      await page.getByRole("button", { name: "Record payment" }).click();
      await page.waitForURL(/\/payments\/[^/]+\?notice=payment-saved&shown-amount=900$/);
      expect(await page.locator("[data-screenshot-warning]").textContent()).toBe(
        "The screenshot shows ₹900, but the payment was saved with ₹950. Check which is right.",
      );
      const [payment] = await payments(m.memberId);
      expect(payment).toMatchObject({ amount: 95_000, reference: TRUTH.reference });
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
