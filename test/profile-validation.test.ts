// Every way to set a profile field applies the same rules as sign-up, and a bad value already stored never breaks
// pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "./support/api.ts";
import { BASE, type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { fieldError, selectedOption } from "./support/html.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = "correct horse battery";
const stored = async (email: string) => {
  const { name, phone, locale, timeZone } = (await t.db.users(email))[0]!;
  return { name, phone, locale, timeZone };
};

async function pages(client: Client) {
  for (const path of ["/dashboard", "/chits", "/payments", "/settings/profile", "/calendar"]) {
    expect((await client.fetch(path)).status, path).toBe(200);
  }
  await expectStatus(client.fetch("/api/v1/summary"), 200);
  await expectStatus(client.fetch("/api/v1/chits"), 200);
}

describe("better-auth's update-user", () => {
  it(
    "refuses a bad time zone, language, phone or name with 400 naming the field, and the " +
      "member's pages still answer",
    async () => {
      const member = await signedInMember(t, "asha@example.com", { password });
      const before = await stored("asha@example.com");
      const refused: [Record<string, unknown>, string, string][] = [
        [{ timeZone: "Not/AZone" }, "timeZone", "INVALID_TIME_ZONE"],
        [{ timeZone: "Mars/Olympus" }, "timeZone", "INVALID_TIME_ZONE"],
        [{ timeZone: "+05:30" }, "timeZone", "INVALID_TIME_ZONE"],
        [{ locale: "xx" }, "locale", "UNSUPPORTED_LANGUAGE"],
        [{ phone: "<b>call me</b>" }, "phone", "INVALID_PHONE"],
        [{ phone: "9".repeat(21) }, "phone", "FIELD_TOO_LONG"],
        [{ name: "n".repeat(101) }, "name", "FIELD_TOO_LONG"],
        [{ name: "n".repeat(500_000) }, "name", "FIELD_TOO_LONG"],
        [{ name: "   " }, "name", "NAME_REQUIRED"],
        [{ image: "i".repeat(5000) }, "image", "FIELD_TOO_LONG"],
      ];
      for (const [body, field, code] of refused) {
        const res = await member.json("/api/auth/update-user", body);
        const text = await res.text();
        expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
        expect(JSON.parse(text)).toMatchObject({ code, field });
      }
      expect(await stored("asha@example.com")).toEqual(before);
      await pages(member);
      // Good values still go through.
      await expectStatus(
        member.json("/api/auth/update-user", {
          timeZone: "Asia/Dubai",
          locale: "hi",
          phone: "+91 98765 43210",
          name: "Asha R",
        }),
        200,
      );
      expect(await stored("asha@example.com")).toEqual({
        name: "Asha R",
        phone: "+91 98765 43210",
        locale: "hi",
        timeZone: "Asia/Dubai",
      });
    },
  );

  it("a 20 MB name is refused before it is read (413, the body cap); nothing changes", async () => {
    const member = await signedInMember(t, "big@example.com", { password });
    const res = await member.json("/api/auth/update-user", { name: "n".repeat(20 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect((await stored("big@example.com")).name).toBe("big");
    await pages(member);
  });

  it("a member still waiting for approval is held to the same rules", async () => {
    const pending = await signedInMember(t, "pending@example.com", { password, approve: false });
    const res = await pending.json("/api/auth/update-user", { timeZone: "Not/AZone" });
    expect(res.status).toBe(400);
    expect((await stored("pending@example.com")).timeZone).toBe("Asia/Kolkata");
  });
});

describe("sign-up", () => {
  it("refuses a made-up time zone or language with 400", async () => {
    for (const [extra, code] of [
      [{ timeZone: "Mars/Olympus" }, "INVALID_TIME_ZONE"],
      [{ locale: "xx" }, "UNSUPPORTED_LANGUAGE"],
      [{ phone: "<script>" }, "INVALID_PHONE"],
    ] as const) {
      const email = `signup-${code.toLowerCase()}@example.com`;
      const res = await t.newClient().json("/api/auth/sign-up/email", { name: "New", email, password, ...extra });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe(code);
      expect(await t.db.users(email)).toEqual([]);
    }
  });
});

describe("a bad value already in the store", () => {
  it("never turns the member's pages or API into errors: it is read as the default", async () => {
    const member = await signedInMember(t, "stored@example.com", { password });
    await member.json("/api/v1/chits", {
      name: "Chit",
      chitValue: 100000,
      members: 20,
      startDate: "2025-01-05",
      dueDay: 5,
    });
    await t.db.setUser("stored@example.com", {
      timeZone: "Not/AZone",
      locale: "xx",
      name: "N".repeat(100_000),
      phone: "<b>x</b>".repeat(50),
    });
    await pages(member);
    const profile = await (await member.fetch("/settings/profile")).text();
    expect(selectedOption(profile, "timeZone")).toBe("Asia/Kolkata");
    expect(profile.length).toBeLessThan(200_000);
  });
});

describe("the profile page", () => {
  it("names the bad field beside it and keeps what was typed", async () => {
    const member = await signedInMember(t, "page@example.com", { password });
    await member.fetch("/settings/profile");
    const res = await member.form("/settings/profile", {
      name: "Page",
      phone: "",
      locale: "en",
      timeZone: "Not/AZone",
    });
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "timeZone")).toBe("Choose a time zone from the list.");
    const language = await member.form("/settings/profile", {
      name: "Page",
      phone: "",
      locale: "xx",
      timeZone: "Asia/Kolkata",
    });
    expect(fieldError(await language.text(), "locale")).toBe("Choose a language from the list.");
    expect((await stored("page@example.com")).timeZone).toBe("Asia/Kolkata");
    void BASE;
  });
});
