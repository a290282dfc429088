// Records a payment at most once per idempotency key: an API retry with the same Idempotency-Key, or the same page form
// submitted twice, gets the first payment back instead of making a second one.
import { createHash } from "node:crypto";
import { words } from "../i18n/words.ts";
import type { Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { AppError } from "./errors.ts";
import { findPayment } from "./find-payment.ts";
import type { PaymentWarning } from "./flag-duplicates.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { recordPayment } from "./record-payment.ts";
import type { UploadedFile } from "./store-receipts.ts";

export type RecordedPayment = { payment: Payment; warnings: PaymentWarning[]; replayed: boolean };

/** Keys are what a client may send: up to 255 visible ASCII characters. */
export function checkIdempotencyKey(key: string): string {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError(400, "invalid-idempotency-key", words("errors.idempotencyKeyInvalid"));
  }
  return key;
}

/** The same chit, fields and files give the same fingerprint, whatever the order or the multipart boundary. */
function fingerprintOf(chitId: string, raw: Record<string, unknown>, files: UploadedFile[]): string {
  const fields = Object.keys(raw)
    .sort()
    .map((k) => [k, raw[k]]);
  const hashes = files.map((f) => createHash("sha256").update(f.bytes).digest("hex"));
  return createHash("sha256").update(JSON.stringify({ chitId, fields, hashes })).digest("hex");
}

const WAIT_STEP_MS = 200;
const WAIT_LIMIT_MS = 15_000;

/**
 * `waitForFirst`: a page form submitted twice in a row waits for the first submission to finish and shows its payment
 * (the API answers 409 instead, and the client retries). A page form is one key whatever was typed: `matchBody: false`.
 */
export async function recordPaymentOnce(
  deps: LedgerDeps,
  member: Member,
  chitId: string,
  raw: Record<string, unknown>,
  files: UploadedFile[],
  key: string,
  options: { waitForFirst?: boolean; matchBody?: boolean } = {},
): Promise<RecordedPayment> {
  const fingerprint = fingerprintOf(chitId, raw, files);
  const started = Date.now();
  for (;;) {
    const existing = await deps.idempotency.claim(member.id, key, fingerprint, deps.clock.now());
    if (!existing) break;
    if (options.matchBody !== false && existing.fingerprint !== fingerprint) {
      throw new AppError(409, "idempotency-key-reused", words("errors.idempotencyKeyReused"));
    }
    if (existing.state === "done" && existing.result) {
      const { paymentId, warnings } = JSON.parse(existing.result) as { paymentId: string; warnings: PaymentWarning[] };
      return { payment: await findPayment(deps.payments, member.id, paymentId), warnings, replayed: true };
    }
    if (!options.waitForFirst || Date.now() - started > WAIT_LIMIT_MS) {
      throw new AppError(409, "idempotency-key-in-use", words("errors.idempotencyKeyInUse"));
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  try {
    const { payment, warnings } = await recordPayment(deps, member, chitId, raw, files);
    await deps.idempotency.complete(member.id, key, JSON.stringify({ paymentId: payment.id, warnings }));
    return { payment, warnings, replayed: false };
  } catch (error) {
    await deps.idempotency.release(member.id, key).catch(() => {});
    throw error;
  }
}
