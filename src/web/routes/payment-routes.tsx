// Pages for payments: record one against a chit (with receipt files), the history across chits, a payment's page, edit
// (add or remove receipts) and delete; receipts themselves are served by receipt-routes.tsx.
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { buildChitReport } from "../../app/build-chit-report.ts";
import { deletePayment, removeReceipt } from "../../app/delete-payment.ts";
import { AppError, notFound } from "../../app/errors.ts";
import { findChit } from "../../app/find-chit.ts";
import { findPayment } from "../../app/find-payment.ts";
import { findPayments, HISTORY_FILTERS, historyChits } from "../../app/find-payments.ts";
import { flagDuplicates } from "../../app/flag-duplicates.ts";
import { dropSharedFile, sharedFileBytes } from "../../app/keep-shared-file.ts";
import { paymentPatch } from "../../app/ledger-input.ts";
import { recordPayment } from "../../app/record-payment.ts";
import { recordPaymentOnce } from "../../app/record-payment-once.ts";
import { updatePayment } from "../../app/update-payment.ts";
import type { Payment } from "../../ports/ledger.ts";
import type { WebEnv } from "../env.ts";
import { errorIn } from "../error-words.ts";
import { type FormValues, fieldsOf, formFields, pickFields } from "../form-values.ts";
import { ledgerCached } from "../middleware/ledger-cache.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { forgetShared, sharedId } from "../shared-cookie.ts";
import { readForm } from "../uploads.ts";
import { newPaymentValues, PaymentFormView, paymentValues } from "../views/payment-form-view.tsx";
import { PaymentHistoryView } from "../views/payment-history-view.tsx";
import { DeletePaymentView, PaymentView } from "../views/payment-views.tsx";
import type { SharedPayment } from "../views/screenshot-form-parts.tsx";
import { receiptRoutes } from "./receipt-routes.tsx";
import { renderSharedPaymentForm, screenshotCheck, screenshotWarnings } from "./share-routes.tsx";

type Ctx = Context<WebEnv>;

const ledger = (c: Ctx) => c.get("services").ledger;

type FormState = { values?: FormValues; error?: AppError; filesDropped?: boolean; shared?: SharedPayment };

/** The payment form for a new payment (no `payment`) or an edit, with what was typed and what went wrong. */
export async function renderPaymentForm(c: Ctx, chitId: string, payment: Payment | null, state: FormState = {}) {
  const member = c.get("member");
  const report = await buildChitReport(ledger(c), member, chitId);
  const asked = Number(c.req.query("instalment"));
  const values =
    state.values ??
    (payment ? paymentValues(payment) : newPaymentValues(report.schedule.instalments, report.today, asked));
  // A new payment's form carries its own id, kept when it comes back with errors, so a second submission is recognised.
  const shown = payment ? values : { ...values, submission: values.submission || randomUUID() };
  const t = c.get("t");
  const closed = !payment && report.chit.status === "closed" ? t("paymentForm.chitClosed") : null;
  const view = (
    <PaymentFormView
      t={t}
      csrfToken={c.get("csrfToken")}
      chit={report.chit}
      rows={report.schedule.instalments}
      today={report.today}
      maxBytes={ledger(c).receiptMaxBytes}
      payment={payment ?? undefined}
      values={shown}
      errors={state.error ? errorIn(t, state.error).fields : undefined}
      message={state.error ? errorIn(t, state.error).message : closed}
      filesDropped={state.filesDropped}
      shared={state.shared}
    />
  );
  return renderPage(
    c,
    payment ? t("paymentForm.editTitle") : t("paymentForm.recordTitle", { name: report.chit.name }),
    view,
    {
      active: "payments",
      status: state.error?.status ?? 200,
    },
  );
}

async function ownPayment(c: Ctx) {
  return findPayment(ledger(c).payments, c.get("member").id, c.req.param("id") ?? "");
}

