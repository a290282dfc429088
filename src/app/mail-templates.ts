// The mails about a member's account (codes, approval), worded by the one i18n layer in the reader's language.
import { translatorFor } from "../i18n/index.ts";
import type { CodePurpose } from "../ports/accounts.ts";
import type { Mail } from "../ports/mailer.ts";
import { type Locale, SUPPORTED_LOCALES } from "./locale.ts";

function codeWords(locale: Locale, code: string, purpose: CodePurpose, minutes: number) {
  const t = translatorFor(locale);
  return {
    subject: t("mail.codeSubject", { code }),
    text: `${t("mail.codeText", { purpose: t(`mail.codePurpose.${purpose}`), code, minutes })}\n`,
  };
}

/**
 * A one-time code. `locale` null means we do not know the reader's language yet (a code asked for through the API
 * before any page was seen): then the mail says it in every language we have, English first.
 */
export function codeMail(to: string, code: string, purpose: CodePurpose, minutes: number, locale: Locale | null): Mail {
  if (locale) return { to, ...codeWords(locale, code, purpose, minutes) };
  const all = (Object.keys(SUPPORTED_LOCALES) as Locale[]).map((l) => codeWords(l, code, purpose, minutes));
  return { to, subject: all.map((w) => w.subject).join(" / "), text: all.map((w) => w.text).join("\n----\n\n") };
}

export function pendingMemberMail(
  to: string,
  member: { name: string; email: string },
  adminUrl: string,
  locale: Locale,
): Mail {
  const t = translatorFor(locale);
  return {
    to,
    subject: t("mail.pendingSubject", { name: member.name }),
    text: `${t("mail.pendingText", { name: member.name, email: member.email, url: adminUrl })}\n`,
  };
}

export function approvedMail(to: string, name: string, loginUrl: string, locale: Locale): Mail {
  const t = translatorFor(locale);
  return { to, subject: t("mail.approvedSubject"), text: `${t("mail.approvedText", { name, url: loginUrl })}\n` };
}

export function rejectedMail(to: string, name: string, reason: string | null, locale: Locale): Mail {
  const t = translatorFor(locale);
  const parts = [
    t("mail.rejectedText", { name }),
    ...(reason ? [t("mail.rejectedReason", { reason })] : []),
    t("mail.rejectedHelp"),
  ];
  return { to, subject: t("mail.rejectedSubject"), text: `${parts.join("\n\n")}\n` };
}

/** Someone is guessing at the member's password: how often, from where, and what to do. */
export function signInAttemptsMail(
  to: string,
  p: {
    name: string;
    failures: number;
    minutes: number;
    address: string;
    limit: number;
    resetUrl: string;
    securityUrl: string;
    locale: Locale;
  },
): Mail {
  const t = translatorFor(p.locale);
  return {
    to,
    subject: t("mail.signInAttemptsSubject"),
    text: `${t("mail.signInAttemptsText", {
      name: p.name,
      failures: p.failures,
      minutes: p.minutes,
      address: p.address,
      limit: p.limit,
      resetUrl: p.resetUrl,
      securityUrl: p.securityUrl,
    })}\n`,
  };
}
