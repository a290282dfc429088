// A member changes their name, phone, language and time zone.
import { z } from "zod";
import { isTimeZone } from "../domain/dates.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import { SUPPORTED_LOCALES } from "./locale.ts";
import { parseInput } from "./parse-input.ts";

export const profileInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  phone: z
    .string()
    .trim()
    .max(20, "Keep the phone number under 20 characters.")
    .regex(/^(\+?[0-9 -]{7,20})?$/, "Enter a phone number of digits, e.g. +91 98765 43210."),
  locale: z.enum(Object.keys(SUPPORTED_LOCALES) as [keyof typeof SUPPORTED_LOCALES], { message: "Choose a language from the list." }),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list."),
});

export async function updateProfile(deps: { members: MemberRepository }, memberId: string, raw: unknown): Promise<Member> {
  const { name, phone, locale, timeZone } = parseInput(profileInput, raw);
  return deps.members.update(memberId, { name, phone: phone || null, locale, timeZone });
}
