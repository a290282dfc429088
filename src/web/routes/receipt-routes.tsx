// Receipts for pages: a page showing one, the file and its thumbnail; to their owner only, never sniffed, safely
// disposed.
import type { Context } from "hono";
import { Hono } from "hono";
import { notFound } from "../../app/errors.ts";
import { readReceipt } from "../../app/read-receipt.ts";
import type { WebEnv } from "../env.ts";
import { receiptResponse } from "../file-response.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { ReceiptView } from "../views/payment-views.tsx";

async function sendReceipt(c: Context<WebEnv>, variant: "original" | "thumbnail") {
  const file = await readReceipt(c.get("services").ledger, c.get("member").id, c.req.param("id") ?? "", variant);
  return receiptResponse(c, file, variant, { download: c.req.query("download") === "1" });
}

export const receiptRoutes = new Hono<WebEnv>()
  .use("/receipts/*", requireMember)
  .get("/receipts/:id", (c) => sendReceipt(c, "original"))
  .get("/receipts/:id/view", async (c) => {
    const member = c.get("member");
    const receipt = await c.get("services").ledger.payments.getReceipt(member.id, c.req.param("id"));
    if (!receipt) throw notFound("receipt");
    const t = c.get("t");
    return renderPage(c, t("payment.receipt"), <ReceiptView t={t} receipt={receipt} timeZone={member.timeZone} />, {
      active: "payments",
    });
  })
  .get("/receipts/:id/thumbnail", (c) => sendReceipt(c, "thumbnail"));
