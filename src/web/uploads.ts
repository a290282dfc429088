// Reads a multipart or urlencoded body for the ledger: plain fields as strings, and the uploaded receipt files.
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../app/errors.ts";
import { MAX_RECEIPTS_PER_PAYMENT, type UploadedFile } from "../app/store-receipts.ts";
import type { WebEnv } from "./env.ts";

/** Refuses bodies larger than every allowed receipt together (plus form fields) before reading them. */
export const uploadBodyLimit = (maxFileBytes: number) =>
  bodyLimit({
    maxSize: maxFileBytes * MAX_RECEIPTS_PER_PAYMENT + 1024 * 1024,
    onError: () => {
      const mb = Math.round((maxFileBytes / 1024 / 1024) * 10) / 10;
      throw new AppError(
        413,
        "file-too-large",
        `The upload is too large: each receipt can be at most ${mb} MB, and at most ${MAX_RECEIPTS_PER_PAYMENT} per payment.`,
      );
    },
  });

export type ParsedForm = { fields: Record<string, string>; files: UploadedFile[] };

/** Fields named `receipts` (or `receipt`, `file`) carry files; empty file inputs (no file chosen) are ignored. */
export async function readForm(c: Context<WebEnv>): Promise<ParsedForm> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string") {
        if (!["receipts", "receipt", "file"].includes(name)) fields[name] = item;
      } else if (item instanceof File && item.size > 0) {
        files.push({ name: item.name, bytes: new Uint8Array(await item.arrayBuffer()) });
      }
    }
  }
  return { fields, files };
}
