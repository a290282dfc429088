// What /readyz checks: the store answers, receipt files can be written, and the disk has room. Each check says why.
import { randomBytes } from "node:crypto";
import { mkdir, rm, statfs, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { HealthCheck } from "../ports/readiness.ts";
import { storageFailureOf } from "../ports/storage-failure.ts";

const MB = 1024 * 1024;
const reason = (error: unknown) => {
  const failure = storageFailureOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return failure === "full" ? `full (${message})` : failure === "read-only" ? `read-only (${message})` : message;
};

export async function storeCheck(ping: () => Promise<void>): Promise<HealthCheck> {
  try {
    await ping();
    return { name: "store", ok: true, detail: "answers" };
  } catch (error) {
    return { name: "store", ok: false, detail: reason(error) };
  }
}

/** Writes and removes a small file where receipts go: a read-only or full disk fails here, whoever runs the server. */
export async function folderWritableCheck(dir: string): Promise<HealthCheck> {
  const probe = join(dir, `.readyz-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, randomBytes(4096));
    await rm(probe, { force: true });
    return { name: "files", ok: true, detail: "writable" };
  } catch (error) {
    await rm(probe, { force: true }).catch(() => {});
    return { name: "files", ok: false, detail: reason(error) };
  }
}

export async function freeSpaceCheck(dir: string, minFreeBytes: number): Promise<HealthCheck> {
  try {
    const fs = await statfs(dir);
    const free = fs.bavail * fs.bsize;
    const detail = `${Math.floor(free / MB)} MB free (at least ${Math.ceil(minFreeBytes / MB)} MB wanted)`;
    return { name: "freeSpace", ok: free >= minFreeBytes, detail };
  } catch (error) {
    return { name: "freeSpace", ok: false, detail: reason(error) };
  }
}
