// Languages: every English word has a Hindi one, a member who chose Hindi gets Hindi pages and mails, a browser that
// asks for Hindi gets the way in in Hindi, and English stays the default for everyone else.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { approveMember } from "../src/app/approve-member.ts";
import { en } from "../src/web/i18n/en.ts";
import { hi } from "../src/web/i18n/hi.ts";
import { localeFromAcceptLanguage } from "../src/web/i18n/index.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { alerts, fieldError, heading } from "./support/html.ts";

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("the Hindi translation", () => {
  it("has a non-empty Hindi string for every English key, using only placeholders the English one fills", () => {
    for (const [area, words] of Object.entries(en)) {
      const hindi = (hi as Record<string, Record<string, unknown>>)[area];
      expect(hindi, area).toBeDefined();
      for (const [key, english] of Object.entries(words)) {
        const translated = hindi![key];
        expect(typeof translated, `${area}.${key}`).toBe("string");
        expect((translated as string).trim(), `${area}.${key}`).not.toBe("");
        // A Hindi sentence may leave out a placeholder (the field name beside a field), never invent one.
        expect(placeholders(english), `${area}.${key}`).toEqual(expect.arrayContaining(placeholders(translated as string)));
      }
      expect(Object.keys(hindi!).sort(), area).toEqual(Object.keys(words).sort());
    }
  });

  it("is chosen from Accept-Language only when the browser prefers Hindi to English", () => {
    expect(localeFromAcceptLanguage("hi-IN,hi;q=0.9,en;q=0.8")).toBe("hi");
    expect(localeFromAcceptLanguage("fr, hi;q=0.5")).toBe("hi");
    expect(localeFromAcceptLanguage("en-IN,en;q=0.9,hi;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("te-IN,te;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("hi;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });
});

describe("pages in the member's language", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const chooseLanguage = async (email: string, locale: string) => {
    const member = await t.services.members.findByEmail(email);
    await t.services.members.update(member!.id, { locale });
  };

  it("a member who chose Hindi sees the dashboard and the menus in Hindi, in a page marked lang=hi", async () => {
    const member = await signedInMember(t, "asha@example.com", { name: "Asha" });
    await chooseLanguage("asha@example.com", "hi");
    const page = await member.fetch("/dashboard");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="hi">');
    expect(heading(html)).toBe("डैशबोर्ड");
    expect(html).toContain("नमस्ते, Asha।");
    expect(html).toContain("अभी कोई चिट नहीं");
    expect(html).toContain(">सेटिंग्स<");
    expect(html).toContain("लॉग आउट");
    expect(html).toContain("<title>डैशबोर्ड · ChitFunds Ledger</title>");
    expect(html).not.toContain("Welcome, Asha");
  });

  it("a member's language wins over the browser's, and English stays the default", async () => {
    const member = await signedInMember(t, "ravi@example.com", { name: "Ravi" });
    const english = await (await member.fetch("/dashboard", { headers: { "accept-language": "hi-IN,hi" } })).text();
    // Ravi kept English (the default) on his profile: that is his choice, whatever the browser says.
    expect(english).toContain('<html lang="en">');
    expect(heading(english)).toBe("Dashboard");
    expect(english).toContain("Welcome, Ravi.");
  });

  it("a member whose stored language has no translation yet (Telugu) gets English pages", async () => {
    const member = await signedInMember(t, "meena@example.com", { name: "Meena" });
    await chooseLanguage("meena@example.com", "te");
    const html = await (await member.fetch("/settings/profile")).text();
    expect(html).toContain('<html lang="en">');
    expect(heading(html)).toBe("Profile");
    expect(html).not.toContain("తెలుగు");
  });

  it("the profile page in Hindi offers only translated languages and says what is translated", async () => {
    const member = await signedInMember(t, "asha@example.com");
    await chooseLanguage("asha@example.com", "hi");
    const html = await (await member.fetch("/settings/profile")).text();
    expect(heading(html)).toBe("प्रोफ़ाइल");
    expect(html).toContain("बाकी पेज अभी अंग्रेज़ी में ही हैं");
    expect(html).toContain('<option value="en"');
    expect(html).not.toContain('<option value="ta"');
  });
});

describe("the way in by the browser's language", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it("a visitor whose browser asks for Hindi sees the login page in Hindi", async () => {
    const html = await (await t.newClient().fetch("/login", { headers: { "accept-language": "hi-IN,hi;q=0.9,en;q=0.8" } })).text();
    expect(html).toContain('<html lang="hi">');
    expect(heading(html)).toBe("लॉग इन");
    expect(html).toContain("पासवर्ड भूल गए?");
    expect(html).toContain("सीधे मुख्य भाग पर जाएँ");
  });

  it("a visitor without a Hindi preference sees the login page in English", async () => {
    for (const headers of [{}, { "accept-language": "en-GB,en;q=0.9" }, { "accept-language": "ta-IN" }] as Record<string, string>[]) {
      const html = await (await t.newClient().fetch("/login", { headers })).text();
      expect(html).toContain('<html lang="en">');
      expect(heading(html)).toBe("Log in");
      expect(html).toContain("Forgot password?");
    }
  });

  it("a wrong password is explained in Hindi to a Hindi browser, and the notice after logging out too", async () => {
    await signedInMember(t, "asha@example.com");
    const browser = t.newClient();
    const headers = { "accept-language": "hi" };
    await browser.fetch("/login", { headers });
    const body = new URLSearchParams({ email: "asha@example.com", password: "not the password", _csrf: browser.csrf });
    const page = await browser.fetch("/login", {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
      body,
    });
    expect(alerts(await page.text())).toContain("यह ईमेल और पासवर्ड किसी खाते से मेल नहीं खाते।");
    const out = await browser.fetch("/login?notice=logged-out", { headers });
    expect(alerts(await out.text())).toContain("आप लॉग आउट हो गए हैं।");
  });

  it("a Hindi browser registering gets Hindi field messages, and Hindi is kept as the new member's language", async () => {
    const browser = t.newClient();
    const headers = { "accept-language": "hi" };
    await browser.fetch("/register", { headers });
    const post = (fields: Record<string, string>) =>
      browser.fetch("/register", {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
        body: new URLSearchParams({ ...fields, _csrf: browser.csrf }),
      });
    const weak = await post({ name: "Asha", email: "asha@example.com", phone: "", password: "short" });
    expect(fieldError(await weak.text(), "password")).toBe("कम से कम 10 अक्षर रखें।");
    const ok = await post({ name: "Asha", email: "asha@example.com", phone: "", password: "correct horse battery" });
    expect(ok.status).toBe(303);
    expect((await t.services.members.findByEmail("asha@example.com"))?.locale).toBe("hi");
    const mail = await t.smtp!.waitFor("asha@example.com", /कोड/);
    expect(mail.text).toMatch(/ChitFunds Ledger के लिए अपना ईमेल पता पक्का करने के लिए आपका कोड \d{6} है।/);
  });
});

describe("mails in the member's language", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it("a member who chose Hindi is told of their approval in Hindi", async () => {
    await signedInMember(t, "asha@example.com", { name: "Asha", approve: false });
    const member = await t.services.members.findByEmail("asha@example.com");
    await t.services.members.update(member!.id, { locale: "hi" });
    await approveMember(t.services.approval, "asha@example.com", null);
    const mail = await t.smtp!.waitFor("asha@example.com", /मंज़ूर/);
    expect(mail.subject).toBe("आपका ChitFunds Ledger खाता मंज़ूर हो गया है");
    expect(mail.text).toContain("नमस्ते Asha,");
    expect(mail.text).toContain("http://localhost:3000/login");
  });

  it("an English member is told of their approval in English", async () => {
    await signedInMember(t, "ravi@example.com", { name: "Ravi" });
    const mail = await t.smtp!.waitFor("ravi@example.com", /approved/);
    expect(mail.subject).toBe("Your ChitFunds Ledger account is approved");
    expect(mail.text).toContain("Hello Ravi,");
  });

  it("a sign-up whose language is not known yet gets its code in English and Hindi in one mail", async () => {
    const client = t.newClient();
    expect((await client.json("/api/auth/sign-up/email", { name: "Meena", email: "meena@example.com", password: "correct horse battery" })).status).toBe(200);
    const mail = await t.smtp!.waitFor("meena@example.com", /code/);
    const code = mail.text.match(/\b(\d{6})\b/)?.[1];
    expect(mail.text).toContain(`Your code to confirm your email address for ChitFunds Ledger is ${code}.`);
    expect(mail.text).toContain(`के लिए आपका कोड ${code} है।`);
  });
});
