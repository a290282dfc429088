// The admin's work: waiting members, reject with a reason, search and filter members, ban and unban, the outbox when no
// SMTP is set, and the same approvals from the `chitfunds` command line run as a real process.
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { approveMember } from "../src/app/approve-member.ts";
import { createAdmin } from "../src/app/create-admin.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { alerts, heading } from "./support/html.ts";
import { childEnv } from "./support/store.ts";

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const adminPassword = "owner pass phrase";
const password = "correct horse battery";

async function signedInAdmin(email = "owner@example.com") {
  await createAdmin(t.services, { email, password: adminPassword });
  const admin = t.newClient();
  const login = await admin.form("/login", { email, password: adminPassword });
  expect(login.status).toBe(303);
  return admin;
}

/** Registers and confirms the email, leaving the member waiting for approval. */
const waitingMember = (email: string, name?: string) =>
  signedInMember(t, email, { approve: false, password, ...(name ? { name } : {}) });

const idOf = async (email: string) => (await t.services.members.findByEmail(email))!.id;

/** Email addresses listed in the members table. */
function listedEmails(html: string): string[] {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return [...body.matchAll(/<div class="small text-muted">([^<]+@[^<]+)<\/div>/g)].map((m) => m[1]!);
}

describe("approving members on the Admin page", () => {
  it(
    "lists members waiting for approval, says whose email is not confirmed yet, and " + "leaves out approved ones",
    async () => {
      const admin = await signedInAdmin();
      await waitingMember("asha@example.com", "Asha Rao");
      await t
        .newClient()
        .json("/api/auth/sign-up/email", { name: "Unconfirmed", email: "later@example.com", password });
      await signedInMember(t, "done@example.com");

      const html = await (await admin.fetch("/admin")).text();
      expect(heading(html)).toBe("Admin");
      expect(html).toContain("Waiting for approval (2)");
      expect(html).toContain("Asha Rao");
      expect(html).toContain("asha@example.com");
      expect(html).toMatch(/later@example\.com[^<]*email not confirmed yet/);
      expect(html).not.toContain("done@example.com");
      // an unconfirmed member cannot be approved yet
      expect(html).toMatch(
        new RegExp(`action="/admin/members/${await idOf("later@example.com")}/approve"[\\s\\S]*?<button[^>]*disabled`),
      );
    },
  );

  it("rejecting with a reason mails the member the reason, signs them out and takes them off the list", async () => {
    const admin = await signedInAdmin();
    const member = await waitingMember("ravi@example.com");
    const rejected = await admin.form(`/admin/members/${await idOf("ravi@example.com")}/reject`, {
      reason: "Not part of our chit group",
    });
    expect(rejected.status).toBe(303);
    expect(rejected.headers.get("location")).toBe("/admin?notice=rejected");

    const mail = await t.smtp!.waitFor("ravi@example.com", /registration/);
    expect(mail.text).toContain("not approved");
    expect(mail.text).toContain("Reason: Not part of our chit group");
    expect(await t.services.members.findByEmail("ravi@example.com")).toMatchObject({
      status: "rejected",
      statusReason: "Not part of our chit group",
    });
    expect((await member.fetch("/api/v1/summary")).status).toBe(401);
    const page = await (await admin.fetch("/admin?notice=rejected")).text();
    expect(alerts(page)).toContain("Member rejected; they have been told by email.");
    expect(page).not.toContain("ravi@example.com");
    expect(await t.db.auditCount("member.rejected")).toBe(1);
  });

  it("rejecting without a reason still tells the member, without a reason line", async () => {
    const admin = await signedInAdmin();
    await waitingMember("quiet@example.com");
    expect((await admin.form(`/admin/members/${await idOf("quiet@example.com")}/reject`, { reason: "" })).status).toBe(
      303,
    );
    const mail = await t.smtp!.waitFor("quiet@example.com", /registration/);
    expect(mail.text).toContain("not approved");
    expect(mail.text).not.toContain("Reason:");
  });
});