export const paymentRoutes = new Hono<WebEnv>()
  .use("/chits/*", requireMember)
  .use("/payments", requireMember)
  .use("/payments/*", requireMember)
  .get("/chits/:id/payments/new", (c) => renderPaymentForm(c, c.req.param("id"), null))
  .post("/chits/:id/payments", async (c) => {
    const member = c.get("member");
    const chit = await findChit(ledger(c).chits, member.id, c.req.param("id"));
    const { fields, files } = await readForm(c);
    const values = pickFields(fields, fieldsOf(paymentPatch));
    const submission = /^[0-9a-f-]{36}$/.test(fields.submission ?? "") ? fields.submission! : null;
    // a file shared into the app, kept for this browser: it becomes this payment's receipt
    const shared = fields.shared && fields.shared === sharedId(c) ? fields.shared : undefined;
    const sharedFile = shared ? await sharedFileBytes(c.get("services").ledger, shared) : null;
    const all = sharedFile ? [sharedFile, ...files] : files;
    try {
      const { payment, replayed } = submission
        ? await recordPaymentOnce(ledger(c), member, chit.id, values, all, `form:${submission}`, {
            waitForFirst: true,
            matchBody: false,
          })
        : { ...(await recordPayment(ledger(c), member, chit.id, values, all)), replayed: false };
      if (shared) {
        await dropSharedFile(ledger(c), shared);
        forgetShared(c);
      }
      const notice = replayed ? "payment-already-saved" : "payment-saved";
      return c.redirect(`/payments/${payment.id}?notice=${notice}${screenshotCheck(fields, payment)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const again = {
        ...values,
        ...pickFields(fields, ["screenshotAmount", "screenshotReference"]),
        ...(submission ? { submission } : {}),
      };
      const state = { values: again, error, filesDropped: files.length > 0 };
      if (sharedFile) return renderSharedPaymentForm(c, chit.id, state);
      return renderPaymentForm(c, chit.id, null, state);
    }
  })
  .get("/payments", ledgerCached, async (c) => {
    const member = c.get("member");
    const values: FormValues = Object.fromEntries(HISTORY_FILTERS.map((k) => [k, c.req.query(k) ?? ""]));
    const t = c.get("t");
    try {
      const found = await findPayments(ledger(c), member, { ...values, page: c.req.query("page") ?? "" });
      const view = <PaymentHistoryView t={t} chits={found.chits} values={values} result={found} />;
      return renderPage(c, t("payments.title"), view, { active: "payments" });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { fields, message } = errorIn(t, error);
      const chits = await historyChits(ledger(c), member);
      const view = (
        <PaymentHistoryView t={t} chits={chits} values={values} errors={fields} message={message} result={null} />
      );
      return renderPage(c, t("payments.title"), view, { active: "payments", status: error.status });
    }
  })
  .get("/payments/:id", async (c) => {
    const member = c.get("member");
    const payment = await ownPayment(c);
    const report = await buildChitReport(ledger(c), member, payment.chitId);
    const row = report.schedule.instalments[payment.instalment - 1] ?? null;
    const warnings = (await flagDuplicates(ledger(c), payment, payment.receipts)).list;
    const t = c.get("t");
    const view = (
      <PaymentView
        t={t}
        csrfToken={c.get("csrfToken")}
        payment={payment}
        chit={report.chit}
        row={row}
        warnings={warnings}
        timeZone={member.timeZone}
        screenshotWarnings={screenshotWarnings(t, c.req.query(), payment)}
      />
    );
    return renderPage(c, t("payment.title"), view, { active: "payments" });
  })
  .get("/payments/:id/edit", async (c) => {
    const payment = await ownPayment(c);
    return renderPaymentForm(c, payment.chitId, payment);
  })
  .post("/payments/:id/edit", async (c) => {
    const payment = await ownPayment(c);
    const { fields, files } = await readForm(c);
    const values = pickFields(fields, fieldsOf(paymentPatch));
    try {
      await updatePayment(ledger(c), c.get("member"), payment.id, values, files);
      return c.redirect(`/payments/${payment.id}?notice=payment-updated`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return renderPaymentForm(c, payment.chitId, payment, { values, error, filesDropped: files.length > 0 });
    }
  })
  .get("/payments/:id/delete", async (c) => {
    const payment = await ownPayment(c);
    const chit = await findChit(ledger(c).chits, c.get("member").id, payment.chitId);
    const t = c.get("t");
    return renderPage(
      c,
      t("payment.deleteTitle"),
      <DeletePaymentView t={t} csrfToken={c.get("csrfToken")} payment={payment} chit={chit} />,
      {
        active: "payments",
      },
    );
  })
  .post("/payments/:id/delete", async (c) => {
    const payment = await ownPayment(c);
    const { confirm } = await formFields(c, ["confirm"]);
    // Without JavaScript nobody has been asked yet: ask on a page first.
    if (confirm !== "yes") return c.redirect(`/payments/${payment.id}/delete`, 303);
    await deletePayment(ledger(c), c.get("member").id, payment.id);
    return c.redirect(`/chits/${payment.chitId}?notice=payment-deleted`, 303);
  })
  .post("/payments/:id/receipts/:receiptId/delete", async (c) => {
    const payment = await ownPayment(c);
    const receiptId = c.req.param("receiptId");
    if (!payment.receipts.some((r) => r.id === receiptId)) throw notFound("receipt");
    await removeReceipt(ledger(c), c.get("member").id, receiptId);
    return c.redirect(`/payments/${payment.id}/edit?notice=receipt-removed`, 303);
  })
  .route("/", receiptRoutes);
