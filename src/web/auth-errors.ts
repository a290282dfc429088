// Puts better-auth's error codes into plain words, in the page's language, beside the right form field.

import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem } from "../domain/password-policy.ts";
import type { AuthReply } from "./auth-call.ts";
import type { T } from "./i18n/index.ts";

type FieldError = { field: string | null; message: (t: T) => string };

const BY_CODE: Record<string, FieldError> = {
  INVALID_EMAIL: { field: "email", message: (t) => t("authErrors.invalidEmail") },
  USER_ALREADY_EXISTS: { field: "email", message: (t) => t("authErrors.userExists") },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { field: "email", message: (t) => t("authErrors.userExists") },
  PASSWORD_TOO_SHORT: {
    field: "password",
    message: (t) => t("authErrors.passwordTooShort", { min: MIN_PASSWORD_LENGTH }),
  },
  PASSWORD_TOO_LONG: {
    field: "password",
    message: (t) => t("authErrors.passwordTooLong", { max: MAX_PASSWORD_LENGTH }),
  },
  INVALID_EMAIL_OR_PASSWORD: { field: null, message: (t) => t("authErrors.wrongLogin") },
  INVALID_PASSWORD: { field: "currentPassword", message: (t) => t("authErrors.wrongCurrentPassword") },
  INVALID_OTP: { field: "code", message: (t) => t("authErrors.wrongCode") },
  OTP_EXPIRED: { field: "code", message: (t) => t("authErrors.codeExpired") },
  TOO_MANY_ATTEMPTS: { field: "code", message: (t) => t("authErrors.tooManyCodeTries") },
  BANNED_USER: { field: null, message: (t) => t("authErrors.banned") },
  TOO_MANY_REQUESTS: { field: null, message: (t) => t("authErrors.tooManyRequests") },
  EMAIL_ALREADY_VERIFIED: { field: null, message: (t) => t("authErrors.alreadyVerified") },
  USER_NOT_FOUND: { field: "code", message: (t) => t("authErrors.wrongCode") },
};

const PASSWORD_PROBLEM_KEYS = {
  "too-short": (t) => t("authErrors.passwordTooShort", { min: MIN_PASSWORD_LENGTH }),
  "too-long": (t) => t("authErrors.passwordTooLong", { max: MAX_PASSWORD_LENGTH }),
  "too-common": (t) => t("authErrors.passwordTooCommon"),
} satisfies Record<PasswordProblem, (t: T) => string>;

/** Our own auth hooks (better-auth.ts) send a code and its parameters (field, problem, max, seconds) beside an English
 * message for other clients; the page says the code in its own language and never reads that message. */
function ownMessage(
  code: string,
  data: Record<string, unknown> | null,
  t: T,
  field: string | null,
): { field: string | null; message: string } {
  const number = (name: string) => (typeof data?.[name] === "number" ? (data[name] as number) : undefined);
  switch (code) {
    case "WEAK_PASSWORD": {
      const problem = data?.problem as PasswordProblem | undefined;
      return {
        field: "password",
        message:
          problem && Object.hasOwn(PASSWORD_PROBLEM_KEYS, problem)
            ? PASSWORD_PROBLEM_KEYS[problem](t)
            : t("authErrors.unknown"),
      };
    }
    case "FIELD_TOO_LONG":
      // Shown beside the field, so the field needs no naming: "Use at most 100 characters."
      return { field, message: t("authErrors.passwordTooLong", { max: number("max") ?? "" }) };
    case "INVALID_TIME_ZONE":
      return { field: field ?? "timeZone", message: t("authErrors.invalidTimeZone") };
    case "UNSUPPORTED_LANGUAGE":
      return { field: field ?? "locale", message: t("authErrors.unsupportedLanguage") };
    case "INVALID_FIELD":
      return { field, message: t("authErrors.unknown") };
    case "NAME_REQUIRED":
      return { field: "name", message: t("authErrors.nameRequired") };
    case "INVALID_PHONE":
      return { field: "phone", message: t("authErrors.invalidPhone") };
    case "ACCOUNT_LOCKED":
      return { field: null, message: t("authErrors.accountLocked", { minutes: number("minutes") ?? "" }) };
    case "RESEND_COOLDOWN":
      return { field: null, message: t("authErrors.resendCooldown", { seconds: number("seconds") ?? "" }) };
    case "ACCOUNT_PENDING":
      return { field: null, message: t("authErrors.accountPending") };
    default:
      return { field: null, message: t("authErrors.accountRejected") };
  }
}

const OWN_CODES = new Set([
  "WEAK_PASSWORD",
  "FIELD_TOO_LONG",
  "NAME_REQUIRED",
  "INVALID_PHONE",
  "INVALID_TIME_ZONE",
  "UNSUPPORTED_LANGUAGE",
  "INVALID_FIELD",
  "RESEND_COOLDOWN",
  "ACCOUNT_LOCKED",
  "ACCOUNT_PENDING",
  "ACCOUNT_REJECTED",
]);

export function authErrorToForm(reply: AuthReply, t: T): { fields: Record<string, string>; message: string | null } {
  const code = reply.code ?? "UNKNOWN";
  if (OWN_CODES.has(code)) {
    const { field, message } = ownMessage(
      code,
      reply.data,
      t,
      typeof reply.data?.field === "string" ? reply.data.field : null,
    );
    return field ? { fields: { [field]: message }, message: null } : { fields: {}, message };
  }
  if (reply.status === 429) return { fields: {}, message: BY_CODE.TOO_MANY_REQUESTS!.message(t) };
  const known = BY_CODE[code];
  if (known)
    return known.field
      ? { fields: { [known.field]: known.message(t) }, message: null }
      : { fields: {}, message: known.message(t) };
  // better-auth's own body check answers only in English: the email sent is checked here instead of its message.
  if (
    code === "VALIDATION_ERROR" &&
    typeof reply.sent.email === "string" &&
    !z.email().safeParse(reply.sent.email).success
  ) {
    return { fields: { email: BY_CODE.INVALID_EMAIL!.message(t) }, message: null };
  }
  return { fields: {}, message: t("authErrors.unknown") };
}
