// The payment form, for recording a new payment and for editing one: instalment, amount, date, method, reference, notes
// and receipt files (camera on phones, drag and drop on desktops, size checked in the browser before upload).
import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Chit, Payment, PaymentMethod } from "../../ports/ledger.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput, formatBytes, formatDate, formatMoney } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { Field, FileInput, Form, FormError, Select, Textarea } from "./form.tsx";
import { Breadcrumb, DeleteButton, METHOD_LABELS, methodLabel, ReceiptThumbnails } from "./ledger-parts.tsx";
import {
  ScreenshotReadFields,
  ScreenshotStatus,
  SharedFileNotice,
  type SharedPayment,
} from "./screenshot-form-parts.tsx";

export const RECEIPT_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf,.heic,.heif";

/** The default for a new payment: the instalment asked for, else the oldest not fully paid; its balance; today. */
export function newPaymentValues(rows: ScheduleRow[], today: string, asked?: number): FormValues {
  const row = rows.find((r) => r.number === asked) ?? rows.find((r) => r.status !== "paid") ?? rows[rows.length - 1];
  return {
    instalment: row ? String(row.number) : "",
    amount: row ? amountForInput(row.balance > 0 ? row.balance : row.payable) : "",
    paidOn: today,
    method: "upi",
    reference: "",
    notes: "",
  };
}

export function paymentValues(payment: Payment): FormValues {
  return {
    instalment: String(payment.instalment),
    amount: amountForInput(payment.amount),
    paidOn: payment.paidOn,
    method: payment.method,
    reference: payment.reference,
    notes: payment.notes,
  };
}

function instalmentOption(t: T, row: ScheduleRow) {
  const state =
    row.status === "paid"
      ? t("paymentForm.optionPaid")
      : t("paymentForm.optionBalance", { amount: formatMoney(row.balance) });
  const words = {
    number: row.number,
    date: formatDate(row.dueDate, localeOf(t)),
    amount: formatMoney(row.payable),
    state,
  };
  return {
    value: String(row.number),
    label: t(row.estimated ? "paymentForm.optionEstimated" : "paymentForm.option", words),
    data: { amount: amountForInput(row.balance > 0 ? row.balance : row.payable) },
  };
}

export type PaymentFormProps = {
  t: T;
  csrfToken: string;
  chit: Chit;
  rows: ScheduleRow[];
  today: string;
  maxBytes: number;
  /** Present when editing. */
  payment?: Payment;
  values: FormValues;
  errors?: FormErrors;
  message?: string | null;
  /** Files were sent with a form that came back with errors: the browser cannot keep them, so say so. */
  filesDropped?: boolean;
  /** A file shared into the app, kept as this payment's receipt, with the fields read from it. */
  shared?: SharedPayment;
};

