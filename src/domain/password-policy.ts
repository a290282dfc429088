// Password rules for members: long enough and not one of the passwords attackers try first.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

// The most common leaked passwords of 10+ characters (lower-cased), plus patterns checked below.
const COMMON = new Set([
  "1234567890",
  "0123456789",
  "0987654321",
  "9876543210",
  "12345678910",
  "123456789a",
  "a123456789",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "qwertyuiop",
  "qwerty12345",
  "qwerty123456",
  "1234qwerty",
  "asdfghjkl1",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "password!1",
  "iloveyou12",
  "iloveyou123",
  "abcdefghij",
  "abcd123456",
  "abc1234567",
  "football123",
  "princess123",
  "welcome123",
  "letmein123",
  "sunshine123",
  "monkey12345",
  "dragon1234",
  "baseball123",
  "superman123",
  "michael123",
  "charlie123",
  "trustno1234",
  "starwars123",
  "computer123",
  "whatever123",
  "1111111111",
  "0000000000",
  "1212121212",
  "1122334455",
  "1234512345",
  "5555555555",
  "7777777777",
  "9999999999",
  "123123123123",
  "zaq12wsxcde",
  "india12345",
  "india@1234",
  "india123456",
  "bharat1234",
  "krishna123",
  "ganesh1234",
  "sairam1234",
  "omsairam123",
  "jaihind123",
  "mumbai1234",
  "delhi12345",
  "chennai123",
  "hyderabad123",
  "bangalore1",
  "changeme123",
  "administrator",
  "admin12345",
  "admin@1234",
  "adminadmin",
  "qwertyqwerty",
  "asdfasdfasdf",
  "passwordpassword",
  "chitfunds1",
  "chitfund123",
  "chitfunds123",
]);

export type PasswordProblem = "too-short" | "too-long" | "too-common";

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "too-short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too-long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "too-common";
  if (/^(.)\1+$/.test(password)) return "too-common";
  if (/^\d+$/.test(password) && isSequence(password)) return "too-common";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.replace(/[^a-z0-9]/g, "").startsWith(local.replace(/[^a-z0-9]/g, ""))) {
    const rest = lower.slice(local.length);
    if (/^[\d!@#$%^&*.]*$/.test(rest)) return "too-common";
  }
  return null;
}

function isSequence(digits: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < digits.length; i++) steps.add((Number(digits[i]) - Number(digits[i - 1]) + 10) % 10);
  return steps.size === 1;
}

export const passwordProblemMessage: Record<PasswordProblem, string> = {
  "too-short": `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  "too-long": `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  "too-common": "This password is too common or easy to guess. Try a few unrelated words together.",
};