describe("the members list", () => {
  it("searches by email and filters by status", async () => {
    const admin = await signedInAdmin();
    await signedInMember(t, "asha.rao@example.com");
    await signedInMember(t, "asha.k@example.org");
    await waitingMember("ravi@example.com");
    await waitingMember("asha.waiting@example.com");

    const search = await (await admin.fetch("/admin/members?q=asha")).text();
    expect(listedEmails(search).sort()).toEqual([
      "asha.k@example.org",
      "asha.rao@example.com",
      "asha.waiting@example.com",
    ]);
    expect(search).toContain('value="asha"');

    const pending = await (await admin.fetch("/admin/members?status=pending")).text();
    expect(listedEmails(pending).sort()).toEqual(["asha.waiting@example.com", "ravi@example.com"]);
    expect(pending).toContain('<option value="pending" selected');

    const both = await (await admin.fetch("/admin/members?q=ASHA&status=approved")).text();
    expect(listedEmails(both).sort()).toEqual(["asha.k@example.org", "asha.rao@example.com"]);
    expect(both).toContain("2 members");

    const all = await (await admin.fetch("/admin/members")).text();
    expect(listedEmails(all)).toHaveLength(5);
    const nothing = await (await admin.fetch("/admin/members?q=nobody")).text();
    expect(listedEmails(nothing)).toEqual([]);
    expect(nothing).toContain("0 members");
  });

  it("bans a member (signed out, cannot sign in) and lifts the ban (can sign in again)", async () => {
    const admin = await signedInAdmin();
    const member = await signedInMember(t, "kiran@example.com", { password });
    const id = await idOf("kiran@example.com");

    const banned = await admin.form(`/admin/members/${id}/ban`, {});
    expect(banned.status).toBe(303);
    expect(banned.headers.get("location")).toBe("/admin/members?notice=banned");
    expect((await member.fetch("/api/v1/summary")).status).toBe(401);
    expect((await t.newClient().json("/api/auth/sign-in/email", { email: "kiran@example.com", password })).status).toBe(
      403,
    );
    const list = await (await admin.fetch("/admin/members?q=kiran")).text();
    expect(list).toContain('<span class="badge text-bg-dark">banned</span>');
    expect(list).toContain(`action="/admin/members/${id}/unban"`);

    const unbanned = await admin.form(`/admin/members/${id}/unban`, {});
    expect(unbanned.status).toBe(303);
    expect(unbanned.headers.get("location")).toBe("/admin/members?notice=unbanned");
    const again = t.newClient();
    expect((await again.json("/api/auth/sign-in/email", { email: "kiran@example.com", password })).status).toBe(200);
    expect((await again.fetch("/api/v1/summary")).status).toBe(200);
  });

  it("an admin cannot ban themselves", async () => {
    const admin = await signedInAdmin();
    const own = await idOf("owner@example.com");
    const list = await (await admin.fetch("/admin/members")).text();
    expect(list).not.toContain(`action="/admin/members/${own}/ban"`);
    const res = await admin.form(`/admin/members/${own}/ban`, {});
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("You cannot ban yourself.");
    expect((await admin.fetch("/admin")).status).toBe(200);
  });
});

describe("the outbox, when no SMTP server is set", () => {
  beforeEach(async () => {
    await t.close();
    t = await startTestApp({ smtp: false });
  });

  it("keeps every mail for the admin to read, and the one-time code in it confirms the member", async () => {
    const member = t.newClient();
    expect(
      (await member.json("/api/auth/sign-up/email", { name: "Meena", email: "meena@example.com", password })).status,
    ).toBe(200);
    const admin = await signedInAdmin();

    const html = await (await admin.fetch("/admin/outbox")).text();
    expect(html).toContain("No SMTP server is configured");
    expect(html).toContain("to meena@example.com");
    const code = html.match(/Your ChitFunds Ledger code: (\d{6})/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(html).toContain(`Your code to confirm your email address for ChitFunds Ledger is ${code}.`);

    const verified = await member.json("/api/auth/email-otp/verify-email", { email: "meena@example.com", otp: code });
    expect(verified.status).toBe(200);
    // confirming tells the admin, and that mail lands in the outbox too
    const after = await (await admin.fetch("/admin/outbox")).text();
    expect(after).toContain("New member waiting for approval: Meena");
  });

  it("is not open to members, who get 404", async () => {
    await signedInAdmin();
    const member = t.newClient();
    await member.json("/api/auth/sign-up/email", { name: "Nosy", email: "nosy@example.com", password });
    const { entries } = await t.services.outbox.list({ limit: 10, offset: 0 });
    const code = entries.find((e) => e.to === "nosy@example.com")?.subject.match(/\d{6}/)?.[0] ?? "";
    expect(
      (await member.json("/api/auth/email-otp/verify-email", { email: "nosy@example.com", otp: code })).status,
    ).toBe(200);
    await approveMember(t.services.approval, "nosy@example.com", null);
    expect((await member.fetch("/api/v1/summary")).status).toBe(200);
    const res = await member.fetch("/admin/outbox");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Your ChitFunds Ledger code");
  });
});

type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `node bin/chitfunds.mjs ...` as its own process against the test app's store (the SQLite file, or its MongoDB
 * database).
 */
