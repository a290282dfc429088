// Sign-in is limited per account as well as per address: wrong passwords from many addresses still stop at the
// account's limit, the member is told by mail, other accounts are not affected, and the pause ends with its window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/ports/clock.ts";
import { BASE, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { alerts } from "./support/html.ts";

let t: TestApp;
let now = new Date("2026-03-15T04:30:00Z");
const clock: Clock = { now: () => now };
const password = "correct horse battery";

beforeAll(async () => {
  // Each try from its own (proxy-forwarded) address, with the per-address limits on: only the per-account limit can
  // stop them.
  t = await startTestApp({ clock, env: { RATE_LIMIT: "true", TRUST_PROXY: "true" } });
});
afterAll(async () => {
  await t.close();
});

let address = 0;
const signIn = (email: string, pass: string) =>
  t.client.fetch("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${++address % 250}` },
    body: JSON.stringify({ email, password: pass }),
  });

describe("the per-account sign-in limit", () => {
  it(
    "stops the 11th try within 15 minutes from any address, mails the member at the 5th, " +
      "and spares other accounts",
    async () => {
      await signedInMember(t, "asha@example.com", { password });
      await signedInMember(t, "ravi@example.com", { password });
      for (let i = 1; i <= 10; i++)
        expect((await signIn("asha@example.com", `wrong guess ${i}`)).status, `try ${i}`).toBe(401);
      const refused = await signIn("asha@example.com", password);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ code: "ACCOUNT_LOCKED" });
      // The page says so in plain words.
      const page = await t.newClient().form("/login", { email: "asha@example.com", password }, {});
      expect(page.status).toBe(429);
      expect(alerts(await page.text()).join(" ")).toMatch(
        /Too many wrong passwords for this account\. Try again in 15 minutes/,
      );
      // Another account is not affected.
      expect((await signIn("ravi@example.com", password)).status).toBe(200);
      // The member was told once, at the fifth wrong password.
      const notice = await t.smtp!.waitFor("asha@example.com", /trying to sign in/);
      expect(notice.text).toContain("5 times in the last 15 minutes");
      expect(notice.text).toMatch(/came from 198\.51\.100\.\d+/);
      expect(
        t.smtp!.mails.filter((m) => m.to.includes("asha@example.com") && /trying to sign in/.test(m.subject)),
      ).toHaveLength(1);
      // The pause ends with the window.
      now = new Date(now.getTime() + 16 * 60 * 1000);
      expect((await signIn("asha@example.com", password)).status).toBe(200);
    },
  );

  it("counts an address nobody registered the same way, and mails nobody", async () => {
    const before = t.smtp!.mails.length;
    for (let i = 1; i <= 10; i++) expect((await signIn("nobody@example.com", `guess ${i}`)).status).toBe(401);
    const refused = await signIn("nobody@example.com", "guess 11");
    expect(refused.status).toBe(429);
    expect(t.smtp!.mails.length).toBe(before);
    void BASE;
  });
});
