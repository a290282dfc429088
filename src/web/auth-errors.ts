// Puts better-auth's error codes into plain words beside the right form field.
import type { AuthReply } from "./auth-call.ts";

type FieldError = { field: string | null; message: string };

const BY_CODE: Record<string, FieldError> = {
  INVALID_EMAIL: { field: "email", message: "Enter a valid email address, like name@example.com." },
  USER_ALREADY_EXISTS: { field: "email", message: "An account with this email already exists. Log in, or reset your password." },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { field: "email", message: "An account with this email already exists. Log in, or reset your password." },
  PASSWORD_TOO_SHORT: { field: "password", message: "Use at least 10 characters." },
  PASSWORD_TOO_LONG: { field: "password", message: "Use at most 128 characters." },
  INVALID_EMAIL_OR_PASSWORD: { field: null, message: "That email and password do not match an account." },
  INVALID_PASSWORD: { field: "currentPassword", message: "Your current password is not right." },
  INVALID_OTP: { field: "code", message: "That code is not right. Check the latest email and try again." },
  OTP_EXPIRED: { field: "code", message: "That code has expired. Ask for a new one below." },
  TOO_MANY_ATTEMPTS: { field: "code", message: "Too many wrong tries for this code. Ask for a new one below." },
  BANNED_USER: { field: null, message: "Your account has been suspended. Contact the administrator." },
  TOO_MANY_REQUESTS: { field: null, message: "Too many attempts. Wait a minute and try again." },
  EMAIL_ALREADY_VERIFIED: { field: null, message: "This email is already confirmed. You can log in." },
  USER_NOT_FOUND: { field: "code", message: "That code is not right. Check the latest email and try again." },
};

/** Codes whose message we wrote ourselves in the auth hooks (already plain words). */
const OWN: Record<string, string | null> = {
  WEAK_PASSWORD: "password",
  FIELD_TOO_LONG: null,
  NAME_REQUIRED: "name",
  INVALID_PHONE: "phone",
  RESEND_COOLDOWN: null,
  ACCOUNT_PENDING: null,
  ACCOUNT_REJECTED: null,
};

export function authErrorToForm(reply: AuthReply): { fields: Record<string, string>; message: string | null } {
  const code = reply.code ?? "UNKNOWN";
  if (code in OWN) {
    const field = OWN[code] ?? (code === "FIELD_TOO_LONG" ? (reply.message?.split(" ")[0]?.toLowerCase() ?? null) : null);
    return field ? { fields: { [field]: reply.message ?? "" }, message: null } : { fields: {}, message: reply.message };
  }
  if (reply.status === 429) return { fields: {}, message: BY_CODE.TOO_MANY_REQUESTS!.message };
  const known = BY_CODE[code];
  if (known) return known.field ? { fields: { [known.field]: known.message }, message: null } : { fields: {}, message: known.message };
  if (code === "VALIDATION_ERROR" && /email/i.test(reply.message ?? "")) {
    return { fields: { email: BY_CODE.INVALID_EMAIL!.message }, message: null };
  }
  return { fields: {}, message: "Something went wrong. Please check what you entered and try again." };
}