export function PaymentFormView(p: PaymentFormProps) {
  const { t } = p;
  const v = p.values;
  const e = p.errors ?? {};
  const editing = p.payment !== undefined;
  const title = editing ? t("paymentForm.editTitle") : t("paymentForm.recordTitle", { name: p.chit.name });
  const mb = formatBytes(p.maxBytes);
  const note = (field: string) => (p.shared?.readFields.includes(field) ? p.t("screenshot.readFrom") : undefined);
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-lg-8 col-xl-7">
        <Breadcrumb
          label={t("chits.breadcrumb")}
          links={[
            { href: "/chits", label: t("paymentForm.chits") },
            { href: `/chits/${p.chit.id}`, label: p.chit.name },
          ]}
          current={editing ? t("paymentForm.editTitle") : t("paymentForm.recordPayment")}
        />
        <h1 class="h3">{title}</h1>
        <FormError message={p.message} />
        {p.shared && <SharedFileNotice t={p.t} shared={p.shared} />}
        {p.filesDropped && (
          <div class="alert alert-warning" role="alert">
            {t("paymentForm.nothingWasSavedBrowser")}
          </div>
        )}
        <Form
          action={editing ? `/payments/${p.payment!.id}/edit` : `/chits/${p.chit.id}/payments`}
          csrfToken={p.csrfToken}
          enctype="multipart/form-data"
          label={title}
          class="payment-form"
        >
          <ScreenshotReadFields shared={p.shared} values={v} />
          {/* One id per form shown: the same form sent twice records the payment once (record-payment-once.ts). */}
          {!editing && p.values.submission && <input type="hidden" name="submission" value={p.values.submission} />}
          <div data-amount-defaults={editing ? undefined : "true"}>
            <Select
              name="instalment"
              label={t("paymentForm.instalment")}
              value={v.instalment}
              error={e.instalment}
              options={p.rows.map((row) => instalmentOption(t, row))}
              help={t("paymentForm.instalmentPaymentOldestOne")}
            />
            <div class="row">
              <div class="col-12 col-md-6">
                <Field
                  name="amount"
                  label={t("paymentForm.amount")}
                  value={v.amount}
                  error={e.amount}
                  required
                  inputmode="decimal"
                  note={note("amount")}
                  help={editing ? t("paymentForm.amountHelpEdit") : t("paymentForm.amountHelp")}
                />
              </div>
              <div class="col-12 col-md-6">
                <Field
                  name="paidOn"
                  label={t("paymentForm.paid")}
                  type="date"
                  value={v.paidOn}
                  error={e.paidOn}
                  required
                  max={p.today}
                  note={note("paidOn")}
                />
              </div>
            </div>
          </div>
          <div class="row">
            <div class="col-12 col-md-6">
              <Select
                name="method"
                label={t("paymentForm.method")}
                value={v.method}
                error={e.method}
                options={(Object.keys(METHOD_LABELS) as PaymentMethod[]).map((value) => ({
                  value,
                  label: methodLabel(t, value),
                }))}
              />
            </div>
            <div class="col-12 col-md-6">
              <Field
                name="reference"
                label={t("paymentForm.referenceUpiUtrNumber")}
                value={v.reference}
                error={e.reference}
                maxlength={100}
                autocomplete="off"
                note={note("reference")}
                help={t("paymentForm.fromPaymentAppBank")}
              />
            </div>
          </div>
          <Textarea
            name="notes"
            label={t("paymentForm.notes")}
            value={v.notes}
            error={e.notes}
            maxlength={1000}
            rows={2}
          />
          <fieldset class="mb-3">
            <legend class="h6">{editing ? t("paymentForm.addReceipts") : t("paymentForm.receipts")}</legend>
            <FileInput
              name="receipts"
              id="f-receipts"
              label={t("paymentForm.photosScreenshotsPdfsPayment")}
              accept={RECEIPT_ACCEPT}
              multiple
              maxBytes={p.maxBytes}
              error={e.receipts}
              help={t("paymentForm.receiptsHelp", { size: mb })}
            />
            {!editing && <ScreenshotStatus t={p.t} />}
            <FileInput
              name="receipts"
              id="f-receipts-camera"
              class="camera-only"
              label={t("paymentForm.takePhotoCamera")}
              accept="image/*"
              capture="environment"
              maxBytes={p.maxBytes}
              help={t("paymentForm.opensCameraPhone")}
            />
            <div class="dropzone mb-3" data-dropzone-for="f-receipts" hidden>
              <p class="mb-1">{t("paymentForm.dragDropReceiptFiles")}</p>
              <p class="small text-muted mb-0" data-dropzone-list aria-live="polite"></p>
            </div>
          </fieldset>
          <div class="d-flex flex-wrap gap-2">
            <button class="btn btn-primary" type="submit">
              {editing ? t("paymentForm.savePayment") : t("paymentForm.recordPayment")}
            </button>
            <a class="btn btn-outline-secondary" href={editing ? `/payments/${p.payment!.id}` : `/chits/${p.chit.id}`}>
              {t("paymentForm.cancel")}
            </a>
          </div>
        </Form>
        {editing && p.payment!.receipts.length > 0 && (
          <ReceiptRemoval t={t} csrfToken={p.csrfToken} payment={p.payment!} />
        )}
      </div>
    </div>
  );
}

function ReceiptRemoval(p: { t: T; csrfToken: string; payment: Payment }) {
  const { t } = p;
  return (
    <section class="mt-4" aria-labelledby="current-receipts">
      <h2 class="h6" id="current-receipts">
        {t("paymentForm.receiptsPayment")}
      </h2>
      <ul class="list-group">
        {p.payment.receipts.map((r, i) => (
          <li class="list-group-item d-flex flex-wrap align-items-center gap-3">
            <ReceiptThumbnails t={t} receipts={[r]} label={t("ledger.receipt", { number: i + 1 })} />
            <span class="flex-grow-1 small text-break">
              {r.originalName || t("ledger.receipt", { number: i + 1 })} · {formatBytes(r.size)}
            </span>
            <DeleteButton
              csrfToken={p.csrfToken}
              action={`/payments/${p.payment.id}/receipts/${r.id}/delete`}
              question={t("paymentForm.removeQuestion", {
                name: r.originalName || t("ledger.receipt", { number: i + 1 }),
              })}
              label={t("paymentForm.removeReceipt", { number: i + 1 })}
              small
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
