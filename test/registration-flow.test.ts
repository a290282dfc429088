// The way in, over HTTP with mail through a real local SMTP server: register, code, pending, approval, sign-in.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAdmin } from "../src/app/create-admin.ts";
import { startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const password = "mango tree river";

describe("registration with an emailed code and admin approval", () => {
  it("sends a 6-digit code by SMTP, confirms it, keeps the member pending until the admin approves", async () => {
    const admin = await createAdmin(t.services, { email: "owner@example.com", password: "owner pass phrase" });
    const member = t.newClient();
    const signUp = await member.json("/api/auth/sign-up/email", { name: "Asha", email: "asha@example.com", password });
    expect(signUp.status).toBe(200);

    const code = await t.smtp!.codeFor("asha@example.com");
    expect(code).toMatch(/^\d{6}$/);
    const verify = await member.json("/api/auth/email-otp/verify-email", { email: "asha@example.com", otp: code });
    expect(verify.status).toBe(200);

    const adminMail = await t.smtp!.waitFor(admin.email, /waiting for approval/);
    expect(adminMail.text).toContain("asha@example.com");

    const pendingApi = await member.fetch("/api/v1/summary");
    expect(pendingApi.status).toBe(403);
    expect((await pendingApi.json()).error.code).toBe("account-pending");
    const pendingPage = await member.fetch("/dashboard");
    expect(pendingPage.headers.get("location")).toBe("/pending");

    const refused = await t.newClient().json("/api/auth/sign-in/email", { email: "asha@example.com", password });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/waiting for the administrator/);

    const adminClient = t.newClient();
    expect(
      (await adminClient.form("/login", { email: "owner@example.com", password: "owner pass phrase" })).status,
    ).toBe(303);
    const adminPage = await adminClient.fetch("/admin");
    expect(await adminPage.text()).toContain("asha@example.com");
    const id = (await t.services.members.findByEmail("asha@example.com"))!.id;
    const approve = await adminClient.form(`/admin/members/${id}/approve`, {});
    expect(approve.status).toBe(303);
    await t.smtp!.waitFor("asha@example.com", /approved/);

    const again = t.newClient();
    expect((await again.json("/api/auth/sign-in/email", { email: "asha@example.com", password })).status).toBe(200);
    const summary = await again.fetch("/api/v1/summary");
    expect(summary.status).toBe(200);
    expect(summary.headers.get("content-type")).toMatch(/application\/json/);
    // the session opened by confirming the code now works too: status is read at every request
    expect((await member.fetch("/api/v1/summary")).status).toBe(200);
  });

  it("approves on confirming the code when APPROVAL_MODE=email", async () => {
    await t.close();
    t = await startTestApp({ env: { APPROVAL_MODE: "email" } });
    const member = t.newClient();
    await member.json("/api/auth/sign-up/email", { name: "Ravi", email: "ravi@example.com", password });
    const code = await t.smtp!.codeFor("ravi@example.com");
    await member.json("/api/auth/email-otp/verify-email", { email: "ravi@example.com", otp: code });
    expect((await t.newClient().json("/api/auth/sign-in/email", { email: "ravi@example.com", password })).status).toBe(
      200,
    );
  });

  it("makes ADMIN_EMAIL an admin once it confirms its email, and nobody else", async () => {
    await t.close();
    t = await startTestApp({ env: { ADMIN_EMAIL: "Boss@Example.com" } });
    for (const email of ["first@example.com", "boss@example.com"]) {
      const c = t.newClient();
      await c.json("/api/auth/sign-up/email", { name: email, email, password });
      const code = await t.smtp!.codeFor(email);
      await c.json("/api/auth/email-otp/verify-email", { email, otp: code });
    }
    const first = await t.services.members.findByEmail("first@example.com");
    const boss = await t.services.members.findByEmail("boss@example.com");
    expect(first).toMatchObject({ role: "member", status: "pending" });
    expect(boss).toMatchObject({ role: "admin", status: "approved" });
  });

  it("honours a status edited straight in the database at the next request", async () => {
    const member = t.newClient();
    await member.json("/api/auth/sign-up/email", { name: "Meena", email: "meena@example.com", password });
    const code = await t.smtp!.codeFor("meena@example.com");
    await member.json("/api/auth/email-otp/verify-email", { email: "meena@example.com", otp: code });
    expect((await member.fetch("/api/v1/summary")).status).toBe(403);
    expect(await t.db.setUser("meena@example.com", { status: "approved" })).toBe(1);
    expect((await member.fetch("/api/v1/summary")).status).toBe(200);
  });
});
