// Bad input on the way in: wrong, expired and over-tried codes, resend cooldown, weak passwords, duplicate or malformed
// emails, over-long fields, sign-in that does not reveal who is registered, and rate limits. Over the JSON endpoints
// under /api/auth and the HTML forms alike.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServer } from "../e2e/support/server.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { alerts, fieldError, fieldValue } from "./support/html.ts";

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const password = "mango tree river";
const otherThan = (code: string) => (code === "000000" ? "111111" : "000000");

/** Signs up over the JSON endpoint and returns the mailed code, leaving the email unconfirmed. */
async function signUp(email: string, name = "Asha") {
  const client = t.newClient();
  const res = await client.json("/api/auth/sign-up/email", { name, email, password });
  expect(res.status).toBe(200);
  return { client, code: await t.smtp!.codeFor(email) };
}

const usersWithEmail = async (email: string) => (await t.db.users(email)).length;
const verified = async (email: string) => (await t.services.members.findByEmail(email))?.emailVerified;

describe("confirming the emailed code", () => {
  it("a wrong code is refused beside the code field, keeps the email, and the right code still works", async () => {
    const { client, code } = await signUp("asha@example.com");
    const api = await client.json("/api/auth/email-otp/verify-email", {
      email: "asha@example.com",
      otp: otherThan(code),
    });
    expect(api.status).toBe(400);
    expect((await api.json()).code).toBe("INVALID_OTP");

    const page = await client.form("/verify", { email: "asha@example.com", code: otherThan(code) });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(fieldError(html, "code")).toBe("That code is not right. Check the latest email and try again.");
    expect(fieldValue(html, "email")).toBe("asha@example.com");
    expect(await verified("asha@example.com")).toBe(false);

    const right = await client.form("/verify", { email: "asha@example.com", code });
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/pending");
    expect(await verified("asha@example.com")).toBe(true);
  });

  it("a code that is not six digits is refused on the page before it counts as a try", async () => {
    const { client, code } = await signUp("short@example.com");
    const page = await client.form("/verify", { email: "short@example.com", code: "12ab" });
    expect(page.status).toBe(400);
    expect(fieldError(await page.text(), "code")).toBe("Enter the 6 digits from the email.");
    expect(
      (await client.json("/api/auth/email-otp/verify-email", { email: "short@example.com", otp: code })).status,
    ).toBe(200);
  });

  it("a code older than 10 minutes is refused as expired, on the page and over the API", async () => {
    const first = await signUp("late@example.com");
    expect(await t.db.ageCodes("late@example.com", 10 * 60 + 1)).toBe(1);
    const page = await first.client.form("/verify", { email: "late@example.com", code: first.code });
    expect(page.status).toBe(400);
    expect(fieldError(await page.text(), "code")).toBe("That code has expired. Ask for a new one below.");
    expect(await verified("late@example.com")).toBe(false);

    const second = await signUp("later@example.com");
    await t.db.ageCodes("later@example.com", 10 * 60 + 1);
    const api = await second.client.json("/api/auth/email-otp/verify-email", {
      email: "later@example.com",
      otp: second.code,
    });
    expect(api.status).toBe(400);
    expect((await api.json()).code).toBe("OTP_EXPIRED");
    expect(await verified("later@example.com")).toBe(false);
  });

  it("a code still inside its 10 minutes is accepted", async () => {
    const { client, code } = await signUp("intime@example.com");
    await t.db.ageCodes("intime@example.com", 9 * 60);
    expect(
      (await client.json("/api/auth/email-otp/verify-email", { email: "intime@example.com", otp: code })).status,
    ).toBe(200);
  });

  it("after 5 wrong tries even the right code is refused, and a new code is needed", async () => {
    const { client, code } = await signUp("guess@example.com");
    for (let i = 0; i < 5; i++) {
      const wrong = await client.json("/api/auth/email-otp/verify-email", {
        email: "guess@example.com",
        otp: otherThan(code),
      });
      expect(wrong.status).toBe(400);
    }
    const refused = await client.json("/api/auth/email-otp/verify-email", { email: "guess@example.com", otp: code });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("TOO_MANY_ATTEMPTS");
    expect(await verified("guess@example.com")).toBe(false);

    // the dead code stays dead on the page too; a fresh code works
    const page = await client.form("/verify", { email: "guess@example.com", code });
    expect(page.status).toBe(400);
    expect(await verified("guess@example.com")).toBe(false);
    const resend = await client.form("/verify/resend", { email: "guess@example.com" });
    expect(resend.status).toBe(303);
    const fresh = await t.smtp!.codeFor("guess@example.com");
    expect((await client.form("/verify", { email: "guess@example.com", code: fresh })).status).toBe(303);
    expect(await verified("guess@example.com")).toBe(true);
  });

  it("the page tells the member about too many wrong tries beside the code field", async () => {
    const { client, code } = await signUp("tries@example.com");
    for (let i = 0; i < 5; i++) await client.form("/verify", { email: "tries@example.com", code: otherThan(code) });
    const page = await client.form("/verify", { email: "tries@example.com", code });
    expect(page.status).toBe(400);
    expect(fieldError(await page.text(), "code")).toBe("Too many wrong tries for this code. Ask for a new one below.");
  });

  it("a new code can be sent only after the 60-second cooldown, and only the newest code works", async () => {
    const { client, code: first } = await signUp("resend@example.com");
    const tooSoon = await client.json("/api/auth/email-otp/send-verification-otp", {
      email: "resend@example.com",
      type: "email-verification",
    });
    expect(tooSoon.status).toBe(429);
    expect((await tooSoon.json()).message).toMatch(/new one in \d+ seconds/);

    await t.db.ageCodes("resend@example.com", 61);
    const resent = await client.json("/api/auth/email-otp/send-verification-otp", {
      email: "resend@example.com",
      type: "email-verification",
    });
    expect(resent.status).toBe(200);
    const second = await t.smtp!.codeFor("resend@example.com");

    const again = await client.form("/verify/resend", { email: "resend@example.com" });
    expect(again.status).toBe(429);
    const html = await again.text();
    expect(alerts(html).join(" ")).toMatch(/You can ask for a new one in (\d+) seconds\./);
    expect(fieldValue(html, "email")).toBe("resend@example.com");
    expect(t.smtp!.mails.filter((m) => m.to.includes("resend@example.com"))).toHaveLength(0);

    if (first !== second) {
      expect(
        (await client.json("/api/auth/email-otp/verify-email", { email: "resend@example.com", otp: first })).status,
      ).toBe(400);
    }
    expect(
      (await client.json("/api/auth/email-otp/verify-email", { email: "resend@example.com", otp: second })).status,
    ).toBe(200);
  });
});

