// A member's account once in: log out, forgotten password by emailed code, change password, profile, and who is kept
// out (waiting, rejected and banned members; non-admins on admin pages).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rejectMember } from "../src/app/reject-member.ts";
import { setMemberBan } from "../src/app/set-member-ban.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { alerts, fieldError, fieldValue, heading, selectedOption } from "./support/html.ts";

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const password = "correct horse battery";
const newPassword = "purple lantern harbour";

const signIn = (email: string, pw: string) => t.newClient().json("/api/auth/sign-in/email", { email, password: pw });

/** A fresh client that sends exactly this cookie header: the same browser session, replayed. */
function replay(cookieHeader: string) {
  const c = t.newClient();
  return (path: string) => c.fetch(path, { headers: { cookie: cookieHeader } });
}

describe("logging out", () => {
  it("a member who logs out is sent to the login page and the old session no longer works anywhere", async () => {
    const member = await signedInMember(t, "asha@example.com");
    expect((await member.fetch("/api/v1/summary")).status).toBe(200);
    const oldSession = replay(member.cookieHeader());

    const out = await member.form("/logout", {});
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/login?notice=logged-out");
    const loginPage = await member.fetch("/login?notice=logged-out");
    expect(alerts(await loginPage.text())).toContain("You are logged out.");

    expect((await member.fetch("/api/v1/summary")).status).toBe(401);
    expect((await oldSession("/api/v1/summary")).status).toBe(401);
    const page = await oldSession("/dashboard");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/login?next=%2Fdashboard");
  });
});

describe("forgotten password", () => {
  it("a member resets the password with the emailed code; the old password and old sessions stop working", async () => {
    const member = await signedInMember(t, "ravi@example.com", { password });
    const stranger = t.newClient();
    const asked = await stranger.form("/forgot", { email: "ravi@example.com" });
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe("/reset?email=ravi%40example.com&notice=reset-sent");
    const mail = await t.smtp!.waitFor("ravi@example.com", /code/i);
    expect(mail.text).toMatch(/reset your ChitFunds Ledger password/);
    const code = await t.smtp!.codeFor("ravi@example.com");

    const reset = await stranger.form("/reset", { email: "ravi@example.com", code, password: newPassword });
    expect(reset.status).toBe(303);
    expect(reset.headers.get("location")).toBe("/login?notice=password-reset");

    expect((await signIn("ravi@example.com", password)).status).toBe(401);
    expect((await signIn("ravi@example.com", newPassword)).status).toBe(200);
    expect((await member.fetch("/api/v1/summary")).status).toBe(401);
    const login = await t.newClient().form("/login", { email: "ravi@example.com", password: newPassword });
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/dashboard");
  });

  it("a wrong code on the reset page is refused beside the code field and the password stays as it was", async () => {
    await signedInMember(t, "meena@example.com", { password });
    const c = t.newClient();
    await c.form("/forgot", { email: "meena@example.com" });
    const code = await t.smtp!.codeFor("meena@example.com");
    const wrong = code === "000000" ? "111111" : "000000";

    const page = await c.form("/reset", { email: "meena@example.com", code: wrong, password: newPassword });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(fieldError(html, "code")).toBe("That code is not right. Check the latest email and try again.");
    expect(fieldValue(html, "email")).toBe("meena@example.com");
    expect(fieldValue(html, "password")).toBeUndefined();
    expect(html).not.toContain(newPassword);
    expect((await signIn("meena@example.com", newPassword)).status).toBe(401);
    expect((await signIn("meena@example.com", password)).status).toBe(200);
  });

  it("a weak new password is refused beside the password field, and the code still works with a good one", async () => {
    await signedInMember(t, "kiran@example.com", { password });
    const c = t.newClient();
    await c.form("/forgot", { email: "kiran@example.com" });
    const code = await t.smtp!.codeFor("kiran@example.com");

    const weak = await c.form("/reset", { email: "kiran@example.com", code, password: "password123" });
    expect(weak.status).toBe(400);
    const html = await weak.text();
    expect(fieldError(html, "password")).toMatch(/too common/);
    expect(fieldValue(html, "code")).toBe(code);
    expect((await signIn("kiran@example.com", "password123")).status).toBe(401);

    expect((await c.form("/reset", { email: "kiran@example.com", code, password: newPassword })).status).toBe(303);
    expect((await signIn("kiran@example.com", newPassword)).status).toBe(200);
  });
});

