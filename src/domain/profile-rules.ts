// The rules for a member's profile fields, the same on every way in: sign-up, better-auth's update-user, the profile
// page, the admin endpoints. Each problem is a stable code the pages translate.
import { DEFAULT_TIME_ZONE, isTimeZone } from "./dates.ts";

export const PROFILE_LIMITS = { name: 100, email: 254, phone: 20, image: 2048 } as const;

export const PHONE_PATTERN = /^\+?[0-9 -]{7,20}$/;

export type ProfileField = "name" | "email" | "phone" | "locale" | "timeZone" | "image";
export type ProfileProblemCode =
  | "name-required"
  | "too-long"
  | "invalid-phone"
  | "unsupported-language"
  | "invalid-time-zone"
  | "not-text";
export type ProfileProblem = { field: ProfileField; code: ProfileProblemCode; max?: number };

/**
 * What is wrong with the profile fields present in `fields` (absent ones are not checked, so a partial update is
 * judged on what it changes). `creating` also requires a name; `isLanguage` says which languages the app speaks.
 */
export function profileProblems(
  fields: Record<string, unknown>,
  options: { creating?: boolean; isLanguage: (value: string) => boolean },
): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const has = (field: ProfileField) => Object.hasOwn(fields, field) && fields[field] !== undefined;
  for (const field of ["name", "email", "phone", "locale", "timeZone", "image"] as const) {
    if (!has(field)) continue;
    const value = fields[field];
    if (value === null && (field === "phone" || field === "image")) continue;
    if (typeof value !== "string") {
      problems.push({ field, code: "not-text" });
      continue;
    }
    const max = PROFILE_LIMITS[field as keyof typeof PROFILE_LIMITS];
    if (max !== undefined && value.length > max) {
      problems.push({ field, code: "too-long", max });
      continue;
    }
    if (field === "name" && value.trim() === "") problems.push({ field, code: "name-required" });
    if (field === "phone" && value !== "" && !PHONE_PATTERN.test(value.trim()))
      problems.push({ field, code: "invalid-phone" });
    if (field === "locale" && !options.isLanguage(value)) problems.push({ field, code: "unsupported-language" });
    if (field === "timeZone" && !isTimeZone(value)) problems.push({ field, code: "invalid-time-zone" });
  }
  if (options.creating && !has("name")) problems.push({ field: "name", code: "name-required" });
  return problems;
}

const ENGLISH: Record<ProfileProblemCode, (p: ProfileProblem) => string> = {
  "name-required": () => "Enter your name.",
  "too-long": (p) =>
    `${p.field === "timeZone" ? "Time zone" : p.field[0]!.toUpperCase() + p.field.slice(1)} must be at ` +
    `most ${p.max} characters.`,
  "invalid-phone": () => "Enter a phone number of digits, e.g. +91 98765 43210.",
  "unsupported-language": () => "Choose a language from the list.",
  "invalid-time-zone": () => `Choose a time zone from the list (an IANA name such as ${DEFAULT_TIME_ZONE}).`,
  "not-text": (p) => `${p.field} must be text.`,
};

/** The problem in plain English, for API clients (pages translate the code instead). */
export function profileProblemMessage(problem: ProfileProblem): string {
  return ENGLISH[problem.code](problem);
}