describe("registering with bad input", () => {
  it(
    "a password under 10 characters is refused beside the field; name, email and phone " +
      "are kept, the password is not",
    async () => {
      const page = await t.client.form("/register", {
        name: "Asha Rao",
        email: "asha@example.com",
        phone: "+91 98765 43210",
        password: "short1",
      });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(fieldError(html, "password")).toBe("Use at least 10 characters.");
      expect(fieldValue(html, "name")).toBe("Asha Rao");
      expect(fieldValue(html, "email")).toBe("asha@example.com");
      expect(fieldValue(html, "phone")).toBe("+91 98765 43210");
      expect(fieldValue(html, "password")).toBeUndefined();
      expect(html).not.toContain("short1");
      expect(await usersWithEmail("asha@example.com")).toBe(0);
    },
  );

  for (const common of ["password123", "1234567890", "qwertyuiop"]) {
    it(`a very common password (${common}) is refused and nothing is saved`, async () => {
      const api = await t
        .newClient()
        .json("/api/auth/sign-up/email", { name: "Ravi", email: "ravi@example.com", password: common });
      expect(api.status).toBe(400);
      expect(await api.json()).toMatchObject({ code: "WEAK_PASSWORD", message: expect.stringMatching(/too common/) });

      const page = await t.client.form("/register", {
        name: "Ravi",
        email: "ravi@example.com",
        phone: "",
        password: common,
      });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(fieldError(html, "password")).toMatch(/too common or easy to guess/);
      expect(html).not.toContain(common);
      expect(await usersWithEmail("ravi@example.com")).toBe(0);
      expect(await t.db.verificationCount()).toBe(0);
      expect(t.smtp!.mails).toHaveLength(0);
    });
  }

  it("a malformed email is refused beside the email field and nothing is saved", async () => {
    const api = await t
      .newClient()
      .json("/api/auth/sign-up/email", { name: "Meena", email: "meena.example.com", password });
    expect(api.status).toBe(400);

    const page = await t.client.form("/register", { name: "Meena", email: "meena@@example", phone: "", password });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(fieldError(html, "email")).toBe("Enter a valid email address, like name@example.com.");
    expect(fieldValue(html, "email")).toBe("meena@@example");
    expect(fieldValue(html, "name")).toBe("Meena");
    expect(await t.db.users()).toHaveLength(0);
  });

  it("a name over 100 characters is refused beside the name field and nothing is saved", async () => {
    const longName = "N".repeat(101);
    const api = await t
      .newClient()
      .json("/api/auth/sign-up/email", { name: longName, email: "long@example.com", password });
    expect(api.status).toBe(400);
    expect((await api.json()).code).toBe("FIELD_TOO_LONG");

    const page = await t.client.form("/register", { name: longName, email: "long@example.com", phone: "", password });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(fieldError(html, "name")).toMatch(/at most 100 characters/);
    expect(fieldValue(html, "email")).toBe("long@example.com");
    expect(await usersWithEmail("long@example.com")).toBe(0);
  });

  it("an email over 254 characters is refused beside the email field and nothing is saved", async () => {
    const longEmail = `${"e".repeat(60)}.${"x".repeat(200)}@example.com`;
    const page = await t.client.form("/register", { name: "Long", email: longEmail, phone: "", password });
    expect(page.status).toBe(400);
    expect(fieldError(await page.text(), "email")).toMatch(/at most 254 characters/);
    expect(await t.db.users()).toHaveLength(0);
  });

  it("a phone that is not a phone number is refused beside the phone field", async () => {
    const page = await t.client.form("/register", {
      name: "Phone",
      email: "phone@example.com",
      phone: "call me maybe",
      password,
    });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(fieldError(html, "phone")).toMatch(/phone number of digits/);
    expect(fieldValue(html, "phone")).toBe("call me maybe");
    expect(await usersWithEmail("phone@example.com")).toBe(0);
  });

  it(
    "an email that already has an account is refused beside the email field and the " + "account is untouched",
    async () => {
      const { client, code } = await signUp("taken@example.com", "First Owner");
      await client.json("/api/auth/email-otp/verify-email", { email: "taken@example.com", otp: code });
      const before = await t.db.users("taken@example.com");

      const page = await t.client.form("/register", {
        name: "Someone Else",
        email: "Taken@Example.com",
        phone: "",
        password: "another pass phrase",
      });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(fieldError(html, "email")).toBe(
        "An account with this email already exists. Log in, or reset your password.",
      );
      expect(fieldValue(html, "name")).toBe("Someone Else");

      const api = await t.newClient().json("/api/auth/sign-up/email", {
        name: "Someone Else",
        email: "taken@example.com",
        password: "another pass phrase",
      });
      expect(api.status).toBe(422);
      expect((await api.json()).code).toBe("USER_ALREADY_EXISTS");
      expect(await t.db.users("taken@example.com")).toEqual(before);
      expect(await t.db.users()).toHaveLength(1);
    },
  );
});

