// /api/v1/receipts: a receipt's file or thumbnail, served only to its owner with headers that stop sniffing; removal.
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { removeReceipt } from "../../app/delete-payment.ts";
import { readReceipt } from "../../app/read-receipt.ts";
import type { Receipt } from "../../ports/ledger.ts";
import type { WebEnv } from "../env.ts";
import { idParam } from "./json/common.ts";
import { describeRoute, guarded } from "./openapi/describe-route.ts";

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

const file = (type: string) => z.string().meta({ contentMediaType: type });
const tags = ["receipts"];

export const receiptsApi = new Hono<WebEnv>()
  .get(
    "/receipts/:id",
    describeRoute({
      operationId: "getReceipt",
      summary: "The receipt file, to its owner only.",
      tags,
      params: idParam("receipt"),
      responses: {
        200: {
          description:
            "The file, with X-Content-Type-Options: nosniff, Cache-Control: private, and Content-Disposition inline for images or attachment for PDF.",
          content: { "image/jpeg": file("image/jpeg"), "application/pdf": file("application/pdf") },
        },
        404: "NotFound",
        ...guarded,
      },
    }),
    (c) => serveReceipt(c, "original"),
  )
  .get(
    "/receipts/:id/thumbnail",
    describeRoute({
      operationId: "getReceiptThumbnail",
      summary: "A small JPEG of the receipt (a PDF icon for PDFs).",
      tags,
      params: idParam("receipt"),
      responses: { 200: { description: "A JPEG, inline.", content: { "image/jpeg": file("image/jpeg") } }, 404: "NotFound", ...guarded },
    }),
    (c) => serveReceipt(c, "thumbnail"),
  )
  .delete(
    "/receipts/:id",
    describeRoute({
      operationId: "deleteReceipt",
      summary: "Remove one receipt from its payment.",
      tags,
      params: idParam("receipt"),
      responses: { 204: { description: "Done; no body." }, 404: "NotFound", ...guarded },
    }),
    async (c) => {
      await removeReceipt(c.get("services").ledger, c.get("member").id, c.req.param("id"));
      return c.body(null, 204);
    },
  );
