// Mails a one-time code (email confirmation, password reset) to the address that asked for it, in the member's
// language.
import type { CodePurpose } from "../ports/accounts.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { MemberRepository } from "../ports/member-repository.ts";
import { DEFAULT_LOCALE, type Locale, supportedLocale } from "./locale.ts";
import { codeMail } from "./mail-templates.ts";

export type SendCodeDeps = { mailer: Mailer; codeTtlMinutes: number; members: Pick<MemberRepository, "findByEmail"> };

export async function sendCode(deps: SendCodeDeps, email: string, code: string, purpose: CodePurpose) {
  const member = await deps.members.findByEmail(email);
  const locale: Locale | null = member ? supportedLocale(member.locale) : null;
  // A new sign-up has only the default language unless the page it came from said otherwise; since English may just be
  // that default, its confirmation code is written in every language we have.
  const known = purpose === "email-verification" && locale === DEFAULT_LOCALE ? null : locale;
  await deps.mailer.send(codeMail(email, code, purpose, deps.codeTtlMinutes, known));
}