describe("changing the password", () => {
  it("a wrong current password is refused beside that field and nothing changes", async () => {
    const member = await signedInMember(t, "asha@example.com", { password });
    const page = await member.form("/settings/password", { currentPassword: "not my password", newPassword });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(fieldError(html, "currentPassword")).toBe("Your current password is not right.");
    expect(alerts(html)).toContain("Your password was not changed.");
    expect(html).not.toContain(newPassword);
    expect((await signIn("asha@example.com", password)).status).toBe(200);
    expect((await signIn("asha@example.com", newPassword)).status).toBe(401);
  });

  it("a weak new password is refused beside the new password field", async () => {
    const member = await signedInMember(t, "asha@example.com", { password });
    const page = await member.form("/settings/password", { currentPassword: password, newPassword: "1234567890" });
    expect(page.status).toBe(400);
    expect(fieldError(await page.text(), "newPassword")).toMatch(/too common/);
    expect((await signIn("asha@example.com", password)).status).toBe(200);
  });

  it("a changed password signs out the member's other devices but keeps this one signed in", async () => {
    const laptop = await signedInMember(t, "asha@example.com", { password });
    const phone = t.newClient();
    expect((await phone.json("/api/auth/sign-in/email", { email: "asha@example.com", password })).status).toBe(200);
    expect((await phone.fetch("/api/v1/summary")).status).toBe(200);

    const changed = await laptop.form("/settings/password", { currentPassword: password, newPassword });
    expect(changed.status).toBe(303);
    expect(changed.headers.get("location")).toBe("/settings/profile?notice=password-changed");

    expect((await phone.fetch("/api/v1/summary")).status).toBe(401);
    expect((await laptop.fetch("/api/v1/summary")).status).toBe(200);
    expect((await signIn("asha@example.com", password)).status).toBe(401);
    expect((await signIn("asha@example.com", newPassword)).status).toBe(200);
  });
});

