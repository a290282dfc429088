// Puts better-auth's error codes into plain words, in the page's language, beside the right form field.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem, passwordProblemMessage } from "../domain/password-policy.ts";
import type { AuthReply } from "./auth-call.ts";
import type { T } from "./i18n/index.ts";

type FieldError = { field: string | null; message: (t: T) => string };

const BY_CODE: Record<string, FieldError> = {
  INVALID_EMAIL: { field: "email", message: (t) => t("authErrors.invalidEmail") },
  USER_ALREADY_EXISTS: { field: "email", message: (t) => t("authErrors.userExists") },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { field: "email", message: (t) => t("authErrors.userExists") },
  PASSWORD_TOO_SHORT: { field: "password", message: (t) => t("authErrors.passwordTooShort", { min: MIN_PASSWORD_LENGTH }) },
  PASSWORD_TOO_LONG: { field: "password", message: (t) => t("authErrors.passwordTooLong", { max: MAX_PASSWORD_LENGTH }) },
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

/** Our own auth hooks (better-auth.ts) answer in English; these put their codes into the page's language. */
function ownMessage(code: string, english: string, t: T, field: string | null): { field: string | null; message: string } {
  const number = /(\d+)/.exec(english)?.[1] ?? "";
  switch (code) {
    case "WEAK_PASSWORD": {
      const problem = (Object.keys(passwordProblemMessage) as PasswordProblem[]).find((p) => passwordProblemMessage[p] === english);
      return { field: "password", message: problem ? PASSWORD_PROBLEM_KEYS[problem](t) : english };
    }
    case "FIELD_TOO_LONG": {
      const label = english.split(" must ")[0] ?? "";
      return { field: field ?? (label.toLowerCase() || null), message: t("authErrors.fieldTooLong", { field: label, max: number }) };
    }
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
    case "RESEND_COOLDOWN":
      return { field: null, message: t("authErrors.resendCooldown", { seconds: number }) };
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
  "ACCOUNT_PENDING",
  "ACCOUNT_REJECTED",
]);

export function authErrorToForm(reply: AuthReply, t: T): { fields: Record<string, string>; message: string | null } {
  const code = reply.code ?? "UNKNOWN";
  if (OWN_CODES.has(code)) {
    const { field, message } = ownMessage(code, reply.message ?? "", t, typeof reply.data?.field === "string" ? reply.data.field : null);
    return field ? { fields: { [field]: message }, message: null } : { fields: {}, message };
  }
  if (reply.status === 429) return { fields: {}, message: BY_CODE.TOO_MANY_REQUESTS!.message(t) };
  const known = BY_CODE[code];
  if (known) return known.field ? { fields: { [known.field]: known.message(t) }, message: null } : { fields: {}, message: known.message(t) };
  if (code === "VALIDATION_ERROR" && /email/i.test(reply.message ?? "")) {
    return { fields: { email: BY_CODE.INVALID_EMAIL!.message(t) }, message: null };
  }
  return { fields: {}, message: t("authErrors.unknown") };
}
