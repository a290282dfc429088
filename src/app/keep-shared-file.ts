// A file shared into the installed app (a UPI screenshot, a PDF) kept as pending for a short time, for the browser that
// shared it only (its random id lives in that browser's cookie), until the member records the payment with it.
// Nothing is recorded here; files older than the time allowed are removed whenever a new one arrives.
import { randomBytes } from "node:crypto";
import type { Clock } from "../ports/clock.ts";
import type { FileStore } from "../ports/file-store.ts";
import { AppError } from "./errors.ts";
import type { UploadedFile } from "./store-receipts.ts";

export const SHARE_TTL_MS = 15 * 60_000;
const FOLDER = "shared/";
const TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf"]);

/** `contentType` tells a file's type by its bytes (a port: the screenshot reader's). */
export type SharedFileDeps = {
  files: FileStore;
  clock: Clock;
  maxBytes: number;
  contentType: (bytes: Uint8Array) => Promise<string | null>;
};
export type SharedFile = { id: string; name: string; contentType: string; size: number; sharedAt: string };

const validId = (id: string | undefined): id is string => id !== undefined && /^[A-Za-z0-9_-]{22}$/.test(id);

export async function keepSharedFile(deps: SharedFileDeps, file: UploadedFile | undefined): Promise<SharedFile> {
  if (!file || file.bytes.byteLength === 0)
    throw new AppError(400, "file-required", "Nothing was shared: share a screenshot, photo or PDF of the payment.");
  if (file.bytes.byteLength > deps.maxBytes) {
    const mb = Math.round((deps.maxBytes / 1024 / 1024) * 10) / 10;
    throw new AppError(413, "file-too-large", `The shared file is larger than the ${mb} MB limit.`);
  }
  const mime = await deps.contentType(file.bytes);
  if (!mime || !TYPES.has(mime)) {
    throw new AppError(
      415,
      "unsupported-file-type",
      "This file is not a JPEG, PNG, WebP, HEIC image or a PDF. Share a screenshot, a photo or a PDF of the payment.",
    );
  }
  const now = deps.clock.now();
  await deps.files.deleteOlderThan(FOLDER, new Date(now.getTime() - SHARE_TTL_MS));
  const shared: SharedFile = {
    id: randomBytes(16).toString("base64url"),
    name: file.name.replace(/[^\p{L}\p{N} ._()-]+/gu, "_").slice(0, 120) || "shared-file",
    contentType: mime,
    size: file.bytes.byteLength,
    sharedAt: now.toISOString(),
  };
  await deps.files.put(`${FOLDER}${shared.id}`, file.bytes, mime);
  await deps.files.put(
    `${FOLDER}${shared.id}.json`,
    new TextEncoder().encode(JSON.stringify(shared)),
    "application/json",
  );
  return shared;
}

/** The pending file of this browser's cookie, or null when there is none or it has expired. */
export async function findSharedFile(
  deps: Pick<SharedFileDeps, "files" | "clock">,
  id: string | undefined,
): Promise<SharedFile | null> {
  if (!validId(id)) return null;
  const meta = await deps.files.get(`${FOLDER}${id}.json`);
  if (!meta) return null;
  const shared = JSON.parse(new TextDecoder().decode(meta)) as SharedFile;
  if (deps.clock.now().getTime() - Date.parse(shared.sharedAt) > SHARE_TTL_MS) return null;
  return shared;
}

/** The pending file's bytes, ready to attach as a receipt; null when gone. */
export async function sharedFileBytes(
  deps: Pick<SharedFileDeps, "files" | "clock">,
  id: string | undefined,
): Promise<UploadedFile | null> {
  const shared = await findSharedFile(deps, id);
  if (!shared) return null;
  const bytes = await deps.files.get(`${FOLDER}${shared.id}`);
  return bytes ? { name: shared.name, bytes } : null;
}

/** Forgets a pending file once its payment is recorded (or the member shares another). */
export async function dropSharedFile(deps: Pick<SharedFileDeps, "files">, id: string | undefined): Promise<void> {
  if (!validId(id)) return;
  await deps.files.delete(`${FOLDER}${id}`);
  await deps.files.delete(`${FOLDER}${id}.json`);
}
