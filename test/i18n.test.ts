// Languages: every English word has a Hindi one, a member who chose Hindi gets Hindi pages and mails, a browser that
// asks for Hindi gets the way in in Hindi, and English stays the default for everyone else.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { approveMember } from "../src/app/approve-member.ts";
import { createChit } from "../src/app/create-chit.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import { LANGUAGES, type Locale, localeFromAcceptLanguage, OFFERED_LOCALES } from "../src/i18n/locales.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { alerts, fieldError, heading } from "./support/html.ts";

describe("the browser's language", () => {
  it("is chosen from Accept-Language only when the browser prefers a language we have to English", () => {
    expect(localeFromAcceptLanguage("hi-IN,hi;q=0.9,en;q=0.8")).toBe("hi");
    expect(localeFromAcceptLanguage("fr, hi;q=0.5")).toBe("hi");
    expect(localeFromAcceptLanguage("en-IN,en;q=0.9,hi;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("hi;q=0")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("en");
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

  /** Stores the language straight in the store (as an operator, or an older version, could): the app itself accepts
   * only languages it has, so a "te" written before Telugu pages exist must still read as English. */
  const chooseLanguage = async (email: string, locale: string) => {
    const member = await t.services.members.findByEmail(email);
    const { adapter } = await t.services.auth.$context;
    await adapter.update({ model: "user", where: [{ field: "id", value: member!.id }], update: { locale } });
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

  it("a member whose stored language the app does not speak (French) gets English pages", async () => {
    const member = await signedInMember(t, "meena@example.com", { name: "Meena" });
    await chooseLanguage("meena@example.com", "fr");
    const html = await (await member.fetch("/settings/profile")).text();
    expect(html).toContain('<html lang="en">');
    expect(heading(html)).toBe("Profile");
  });

  it("the profile page in Hindi offers every translated language, each in its own script, and no other", async () => {
    const member = await signedInMember(t, "asha@example.com");
    await chooseLanguage("asha@example.com", "hi");
    const html = await (await member.fetch("/settings/profile")).text();
    expect(heading(html)).toBe("प्रोफ़ाइल");
    for (const locale of Object.keys(LANGUAGES) as Locale[]) {
      const option = new RegExp(`<option value="${locale}"[^>]*>${LANGUAGES[locale]}</option>`);
      if (OFFERED_LOCALES.includes(locale)) expect(html).toMatch(option);
      else expect(html).not.toContain(`<option value="${locale}"`);
    }
  });
});

describe("chit pages in the member's language", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const hindiMemberWithChit = async () => {
    const client = await signedInMember(t, "asha@example.com", { name: "Asha" });
    const member = await t.services.members.findByEmail("asha@example.com");
    await t.services.members.update(member!.id, { locale: "hi" });
    const chit = await createChit(t.services.ledger, member!.id, {
      name: "Kapil B7",
      chitValue: 100000,
      members: 20,
      startDate: "2026-01-10",
      dueDay: 10,
    });
    return { client, chit };
  };

  it("a member who chose Hindi sees the chit list in Hindi, with status badges and amounts as they are", async () => {
    const { client } = await hindiMemberWithChit();
    const html = await (await client.fetch("/chits")).text();
    expect(heading(html)).toBe("चिट");
    expect(html).toContain("<title>चिट · ChitFunds Ledger</title>");
    expect(html).toContain("चिट जोड़ें");
    expect(html).toContain(">चालू<");
    expect(html).toContain("फ़ोरमैन दर्ज नहीं");
    expect(html).toContain("चिट की रकम");
    expect(html).toContain("₹1,00,000");
    expect(html).toContain('अगली देय: किस्त 1, 10 जन॰ 2026 को <span class="amount">₹5,000</span>');
    for (const english of ["Add chit", "Chit value", "No foreman recorded", "Next due", ">Active<"])
      expect(html).not.toContain(english);
  });

  it(
    "a member who chose Hindi sees the chit page in Hindi: terms, schedule, badges, the " + "rate and its reasons",
    async () => {
      const { client, chit } = await hindiMemberWithChit();
      const html = await (await client.fetch(`/chits/${chit.id}`)).text();
      expect(html).toContain(
        'Kapil B7 <span class="d-inline-flex gap-1 align-middle"><span class="badge text-bg-success">चालू</span>',
      );
      for (const hindi of [
        "भुगतान दर्ज करें",
        "सदस्य और किस्तें",
        "हर महीने 10 तारीख को",
        "शेड्यूल",
        "देय तारीख",
        "नीलामी दर्ज करें",
        "अभी कोई भुगतान दर्ज नहीं है।",
        "यह चिट असल में कितने की पड़ती है या कितना कमाती है",
        "अभी कुछ नहीं चुकाया: दर, NPV और MIRR के लिए कम से कम एक भुगतान और इनाम राशि चाहिए।",
        "बाकी किस्तें अपनी देय तारीख पर पूरी चुकाई हुई मानी गई हैं।",
        "आप अभी जीते नहीं हैं: माना गया है कि आप आख़िरी किस्त (20)",
        "फिर से हिसाब लगाएँ",
      ])
        expect(html).toContain(hindi);
      expect(html).toMatch(/class="badge text-bg-(primary|light border|danger)">(देय|आने वाली|बकाया)</);
      for (const english of [
        "Record payment",
        "Schedule",
        "Due date",
        "Nothing paid yet",
        "Unpaid instalments",
        "Recalculate",
        ">Upcoming<",
      ])
        expect(html).not.toContain(english);
    },
  );

  it("a member who chose Hindi is asked in Hindi before a chit is deleted", async () => {
    const { client, chit } = await hindiMemberWithChit();
    const html = await (await client.fetch(`/chits/${chit.id}/delete`)).text();
    expect(heading(html)).toBe("Kapil B7 हटाएँ");
    expect(html).toContain("Kapil B7 को 0 भुगतानों और 0 रसीदों के साथ हटाएँ?");
    expect(html).toContain("चिट हटाएँ");
    expect(html).toContain("रद्द करें");
  });

  it("a member who chose Hindi sees the payment history in Hindi, and its filter problems too", async () => {
    const { client, chit } = await hindiMemberWithChit();
    const member = await t.services.members.findByEmail("asha@example.com");
    await recordPayment(t.services.ledger, member!, chit.id, {
      amount: 5000,
      paidOn: "2026-01-10",
      method: "cash",
      reference: "UTR77",
    });
    const html = await (await client.fetch("/payments")).text();
    expect(heading(html)).toBe("भुगतान");
    for (const hindi of [
      "संदर्भ और नोट में खोजें",
      "सभी चिट",
      "भुगतान दिखाएँ",
      "1 भुगतान।",
      "भुगतान की तारीख",
      ">नकद<",
      "UTR77",
      "₹5,000",
    ])
      expect(html).toContain(hindi);
    expect(html).toMatch(/class="badge text-bg-success">चुकाई गई</);
    for (const english of ["Search reference", "All chits", "Show payments", "Paid on", ">Cash<", ">Paid<"])
      expect(html).not.toContain(english);
    const wrong = await client.fetch("/payments?from=2026-13-45");
    expect(wrong.status).toBe(400);
    const problem = await wrong.text();
    expect(alerts(problem)).toContain("कृपया लाल निशान वाली जगहें ठीक करें।");
    expect(fieldError(problem, "from")).toBe("कब से: सही तारीख YYYY-MM-DD के रूप में लिखें।");
  });

  it("a member who chose Hindi sees a payment, its duplicate warning and the delete question in Hindi", async () => {
    const { client, chit } = await hindiMemberWithChit();
    const member = await t.services.members.findByEmail("asha@example.com");
    await recordPayment(t.services.ledger, member!, chit.id, {
      amount: 5000,
      paidOn: "2026-01-10",
      reference: "UTR77",
    });
    const { payment } = await recordPayment(t.services.ledger, member!, chit.id, {
      amount: 2000,
      paidOn: "2026-02-10",
      method: "cheque",
      reference: "UTR77",
    });
    const html = await (await client.fetch(`/payments/${payment.id}`)).text();
    expect(html).toContain('<span class="amount">₹2,000</span> का भुगतान');
    for (const hindi of [
      "संदर्भ UTR77 पहले से एक दूसरे भुगतान (10 जन॰ 2026) पर है।",
      "दूसरा भुगतान देखें",
      "भुगतान की तारीख",
      ">चेक<",
      "कोई रसीद नहीं लगी है। इस भुगतान का सबूत रखने के लिए",
    ])
      expect(html).toContain(hindi);
    for (const english of ["Payment of", "is already on another payment", "Paid on", "No receipt attached"])
      expect(html).not.toContain(english);
    const question = await (await client.fetch(`/payments/${payment.id}/delete`)).text();
    expect(heading(question)).toBe("भुगतान हटाएँ");
    expect(question).toContain("Kapil B7 के लिए 10 फ़र॰ 2026 को किया गया ₹2,000 का भुगतान 0 रसीदों के साथ हटाएँ?");
  });

  it("an English member's chit page keeps its English words", async () => {
    const client = await signedInMember(t, "ravi@example.com", { name: "Ravi" });
    const member = await t.services.members.findByEmail("ravi@example.com");
    const chit = await createChit(t.services.ledger, member!.id, {
      name: "Kapil B7",
      chitValue: 100000,
      members: 20,
      startDate: "2026-01-10",
      dueDay: 10,
    });
    const html = await (await client.fetch(`/chits/${chit.id}`)).text();
    expect(html).toContain("from 10 Jan 2026, every month on day 10");
    expect(html).toContain("Nothing paid yet: a rate, NPV and MIRR need at least one payment and the prize.");
    expect(html).toContain("Unpaid instalments are assumed paid in full on their due dates.");
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
    const html = await (
      await t.newClient().fetch("/login", { headers: { "accept-language": "hi-IN,hi;q=0.9,en;q=0.8" } })
    ).text();
    expect(html).toContain('<html lang="hi">');
    expect(heading(html)).toBe("लॉग इन");
    expect(html).toContain("पासवर्ड भूल गए?");
    expect(html).toContain("सीधे मुख्य भाग पर जाएँ");
  });

  it(
    "the login and register pages offer every language before sign-in, and the choice is " + "kept in a cookie",
    async () => {
      const browser = t.newClient();
      const login = await (await browser.fetch("/login")).text();
      expect(login).toContain('<html lang="en">');
      expect(login).toMatch(/<a href="\/login\?lang=hi" lang="hi" hreflang="hi">हिन्दी<\/a>/);
      const hindi = await browser.fetch("/login?lang=hi");
      expect(hindi.headers.get("set-cookie")).toMatch(/chitfunds\.lang=hi;.*SameSite=Lax/i);
      expect(heading(await hindi.text())).toBe("लॉग इन");
      // The cookie keeps Hindi on the next page, even for a browser that asks for English.
      const register = await (await browser.fetch("/register", { headers: { "accept-language": "en" } })).text();
      expect(register).toContain('<html lang="hi">');
      expect(register).toContain('<strong lang="hi" aria-current="true">हिन्दी</strong>');
    },
  );

  it("a language picked before registering becomes the new member's language", async () => {
    const browser = t.newClient();
    await browser.fetch("/register?lang=hi");
    const ok = await browser.fetch("/register", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
      body: new URLSearchParams({
        name: "Asha",
        email: "asha@example.com",
        phone: "",
        password: "correct horse battery",
        _csrf: browser.csrf,
      }),
    });
    expect(ok.status).toBe(303);
    expect((await t.services.members.findByEmail("asha@example.com"))?.locale).toBe("hi");
  });

  it("a visitor whose browser asks for no language we have sees the login page in English", async () => {
    for (const headers of [{}, { "accept-language": "en-GB,en;q=0.9" }, { "accept-language": "fr-FR" }] as Record<
      string,
      string
    >[]) {
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

  it(
    "a Hindi browser registering gets Hindi field messages, and Hindi is kept as the new " + "member's language",
    async () => {
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
    },
  );
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
    expect(
      (
        await client.json("/api/auth/sign-up/email", {
          name: "Meena",
          email: "meena@example.com",
          password: "correct horse battery",
        })
      ).status,
    ).toBe(200);
    const mail = await t.smtp!.waitFor("meena@example.com", /code/);
    const code = mail.text.match(/\b(\d{6})\b/)?.[1];
    expect(mail.text).toContain(`Your code to confirm your email address for ChitFunds Ledger is ${code}.`);
    expect(mail.text).toContain(`के लिए आपका कोड ${code} है।`);
  });
});
