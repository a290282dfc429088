// A member changes their name, phone, language and time zone.
import { z } from "zod";
import { isTimeZone } from "../domain/dates.ts";
import { PHONE_PATTERN, PROFILE_LIMITS } from "../domain/profile-rules.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import { isLocale } from "./locale.ts";
import { parseInput } from "./parse-input.ts";

export const profileInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name.")
    .max(PROFILE_LIMITS.name, `Keep your name under ${PROFILE_LIMITS.name} characters.`),
  phone: z
    .string()
    .trim()
    .max(PROFILE_LIMITS.phone, `Keep the phone number under ${PROFILE_LIMITS.phone} characters.`)
    .refine(
      (phone) => phone === "" || PHONE_PATTERN.test(phone),
      "Enter a phone number of digits, e.g. +91 98765 43210.",
    ),
  locale: z.string().refine(isLocale, "Choose a language from the list."),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list."),
});

export async function updateProfile(
  deps: { members: MemberRepository },
  memberId: string,
  raw: unknown,
): Promise<Member> {
  const { name, phone, locale, timeZone } = parseInput(profileInput, raw);
  return deps.members.update(memberId, { name, phone: phone || null, locale, timeZone });
}
