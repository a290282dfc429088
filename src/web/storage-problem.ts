// The plain 503 a person gets when the server's storage is full or read-only (the real cause goes to the log).

import { AppError } from "../app/errors.ts";
import { words } from "../i18n/words.ts";
import type { StorageFailure } from "../ports/storage-failure.ts";
import type { WebServices } from "./env.ts";

const MESSAGES: Record<StorageFailure, [string, string]> = {
  full: ["storage-full", "errors.storageFull"],
  "read-only": ["storage-read-only", "errors.storageReadOnly"],
  unavailable: ["storage-unavailable", "errors.storageUnavailable"],
};

export function storageError(failure: StorageFailure): AppError {
  const [code, key] = MESSAGES[failure];
  return new AppError(503, code, words(key));
}

/**
 * After a failure we could not see (better-auth answers its own errors with a bare 500): is the storage the cause?
 * The readiness checks say; the answer is the 503 to give, or null.
 */
export async function storageProblemNow(services: Pick<WebServices, "readiness" | "log">): Promise<AppError | null> {
  const failed = (await services.readiness()).filter((check) => !check.ok);
  if (failed.length === 0) return null;
  services.log.error({ checks: failed }, `storage problem: ${failed.map((c) => `${c.name} ${c.detail}`).join("; ")}`);
  const details = failed.map((c) => c.detail).join(" ");
  return storageError(/read-only/.test(details) ? "read-only" : /full|MB free/.test(details) ? "full" : "unavailable");
}
