// The words of every mail the app sends, in one place so they read consistently.
import type { Mail } from "../ports/mailer.ts";

type CodePurpose = "sign-in" | "email-verification" | "forget-password" | "change-email";

const purposeText: Record<CodePurpose, string> = {
  "email-verification": "confirm your email address for ChitFunds Ledger",
  "forget-password": "reset your ChitFunds Ledger password",
  "sign-in": "sign in to ChitFunds Ledger",
  "change-email": "confirm your new email address for ChitFunds Ledger",
};

export function codeMail(to: string, code: string, purpose: CodePurpose, minutes: number): Mail {
  return {
    to,
    subject: `Your ChitFunds Ledger code: ${code}`,
    text: `Your code to ${purposeText[purpose]} is ${code}.\n\nIt expires in ${minutes} minutes. If you did not ask for it, you can ignore this mail.\n`,
  };
}

export function pendingMemberMail(to: string, member: { name: string; email: string }, adminUrl: string): Mail {
  return {
    to,
    subject: `New member waiting for approval: ${member.name}`,
    text: `${member.name} <${member.email}> confirmed their email and is waiting for your approval.\n\nApprove or reject: ${adminUrl}\n`,
  };
}

export function approvedMail(to: string, name: string, loginUrl: string): Mail {
  return {
    to,
    subject: "Your ChitFunds Ledger account is approved",
    text: `Hello ${name},\n\nYour account has been approved. You can sign in now: ${loginUrl}\n`,
  };
}

export function rejectedMail(to: string, name: string, reason: string | null): Mail {
  return {
    to,
    subject: "Your ChitFunds Ledger registration",
    text: `Hello ${name},\n\nYour registration was not approved.${reason ? `\n\nReason: ${reason}` : ""}\n\nIf you think this is a mistake, reply to the administrator who invited you.\n`,
  };
}
