// How a file leaves the app: one rule for its name (RFC 6266: an ASCII `filename` for old clients and `filename*` in
// UTF-8, so a receipt named in Devanagari or Tamil keeps its name), nosniff always, and one cache policy per kind.
import { create as contentDisposition } from "content-disposition";
import type { Context } from "hono";
import type { Receipt } from "../ports/ledger.ts";
import type { WebEnv } from "./env.ts";

/**
 * A receipt is its owner's alone and never changes under its id: the browser may keep it a little while, no proxy may.
 */
const RECEIPT_CACHE = "private, max-age=300";
/** Exports and reports are made anew on each request from data that changes: never kept. */
const DOWNLOAD_CACHE = "private, no-store";

/**
 * A name as a download's name: letters and digits of every script, marks (Indic vowel signs), dots, dashes and
 * underscores; anything else (spaces, slashes, quotes, control characters) becomes one dash. At most 80 characters.
 */
export function safeName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return Array.from(cleaned)
    .slice(0, 80)
    .join("")
    .replace(/[-.]+$/, "");
}

/** The same name in plain ASCII, for clients that do not read `filename*` (accents dropped, other scripts gone). */
function asciiName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

/**
 * The Content-Disposition of a file called `stem` + `extension`: the name in UTF-8 (filename*) when it is not plain
 * ASCII, with an ASCII fallback (`fallbackStem` when nothing of the name is ASCII).
 */
export function dispositionHeader(
  type: "inline" | "attachment",
  stem: string,
  extension: string,
  fallbackStem = "download",
): string {
  const name = `${safeName(stem) || fallbackStem}.${extension}`;
  const ascii = `${asciiName(safeName(stem)) || fallbackStem}.${extension}`;
  return contentDisposition(name, { type, fallback: ascii });
}

/** A receipt's download name: what the member uploaded, without its extension, with the extension of what we stored. */
export function receiptDisposition(
  receipt: Pick<Receipt, "originalName" | "contentType">,
  variant: "original" | "thumbnail",
  type: "inline" | "attachment",
): string {
  const stem = receipt.originalName.replace(/\.[\p{L}\p{N}]{1,5}$/u, "");
  if (variant === "thumbnail")
    return dispositionHeader(type, `${safeName(stem) || "receipt"}-thumbnail`, "jpg", "receipt-thumbnail");
  return dispositionHeader(type, stem, receipt.contentType === "application/pdf" ? "pdf" : "jpg", "receipt");
}

/**
 * A receipt's bytes as every route sends them (pages and API alike). Images show in the browser unless a download is
 * asked for; anything else (a PDF, which could carry script) is always a download, so it never runs in this origin.
 */
export function receiptResponse(
  c: Context<WebEnv>,
  file: { receipt: Pick<Receipt, "originalName" | "contentType">; bytes: Uint8Array; contentType: string },
  variant: "original" | "thumbnail",
  options: { download?: boolean } = {},
): Response {
  const inline = file.contentType.startsWith("image/") && !options.download;
  return c.body(new Uint8Array(file.bytes), 200, {
    "content-type": file.contentType,
    "content-length": String(file.bytes.byteLength),
    "content-disposition": receiptDisposition(file.receipt, variant, inline ? "inline" : "attachment"),
    "x-content-type-options": "nosniff",
    "cache-control": RECEIPT_CACHE,
  });
}

/**
 * Headers for a file the browser should save (CSV exports, PDF statements): `filename` is ours, e.g. "payments.csv".
 */
export function downloadHeaders(filename: string, contentType: string): Record<string, string> {
  const dot = filename.lastIndexOf(".");
  return {
    "content-type": contentType,
    "content-disposition": dispositionHeader("attachment", filename.slice(0, dot), filename.slice(dot + 1)),
    "cache-control": DOWNLOAD_CACHE,
    "x-content-type-options": "nosniff",
  };
}