describe("signing in does not reveal who is registered", () => {
  it(
    "an unknown email and a wrong password get the same status and message, over the API " + "and on the page",
    async () => {
      const { client, code } = await signUp("known@example.com");
      await client.json("/api/auth/email-otp/verify-email", { email: "known@example.com", otp: code });
      const { approveMember } = await import("../src/app/approve-member.ts");
      await approveMember(t.services.approval, "known@example.com", null);

      const unknown = await t.newClient().json("/api/auth/sign-in/email", { email: "stranger@example.com", password });
      const wrong = await t
        .newClient()
        .json("/api/auth/sign-in/email", { email: "known@example.com", password: "not my password" });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(unknown.status);
      expect(await wrong.json()).toEqual(await unknown.json());

      const unknownPage = await t.newClient().form("/login", { email: "stranger@example.com", password });
      const wrongPage = await t.newClient().form("/login", { email: "known@example.com", password: "not my password" });
      expect(unknownPage.status).toBe(400);
      expect(wrongPage.status).toBe(unknownPage.status);
      const unknownAlerts = alerts(await unknownPage.text());
      expect(unknownAlerts).toEqual(["That email and password do not match an account."]);
      expect(alerts(await wrongPage.text())).toEqual(unknownAlerts);
    },
  );

  it("a member still waiting for approval, with a wrong password, gets the same answer as a stranger", async () => {
    const { client, code } = await signUp("waiting@example.com");
    await client.json("/api/auth/email-otp/verify-email", { email: "waiting@example.com", otp: code });
    const waiting = await t
      .newClient()
      .json("/api/auth/sign-in/email", { email: "waiting@example.com", password: "not my password" });
    const stranger = await t
      .newClient()
      .json("/api/auth/sign-in/email", { email: "nobody@example.com", password: "not my password" });
    expect(waiting.status).toBe(401);
    expect(await waiting.json()).toEqual(await stranger.json());
  });

  it("forgot password answers the same whether or not the email has an account", async () => {
    const { client, code } = await signUp("forgetful@example.com");
    await client.json("/api/auth/email-otp/verify-email", { email: "forgetful@example.com", otp: code });
    for (const email of ["forgetful@example.com", "nobody@example.com"]) {
      for (let i = 0; i < 2; i++) {
        const res = await t.newClient().form("/forgot", { email });
        expect(res.status, `${email}, request ${i + 1}`).toBe(303);
        expect(res.headers.get("location")).toBe(`/reset?email=${encodeURIComponent(email)}&notice=reset-sent`);
      }
    }
    const api = await t
      .newClient()
      .json("/api/auth/email-otp/request-password-reset", { email: "forgetful@example.com" });
    const stranger = await t
      .newClient()
      .json("/api/auth/email-otp/request-password-reset", { email: "nobody@example.com" });
    expect(api.status).toBe(stranger.status);
    expect(await api.json()).toEqual(await stranger.json());
  });
});

