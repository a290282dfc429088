// /api/v1/receipts: a receipt's file or thumbnail, served only to its owner with headers that stop sniffing; removal.
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { removeReceipt } from "../../app/delete-payment.ts";
import { readReceipt } from "../../app/read-receipt.ts";
import type { WebEnv } from "../env.ts";
import { receiptResponse } from "../file-response.ts";
import { idParam } from "./json/common.ts";
import { describeRoute, guarded } from "./openapi/describe-route.ts";

async function serveReceipt(c: Context<WebEnv>, variant: "original" | "thumbnail") {
  const file = await readReceipt(c.get("services").ledger, c.get("member").id, c.req.param("id")!, variant);
  return receiptResponse(c, file, variant);
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
            "The file, with X-Content-Type-Options: nosniff, Cache-Control: private, and " +
            "Content-Disposition inline for images or attachment for PDF (the uploaded name in " +
            "filename*, UTF-8, with an ASCII filename beside it).",
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
      responses: {
        200: { description: "A JPEG, inline.", content: { "image/jpeg": file("image/jpeg") } },
        404: "NotFound",
        ...guarded,
      },
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
