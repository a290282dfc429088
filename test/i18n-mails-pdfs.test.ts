// Mails and PDFs in every language the app offers: a reminder mail (real SMTP capture) and a statement PDF (read back
// with pdftotext, fonts checked with pdffonts, every page drawn with pdftoppm) in the member's language, with the
// member's own chit name in its script. Tamil and Malayalam mails and Telugu and Tamil statements are named outright.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChit as createChitUseCase } from "../src/app/create-chit.ts";
import { sendReminders } from "../src/app/send-reminders.ts";
import { translatorFor } from "../src/i18n/index.ts";
import { LANGUAGES, type Locale, OFFERED_LOCALES } from "../src/i18n/locales.ts";
import type { Clock } from "../src/ports/clock.ts";
import { createChit, pay } from "./support/api.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { englishWords } from "./support/english-words.ts";
import { pdfStreams, pdfText } from "./support/pdf.ts";
import { withoutOwnData } from "./support/visible-text.ts";

/** Each script's letters, to tell a text is written in the member's language. */
const SCRIPT: Record<Locale, RegExp> = {
  en: /[A-Za-z]/,
  te: /[\u0C00-\u0C7F]/,
  ta: /[\u0B80-\u0BFF]/,
  ml: /[\u0D00-\u0D7F]/,
  kn: /[\u0C80-\u0CFF]/,
  hi: /[\u0900-\u097F]/,
  mr: /[\u0900-\u097F]/,
};

/** A chit name in the member's own script (or Telugu's, for English), as members name their groups. */
const CHIT_NAME: Record<Locale, string> = {
  en: "శ్రీ లక్ష్మి చిట్స్",
  te: "శ్రీ లక్ష్మి చిట్స్",
  ta: "ஸ்ரீ லட்சுமி சிட்ஸ்",
  ml: "ശ്രീ ലക്ഷ്മി ചിട്ടി",
  kn: "ಶ್ರೀ ಲಕ್ಷ್ಮಿ ಚಿಟ್ಸ್",
  hi: "श्री लक्ष्मी चिट्स",
  mr: "श्री लक्ष्मी भिशी",
};

const translated = OFFERED_LOCALES.filter((l) => l !== "en");
const MAX_ENGLISH_WORDS = 3;

describe("the languages named in the issue", () => {
  it(
    "Telugu, Tamil, Malayalam, Kannada, Hindi and Marathi are offered (each once its " +
      "locales/<lng>/ folder exists)",
    () => {
      expect([...OFFERED_LOCALES].sort()).toEqual(["en", "hi", "kn", "ml", "mr", "ta", "te"]);
    },
  );
});

describe("reminder mails in the member's language", () => {
  // 27 April 2026 in India: an instalment due on 30 April is 3 days away.
  const clock: Clock = { now: () => new Date("2026-04-26T18:30:00Z") };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t.close();
  });

  async function reminderTo(locale: Locale) {
    const email = `${locale}@example.com`;
    const member = await t.services.members.upsertWithPassword({
      email,
      name: "Lakshmi",
      password: "a long pass phrase",
    });
    await t.services.members.update(member.id, { locale });
    await createChitUseCase(t.services.ledger, member.id, {
      name: CHIT_NAME[locale],
      chitValue: 100000,
      members: 20,
      startDate: "2026-01-30",
      dueDay: 30,
    });
    await sendReminders(t.services.reminders);
    return t.smtp!.waitFor(email, /./);
  }

  it.each(translated.map((l) => [l, LANGUAGES[l]] as const))(
    "a reminder mail in %s (%s) is in that language, English left only for kept words",
    async (locale) => {
      const mail = await reminderTo(locale);
      const tr = translatorFor(locale);
      expect(mail.subject).toContain(CHIT_NAME[locale]);
      expect(mail.subject).toMatch(SCRIPT[locale]);
      expect(mail.text).toContain(tr("reminders.hello", { name: "Lakshmi" }));
      expect(mail.text).toContain(tr("reminders.dueIntro"));
      for (const part of [mail.subject, mail.text]) {
        const english = englishWords(withoutOwnData(part, ["Lakshmi", CHIT_NAME[locale]]));
        expect(english.length, `${locale}: ${english.join(" ")}`).toBeLessThanOrEqual(MAX_ENGLISH_WORDS);
      }
    },
  );

  it("a reminder mail to a member who chose Tamil is in Tamil, and one in Malayalam is in Malayalam", async () => {
    for (const locale of ["ta", "ml"] as const) {
      expect(OFFERED_LOCALES).toContain(locale);
      const mail = await t.smtp!.waitFor(`${locale}@example.com`, /./).catch(() => reminderTo(locale));
      const letters = (mail.text.match(/\p{L}/gu) ?? []).length;
      const inScript = (mail.text.match(new RegExp(SCRIPT[locale].source, "gu")) ?? []).length;
      // Most of its letters are in the language's script (the rest: the app's name and the link).
      expect(inScript / letters, locale).toBeGreaterThan(0.6);
    }
  });
});

