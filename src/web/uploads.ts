// Reads a multipart or urlencoded body for the ledger: plain fields as strings, and the uploaded receipt files.
import type { Context } from "hono";
import type { UploadedFile } from "../app/store-receipts.ts";
import type { WebEnv } from "./env.ts";

export type ParsedForm = { fields: Record<string, string>; files: UploadedFile[] };

/** Fields named `receipts` (or `receipt`, `file`) carry files; file inputs left empty (no file chosen) are ignored. */
export async function readForm(c: Context<WebEnv>): Promise<ParsedForm> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string") {
        if (!["receipts", "receipt", "file"].includes(name)) fields[name] = item;
      } else if (item instanceof File && (item.size > 0 || item.name !== "")) {
        // A file input left empty sends no name and no bytes; a named file of 0 bytes is refused as empty later.
        files.push({ name: item.name, bytes: new Uint8Array(await item.arrayBuffer()) });
      }
    }
  }
  return { fields, files };
}