describe("rate limits", () => {
  beforeEach(async () => {
    await t.close();
    t = await startTestApp({ env: { RATE_LIMIT: "true" } });
  });

  // In-process requests have no socket, so the app stamps every one of them with the same address ("local"): they share
  // one bucket. A client's own x-chitfunds-client-ip header is replaced, so sending a different one each time does not
  // help.
  it("sign-in gets 429 with a message after 5 tries a minute, whatever address header the client sends", async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await t.newClient().fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", "x-chitfunds-client-ip": `10.0.0.${i}` },
        body: JSON.stringify({ email: "someone@example.com", password }),
      });
      expect(res.status, `try ${i}`).toBe(401);
    }
    const limited = await t.newClient().fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-chitfunds-client-ip": "10.0.0.99" },
      body: JSON.stringify({ email: "someone@example.com", password }),
    });
    expect(limited.status).toBe(429);
    expect((await limited.json()).message).toMatch(/too many requests/i);

    const page = await t.newClient().form("/login", { email: "someone@example.com", password });
    expect(page.status).toBe(429);
    const html = await page.text();
    expect(alerts(html)).toContain("Too many attempts. Wait a minute and try again.");
    expect(fieldValue(html, "email")).toBe("someone@example.com");
  });

  it("sign-up gets 429 after 5 a minute", async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await t
        .newClient()
        .json("/api/auth/sign-up/email", { name: `M${i}`, email: `m${i}@example.com`, password });
      expect(res.status, `sign-up ${i}`).toBe(200);
    }
    const page = await t.newClient().form("/register", { name: "M6", email: "m6@example.com", phone: "", password });
    expect(page.status).toBe(429);
    expect(alerts(await page.text())).toContain("Too many attempts. Wait a minute and try again.");
    expect(await usersWithEmail("m6@example.com")).toBe(0);
  });

  it("code entry gets 429 after 10 tries a minute", async () => {
    const { client, code } = await signUp("codes@example.com");
    for (let i = 1; i <= 10; i++) {
      const res = await client.json("/api/auth/email-otp/verify-email", {
        email: "codes@example.com",
        otp: otherThan(code),
      });
      expect(res.status, `try ${i}`).not.toBe(429);
    }
    const page = await client.form("/verify", { email: "codes@example.com", code });
    expect(page.status).toBe(429);
    expect(alerts(await page.text())).toContain("Too many attempts. Wait a minute and try again.");
  });

  it(
    "over a real socket the limit is kept per client address, and a forged address header " + "does not reset it",
    async () => {
      const server = await startServer({ env: { RATE_LIMIT: "true" } });
      try {
        const signIn = (headers: Record<string, string> = {}) =>
          fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body: JSON.stringify({ email: "someone@example.com", password }),
          });
        for (let i = 1; i <= 5; i++) expect((await signIn()).status, `try ${i}`).toBe(401);
        expect((await signIn()).status).toBe(429);
        expect(
          (await signIn({ "x-chitfunds-client-ip": "203.0.113.7", "x-forwarded-for": "203.0.113.8" })).status,
        ).toBe(429);
      } finally {
        await server.close();
      }
    },
  );

  it("behind a trusted proxy (TRUST_PROXY) each forwarded client has its own limit", async () => {
    const server = await startServer({ env: { RATE_LIMIT: "true", TRUST_PROXY: "true" } });
    try {
      const signIn = (client: string) =>
        fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": client },
          body: JSON.stringify({ email: "someone@example.com", password }),
        });
      for (let i = 1; i <= 5; i++) expect((await signIn("198.51.100.1")).status, `try ${i}`).toBe(401);
      expect((await signIn("198.51.100.1")).status).toBe(429);
      expect((await signIn("198.51.100.2")).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
