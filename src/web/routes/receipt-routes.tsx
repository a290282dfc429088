// Receipts for pages: a page showing one, the file and its thumbnail; to their owner only, never sniffed, safely disposed.
import type { Context } from "hono";
import { Hono } from "hono";
import { notFound } from "../../app/errors.ts";
import { readReceipt } from "../../app/read-receipt.ts";
import type { Receipt } from "../../ports/ledger.ts";
import type { WebEnv } from "../env.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { ReceiptView } from "../views/payment-views.tsx";

/** A download name from what the member uploaded, reduced to safe characters, with the extension of what we stored. */
export function receiptFileName(receipt: Receipt, variant: "original" | "thumbnail"): string {
  const base =
    receipt.originalName
      .replace(/\.[^.]*$/, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 80) || "receipt";
  if (variant === "thumbnail") return `${base}-thumbnail.jpg`;
  return `${base}.${receipt.contentType === "application/pdf" ? "pdf" : "jpg"}`;
}

async function sendReceipt(c: Context<WebEnv>, variant: "original" | "thumbnail") {
  const file = await readReceipt(c.get("services").ledger, c.get("member").id, c.req.param("id") ?? "", variant);
  // Images open in the page; a PDF (which could carry script) is always a download, as is anything asked for with ?download=1.
  const inline = file.contentType.startsWith("image/") && c.req.query("download") !== "1";
  c.header("content-type", file.contentType);
  c.header("content-length", String(file.bytes.byteLength));
  c.header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${receiptFileName(file.receipt, variant)}"`);
  c.header("x-content-type-options", "nosniff");
  c.header("cache-control", "private, max-age=300");
  return c.body(new Uint8Array(file.bytes));
}

export const receiptRoutes = new Hono<WebEnv>()
  .use("/receipts/*", requireMember)
  .get("/receipts/:id", (c) => sendReceipt(c, "original"))
  .get("/receipts/:id/view", async (c) => {
    const member = c.get("member");
    const receipt = await c.get("services").ledger.payments.getReceipt(member.id, c.req.param("id"));
    if (!receipt) throw notFound("receipt");
    const t = c.get("t");
    return renderPage(c, t("payment.receipt"), <ReceiptView t={t} receipt={receipt} timeZone={member.timeZone} />, { active: "payments" });
  })
  .get("/receipts/:id/thumbnail", (c) => sendReceipt(c, "thumbnail"));
