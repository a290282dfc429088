// Mails a one-time code (email confirmation, password reset) to the address that asked for it.
import type { Mailer } from "../ports/mailer.ts";
import { codeMail } from "./mail-templates.ts";

type CodePurpose = Parameters<typeof codeMail>[2];

export async function sendCode(deps: { mailer: Mailer; codeTtlMinutes: number }, email: string, code: string, purpose: CodePurpose) {
  await deps.mailer.send(codeMail(email, code, purpose, deps.codeTtlMinutes));
}