describe("statement PDFs in the member's language", () => {
  const clock: Clock = { now: () => new Date("2026-06-20T06:30:00Z") };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t.close();
  });

  let statements = 0;
  async function statementIn(locale: Locale): Promise<Buffer> {
    statements += 1;
    const email = `pdf-${statements}-${locale}@example.com`;
    const client = await signedInMember(t, email, { name: "Lakshmi" });
    const member = await t.services.members.findByEmail(email);
    await t.services.members.update(member!.id, { locale });
    const chit = await createChit(client, {
      name: CHIT_NAME[locale],
      organizer: "மார்கதர்சி சிட் ஃபண்ட்",
      ticketNo: "7",
      chitValue: 100000,
      members: 20,
      startDate: "2026-01-05",
      dueDay: 5,
    });
    await pay(client, chit.id, {
      instalment: 1,
      amount: 5000,
      paidOn: "2026-01-05",
      method: "upi",
      reference: "UTR100001",
    });
    const res = await client.fetch(`/api/v1/chits/${chit.id}/statement.pdf`);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  /** pdffonts' table: each font's name, and whether it is embedded. */
  function fonts(pdf: Buffer): { name: string; embedded: boolean }[] {
    const dir = mkdtempSync(join(tmpdir(), "chitfunds-pdf-"));
    try {
      writeFileSync(join(dir, "in.pdf"), pdf);
      const lines = execFileSync("pdffonts", [join(dir, "in.pdf")])
        .toString("utf8")
        .split("\n")
        .slice(2)
        .filter(Boolean);
      // name type encoding emb sub uni object ID: "emb" is the 4th column from the right end before sub, uni, id, gen.
      return lines.map((line) => {
        const cols = line.trim().split(/\s+/);
        return { name: cols[0]!, embedded: cols.at(-5) === "yes" };
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Every page drawn by pdftoppm; what it said on stderr (missing glyphs and fonts are reported there). */
  function render(pdf: Buffer): { pages: number; warnings: string } {
    const dir = mkdtempSync(join(tmpdir(), "chitfunds-pdf-"));
    try {
      writeFileSync(join(dir, "in.pdf"), pdf);
      const warnings = execFileSync("sh", ["-c", `pdftoppm -png -r 72 "${dir}/in.pdf" "${dir}/page" 2>&1`]).toString();
      const pages = execFileSync("ls", [dir])
        .toString()
        .split("\n")
        .filter((f) => /^page-\d+\.png$/.test(f));
      for (const page of pages) expect(readFileSync(join(dir, page)).length).toBeGreaterThan(1000);
      return { pages: pages.length, warnings: warnings.trim() };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const notdef = (pdf: Buffer) =>
    /<0000>/.test(
      pdfStreams(pdf)
        .filter((s) => s.includes(" Tf"))
        .join("\n"),
    );

  async function checkStatement(locale: Locale) {
    const pdf = await statementIn(locale);
    const tr = translatorFor(locale);
    const text = pdfText(pdf)!.replace(/[ \t]+/g, " ");
    expect(text).toContain(tr("pdf.statementHeading", { name: CHIT_NAME[locale] }));
    expect(text).toContain("மார்கதர்சி சிட் ஃபண்ட்");
    for (const key of ["pdf.memberAndForeman", "pdf.termsAndSettings", "pdf.chitValue", "pdf.foreman"] as const)
      expect(text).toContain(tr(key));
    expect(text).toMatch(SCRIPT[locale]);
    const used = fonts(pdf);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((f) => !f.embedded)).toEqual([]);
    expect(notdef(pdf)).toBe(false);
    const { pages, warnings } = render(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(warnings).toBe("");
    return text;
  }

  it.each(translated.map((l) => [l, LANGUAGES[l]] as const))(
    "a statement in %s (%s): its words, all fonts embedded, no missing glyph",
    async (locale) => {
      await checkStatement(locale);
    },
  );

  it("a statement in Telugu reads in Telugu, and one in Tamil in Tamil", async () => {
    expect(await checkStatement("te")).toContain("శ్రీ లక్ష్మి చిట్స్");
    expect(await checkStatement("ta")).toContain("ஸ்ரீ லட்சுமி சிட்ஸ்");
  });
});
