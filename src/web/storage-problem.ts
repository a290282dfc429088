// The plain 503 a person gets when the server's storage is full or read-only (the real cause goes to the log).
import type { StorageFailure } from "../adapters/storage-failure.ts";
import { AppError } from "../app/errors.ts";
import type { Services } from "../compose.ts";

const MESSAGES: Record<StorageFailure, [string, string]> = {
  full: ["storage-full", "The server's storage is full, so nothing was saved. Please try again later; the administrator can see why in the server's log."],
  "read-only": [
    "storage-read-only",
    "The server's storage is read-only, so nothing was saved. Please try again later; the administrator can see why in the server's log.",
  ],
  unavailable: ["storage-unavailable", "The server could not reach its storage, so nothing was saved. Please try again later."],
};

export function storageError(failure: StorageFailure): AppError {
  const [code, message] = MESSAGES[failure];
  return new AppError(503, code, message);
}

/**
 * After a failure we could not see (better-auth answers its own errors with a bare 500): is the storage the cause?
 * The readiness checks say; the answer is the 503 to give, or null.
 */
export async function storageProblemNow(services: Pick<Services, "readiness" | "log">): Promise<AppError | null> {
  const failed = (await services.readiness()).filter((check) => !check.ok);
  if (failed.length === 0) return null;
  services.log.error({ checks: failed }, `storage problem: ${failed.map((c) => `${c.name} ${c.detail}`).join("; ")}`);
  const details = failed.map((c) => c.detail).join(" ");
  return storageError(/read-only/.test(details) ? "read-only" : /full|MB free/.test(details) ? "full" : "unavailable");
}
