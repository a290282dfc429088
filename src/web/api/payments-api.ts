// /api/v1 payments: record against a chit's instalment (multipart with receipts, or JSON), history, edit and delete.
import { Hono } from "hono";
import { deletePayment } from "../../app/delete-payment.ts";
import { findChit } from "../../app/find-chit.ts";
import { findPayment } from "../../app/find-payment.ts";
import { findPayments } from "../../app/find-payments.ts";
import { recordPayment } from "../../app/record-payment.ts";
import { updatePayment } from "../../app/update-payment.ts";
import type { WebEnv } from "../env.ts";
import { paymentJson, paymentResultJson } from "./json.ts";
import { readFieldsAndFiles } from "./request-body.ts";

export const paymentsApi = new Hono<WebEnv>()
  .get("/chits/:id/payments", async (c) => {
    const deps = c.get("services").ledger;
    const ownerId = c.get("member").id;
    const chit = await findChit(deps.chits, ownerId, c.req.param("id"));
    const payments = await deps.payments.listForChit(ownerId, chit.id);
    return c.json({ chitId: chit.id, payments: payments.map(paymentJson) });
  })
  .post("/chits/:id/payments", async (c) => {
    const { fields, files } = await readFieldsAndFiles(c);
    const result = await recordPayment(c.get("services").ledger, c.get("member"), c.req.param("id"), fields, files);
    return c.json(paymentResultJson(result), 201, { location: `/api/v1/payments/${result.payment.id}` });
  })
  .get("/payments", async (c) => {
    const found = await findPayments(c.get("services").ledger, c.get("member"), c.req.query());
    return c.json({
      payments: found.payments.map(paymentJson),
      total: found.total,
      page: found.page,
      perPage: found.query.perPage,
      pages: found.pages,
    });
  })
  .get("/payments/:id", async (c) => c.json(paymentJson(await findPayment(c.get("services").ledger.payments, c.get("member").id, c.req.param("id")))))
  .patch("/payments/:id", async (c) => {
    const { fields, files } = await readFieldsAndFiles(c);
    return c.json(paymentResultJson(await updatePayment(c.get("services").ledger, c.get("member"), c.req.param("id"), fields, files)));
  })
  .delete("/payments/:id", async (c) => {
    await deletePayment(c.get("services").ledger, c.get("member").id, c.req.param("id"));
    return c.body(null, 204);
  });