describe("profile", () => {
  it("a member changes name, phone, language and time zone, and sees them on the profile page", async () => {
    const member = await signedInMember(t, "asha@example.com");
    const saved = await member.form("/settings/profile", {
      name: "Asha Rao",
      phone: "+91 98765 43210",
      locale: "hi",
      timeZone: "America/New_York",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/settings/profile?notice=profile-saved");

    const stored = await t.services.members.findByEmail("asha@example.com");
    expect(stored).toMatchObject({
      name: "Asha Rao",
      phone: "+91 98765 43210",
      locale: "hi",
      timeZone: "America/New_York",
    });
    const html = await (await member.fetch("/settings/profile?notice=profile-saved")).text();
    // Hindi was chosen, so the page now speaks it.
    expect(alerts(html)).toContain("आपकी प्रोफ़ाइल सेव हो गई।");
    expect(fieldValue(html, "name")).toBe("Asha Rao");
    expect(fieldValue(html, "phone")).toBe("+91 98765 43210");
    expect(selectedOption(html, "locale")).toBe("hi");
    expect(selectedOption(html, "timeZone")).toBe("America/New_York");
  });

  it(
    "an unknown time zone is refused with 400 beside the field, what was typed is kept, " + "and nothing is saved",
    async () => {
      const member = await signedInMember(t, "ravi@example.com", { name: "Ravi" });
      const page = await member.form("/settings/profile", {
        name: "Ravi Kumar",
        phone: "98765 43210",
        locale: "hi",
        timeZone: "Mars/Olympus_Mons",
      });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(fieldError(html, "timeZone")).toBe("Choose a time zone from the list.");
      expect(fieldValue(html, "name")).toBe("Ravi Kumar");
      expect(fieldValue(html, "phone")).toBe("98765 43210");
      expect(selectedOption(html, "locale")).toBe("hi");
      expect(await t.services.members.findByEmail("ravi@example.com")).toMatchObject({
        name: "Ravi",
        phone: null,
        locale: "en",
        timeZone: "Asia/Kolkata",
      });
    },
  );

  it("an empty name or an over-long one is refused beside the name field", async () => {
    const member = await signedInMember(t, "meena@example.com", { name: "Meena" });
    for (const name of ["   ", "M".repeat(101)]) {
      const page = await member.form("/settings/profile", { name, phone: "", locale: "en", timeZone: "Asia/Kolkata" });
      expect(page.status).toBe(400);
      expect(fieldError(await page.text(), "name")).toMatch(/Enter your name|under 100 characters/);
    }
    expect((await t.services.members.findByEmail("meena@example.com"))?.name).toBe("Meena");
  });
});

describe("members who may not use the app", () => {
  async function expectKeptOut(member: Client, code: string, message: RegExp) {
    const api = await member.fetch("/api/v1/summary");
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual({ error: { code, message: expect.stringMatching(message) } });
    for (const path of ["/dashboard", "/settings/profile"]) {
      const page = await member.fetch(path);
      expect(page.status, path).toBe(403);
      const html = await page.text();
      expect(html).toMatch(message);
      expect(html).not.toContain("Welcome,");
    }
  }

  it("a member waiting for approval cannot reach the profile page and is shown the waiting page", async () => {
    const member = await signedInMember(t, "waiting@example.com", { approve: false });
    const page = await member.fetch("/settings/profile");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/pending");
    const waiting = await member.fetch("/pending");
    expect(heading(await waiting.text())).toBe("Waiting for approval");
    const save = await member.form("/settings/profile", {
      name: "Sneaky",
      phone: "",
      locale: "en",
      timeZone: "Asia/Kolkata",
    });
    expect(save.status).toBe(303);
    expect((await t.services.members.findByEmail("waiting@example.com"))?.name).toBe("waiting");
  });

  it("a member whose status is set to rejected in the database gets 403 with a clear message everywhere", async () => {
    const member = await signedInMember(t, "rejected@example.com");
    await t.db.setUser("rejected@example.com", { status: "rejected" });
    await expectKeptOut(member, "account-rejected", /registration was not approved/);
  });

  it("a rejected member is signed out and cannot sign in again, with a clear message", async () => {
    const member = await signedInMember(t, "no@example.com", { password });
    await rejectMember(t.services.approval, "no@example.com", "Not a member of our group", null);
    expect((await member.fetch("/api/v1/summary")).status).toBe(401);
    const api = await signIn("no@example.com", password);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ code: "ACCOUNT_REJECTED" });
    const page = await t.newClient().form("/login", { email: "no@example.com", password });
    expect(page.status).toBe(403);
    expect(alerts(await page.text()).join(" ")).toMatch(/registration was not approved/);
  });

  it("a member banned in the database gets 403 with a clear message at the next request", async () => {
    const member = await signedInMember(t, "banned@example.com");
    await t.db.setUser("banned@example.com", { banned: true, banReason: "Spam" });
    await expectKeptOut(member, "account-banned", /suspended: Spam/);
  });

  it("a banned member's existing session stops working and they cannot sign in again", async () => {
    const member = await signedInMember(t, "ban@example.com", { password });
    const oldSession = replay(member.cookieHeader());
    await setMemberBan(t.services, "ban@example.com", { banned: true }, null);

    expect((await member.fetch("/api/v1/summary")).status).toBe(401);
    expect((await oldSession("/api/v1/summary")).status).toBe(401);
    expect((await oldSession("/dashboard")).headers.get("location")).toMatch(/^\/login/);
    const api = await signIn("ban@example.com", password);
    expect(api.status).toBe(403);
    expect((await api.json()).code).toBe("BANNED_USER");
    const page = await t.newClient().form("/login", { email: "ban@example.com", password });
    expect(page.status).toBe(403);
    expect(alerts(await page.text())).toContain("Your account has been suspended. Contact the administrator.");
  });
});

describe("admin pages", () => {
  it("a member who is not an admin gets 404 on every admin page and cannot approve anyone", async () => {
    const member = await signedInMember(t, "plain@example.com");
    const waiting = await signedInMember(t, "waiting@example.com", { approve: false });
    const id = (await t.services.members.findByEmail("waiting@example.com"))!.id;
    for (const path of ["/admin", "/admin/members", "/admin/members?status=pending", "/admin/outbox"]) {
      const res = await member.fetch(path);
      expect(res.status, path).toBe(404);
      expect(heading(await res.text())).toBe("Page not found");
    }
    for (const action of ["approve", "reject", "ban"]) {
      expect((await member.form(`/admin/members/${id}/${action}`, {})).status, action).toBe(404);
    }
    expect(await t.services.members.findById(id)).toMatchObject({ status: "pending", banned: false });
    expect((await waiting.fetch("/api/v1/summary")).status).toBe(403);
    const nav = await (await member.fetch("/dashboard")).text();
    expect(nav).not.toContain('href="/admin"');
  });

  it("someone not signed in is sent to log in from the admin pages", async () => {
    const res = await t.newClient().fetch("/admin/members");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Fadmin%2Fmembers");
  });
});
