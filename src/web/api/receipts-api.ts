// /api/v1/receipts: a receipt's file or thumbnail, served only to its owner with headers that stop sniffing; removal.
import type { Context } from "hono";
import { Hono } from "hono";
import { removeReceipt } from "../../app/delete-payment.ts";
import { readReceipt } from "../../app/read-receipt.ts";
import type { Receipt } from "../../ports/ledger.ts";
import type { WebEnv } from "../env.ts";

/** An ASCII-only name without quotes, slashes or control characters, so the header cannot be bent. */
export function safeFilename(receipt: Pick<Receipt, "originalName" | "contentType">, variant: "original" | "thumbnail"): string {
  const stem =
    receipt.originalName
      .replace(/\.[A-Za-z0-9]{1,5}$/, "")
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 80) || "receipt";
  if (variant === "thumbnail") return `${stem}-thumbnail.jpg`;
  return `${stem}.${receipt.contentType === "application/pdf" ? "pdf" : "jpg"}`;
}

async function serveReceipt(c: Context<WebEnv>, variant: "original" | "thumbnail") {
  const { receipt, bytes, contentType } = await readReceipt(c.get("services").ledger, c.get("member").id, c.req.param("id")!, variant);
  // Images show in the browser; anything else (PDF) downloads, so it never runs inside this site's origin.
  const disposition = contentType.startsWith("image/") ? "inline" : "attachment";
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": contentType,
    "content-length": String(bytes.byteLength),
    "content-disposition": `${disposition}; filename="${safeFilename(receipt, variant)}"`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=3600",
  });
}

export const receiptsApi = new Hono<WebEnv>()
  .get("/receipts/:id", (c) => serveReceipt(c, "original"))
  .get("/receipts/:id/thumbnail", (c) => serveReceipt(c, "thumbnail"))
  .delete("/receipts/:id", async (c) => {
    await removeReceipt(c.get("services").ledger, c.get("member").id, c.req.param("id"));
    return c.body(null, 204);
  });