function chitfunds(...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/chitfunds.mjs", ...args], {
      env: childEnv(t.storeEnv, { BASE_URL: "http://localhost:3000", ...(t.smtp ? { SMTP_URL: t.smtp.url } : {}) }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the chitfunds command line", () => {
  it("lists waiting members, approves one and rejects another with a reason, while the app keeps running", async () => {
    await createAdmin(t.services, { email: "owner@example.com", password: adminPassword });
    const asha = await waitingMember("asha@example.com", "Asha");
    await waitingMember("ravi@example.com", "Ravi");

    const listed = await chitfunds("users", "--pending");
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split("\n").sort();
    expect(lines).toEqual(["asha@example.com\tpending\tAsha", "ravi@example.com\tpending\tRavi"]);

    const approved = await chitfunds("approve", "asha@example.com");
    expect(approved).toMatchObject({ code: 0, stdout: "asha@example.com is approved.\n" });
    expect((await t.services.members.findByEmail("asha@example.com"))?.status).toBe("approved");
    await t.smtp!.waitFor("asha@example.com", /approved/);
    expect((await asha.fetch("/api/v1/summary")).status).toBe(200);

    const rejected = await chitfunds("reject", "ravi@example.com", "--reason", "Unknown to the group");
    expect(rejected).toMatchObject({ code: 0, stdout: "ravi@example.com is rejected.\n" });
    expect(await t.services.members.findByEmail("ravi@example.com")).toMatchObject({
      status: "rejected",
      statusReason: "Unknown to the group",
    });
    expect((await t.smtp!.waitFor("ravi@example.com", /registration/)).text).toContain("Reason: Unknown to the group");

    const none = await chitfunds("users", "--pending");
    expect(none).toMatchObject({ code: 0, stdout: "No pending members.\n" });
  });

  it("an unknown email exits non-zero with a clear message and changes nothing", async () => {
    await waitingMember("asha@example.com");
    for (const command of ["approve", "reject"]) {
      const result = await chitfunds(command, "ghost@example.com");
      expect(result.code, command).not.toBe(0);
      expect(result.stderr.trim()).toBe("A member with email ghost@example.com was not found.");
    }
    expect((await t.services.members.findByEmail("asha@example.com"))?.status).toBe("pending");
    expect(await t.db.users()).toHaveLength(1);
  });

  it("approving someone who has not confirmed their email is refused with the reason", async () => {
    await t.newClient().json("/api/auth/sign-up/email", { name: "Late", email: "late@example.com", password });
    const result = await chitfunds("approve", "late@example.com");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("has not confirmed their email yet");
    expect((await t.services.members.findByEmail("late@example.com"))?.status).toBe("pending");
  });

  it("create-admin refuses a weak password and makes an admin with a strong one", async () => {
    const weak = await chitfunds("create-admin", "--email", "boss@example.com", "--password", "password123");
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/Password: .*too common/);
    const short = await chitfunds("create-admin", "--email", "boss@example.com", "--password", "short");
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain("Use at least 10 characters.");
    expect(await t.db.users()).toHaveLength(0);

    const made = await chitfunds("create-admin", "--email", "boss@example.com", "--password", adminPassword);
    expect(made).toMatchObject({ code: 0, stdout: "boss@example.com is an administrator and can log in.\n" });
    const admin = t.newClient();
    expect((await admin.form("/login", { email: "boss@example.com", password: adminPassword })).status).toBe(303);
    expect((await admin.fetch("/admin")).status).toBe(200);
  });

  it("a missing argument prints the usage and exits non-zero", async () => {
    const result = await chitfunds("approve");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("approve needs one EMAIL");
    expect(result.stderr).toContain("Usage: chitfunds <command>");
  });
});
