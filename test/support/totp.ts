// Authenticator-app codes computed the way any app does (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps, 6 digits),
// from the otpauth:// URI the app shows when two-factor sign-in is set up.
import { createHmac } from "node:crypto";

function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of text.replace(/=+$/, "").toUpperCase()) {
    const value = alphabet.indexOf(ch);
    if (value < 0) throw new Error(`not base32: ${ch}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The secret and parameters of an otpauth://totp/... URI. */
export function totpParams(uri: string): {
  secret: Buffer;
  digits: number;
  period: number;
  issuer: string | null;
  label: string;
} {
  const url = new URL(uri);
  if (url.protocol !== "otpauth:" || url.host !== "totp") throw new Error(`not a TOTP URI: ${uri}`);
  return {
    secret: base32Decode(url.searchParams.get("secret") ?? ""),
    digits: Number(url.searchParams.get("digits") ?? 6),
    period: Number(url.searchParams.get("period") ?? 30),
    issuer: url.searchParams.get("issuer"),
    label: decodeURIComponent(url.pathname.slice(1)),
  };
}

/** The code an authenticator app shows at `at` (or `steps` periods later/earlier). */
export function totpCode(uri: string, at = Date.now(), steps = 0): string {
  const { secret, digits, period } = totpParams(uri);
  const counter = Math.floor(at / 1000 / period) + steps;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac("sha1", secret).update(message).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary =
    ((hmac[offset]! & 0x7f) << 24) | (hmac[offset + 1]! << 16) | (hmac[offset + 2]! << 8) | hmac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, "0");
}
