// The words of every mail the app sends, in one place so they read consistently, in each language we translate into.
import type { Mail } from "../ports/mailer.ts";
import { type Locale, SUPPORTED_LOCALES } from "./locale.ts";

type CodePurpose = "sign-in" | "email-verification" | "forget-password" | "change-email";

/**
 * Every mail in every language. Plain text, so no escaping; names and reasons are the member's own words. Kept here
 * rather than in the page translations (src/web/i18n) because use cases must not reach into the web layer.
 */
type MailWords = {
  codeSubject(code: string): string;
  codeText(purpose: CodePurpose, code: string, minutes: number): string;
  pendingSubject(name: string): string;
  pendingText(member: { name: string; email: string }, adminUrl: string): string;
  approvedSubject: string;
  approvedText(name: string, loginUrl: string): string;
  rejectedSubject: string;
  rejectedText(name: string, reason: string | null): string;
};

const en: MailWords = {
  codeSubject: (code) => `Your ChitFunds Ledger code: ${code}`,
  codeText: (purpose, code, minutes) =>
    `Your code to ${
      {
        "email-verification": "confirm your email address for ChitFunds Ledger",
        "forget-password": "reset your ChitFunds Ledger password",
        "sign-in": "sign in to ChitFunds Ledger",
        "change-email": "confirm your new email address for ChitFunds Ledger",
      }[purpose]
    } is ${code}.\n\nIt expires in ${minutes} minutes. If you did not ask for it, you can ignore this mail.\n`,
  pendingSubject: (name) => `New member waiting for approval: ${name}`,
  pendingText: (member, adminUrl) =>
    `${member.name} <${member.email}> confirmed their email and is waiting for your approval.\n\nApprove or reject: ${adminUrl}\n`,
  approvedSubject: "Your ChitFunds Ledger account is approved",
  approvedText: (name, loginUrl) => `Hello ${name},\n\nYour account has been approved. You can sign in now: ${loginUrl}\n`,
  rejectedSubject: "Your ChitFunds Ledger registration",
  rejectedText: (name, reason) =>
    `Hello ${name},\n\nYour registration was not approved.${reason ? `\n\nReason: ${reason}` : ""}\n\nIf you think this is a mistake, reply to the administrator who invited you.\n`,
};

const hi: MailWords = {
  codeSubject: (code) => `आपका ChitFunds Ledger कोड: ${code}`,
  codeText: (purpose, code, minutes) =>
    `${
      {
        "email-verification": "ChitFunds Ledger के लिए अपना ईमेल पता पक्का करने",
        "forget-password": "अपना ChitFunds Ledger पासवर्ड रीसेट करने",
        "sign-in": "ChitFunds Ledger में लॉग इन करने",
        "change-email": "ChitFunds Ledger के लिए अपना नया ईमेल पता पक्का करने",
      }[purpose]
    } के लिए आपका कोड ${code} है।\n\nयह ${minutes} मिनट तक ही चलेगा। अगर आपने यह कोड नहीं माँगा था, तो इस ईमेल को अनदेखा कर दें।\n`,
  pendingSubject: (name) => `नया सदस्य मंज़ूरी का इंतज़ार कर रहा है: ${name}`,
  pendingText: (member, adminUrl) =>
    `${member.name} <${member.email}> ने अपना ईमेल पक्का कर दिया है और आपकी मंज़ूरी का इंतज़ार कर रहे हैं।\n\nमंज़ूर करें या मना करें: ${adminUrl}\n`,
  approvedSubject: "आपका ChitFunds Ledger खाता मंज़ूर हो गया है",
  approvedText: (name, loginUrl) => `नमस्ते ${name},\n\nआपका खाता मंज़ूर हो गया है। अब आप लॉग इन कर सकते हैं: ${loginUrl}\n`,
  rejectedSubject: "आपका ChitFunds Ledger रजिस्ट्रेशन",
  rejectedText: (name, reason) =>
    `नमस्ते ${name},\n\nआपका रजिस्ट्रेशन मंज़ूर नहीं हुआ।${reason ? `\n\nकारण: ${reason}` : ""}\n\nअगर आपको लगता है कि यह गलती है, तो जिस एडमिन ने आपको बुलाया था उन्हें जवाब दें।\n`,
};

const WORDS: Record<Locale, MailWords> = { en, hi };

/**
 * A one-time code. `locale` null means we do not know the reader's language yet (a code to confirm a new sign-up):
 * then the mail says it in every language we have, English first.
 */
export function codeMail(to: string, code: string, purpose: CodePurpose, minutes: number, locale: Locale | null): Mail {
  if (locale) return { to, subject: WORDS[locale].codeSubject(code), text: WORDS[locale].codeText(purpose, code, minutes) };
  const all = Object.keys(SUPPORTED_LOCALES) as Locale[];
  return {
    to,
    subject: `${WORDS.en.codeSubject(code)} / ${all
      .filter((l) => l !== "en")
      .map((l) => WORDS[l].codeSubject(code))
      .join(" / ")}`,
    text: all.map((l) => WORDS[l].codeText(purpose, code, minutes)).join("\n----\n\n"),
  };
}

export function pendingMemberMail(to: string, member: { name: string; email: string }, adminUrl: string, locale: Locale): Mail {
  return { to, subject: WORDS[locale].pendingSubject(member.name), text: WORDS[locale].pendingText(member, adminUrl) };
}

export function approvedMail(to: string, name: string, loginUrl: string, locale: Locale): Mail {
  return { to, subject: WORDS[locale].approvedSubject, text: WORDS[locale].approvedText(name, loginUrl) };
}

export function rejectedMail(to: string, name: string, reason: string | null, locale: Locale): Mail {
  return { to, subject: WORDS[locale].rejectedSubject, text: WORDS[locale].rejectedText(name, reason) };
}
