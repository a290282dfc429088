// The payment form, for recording a new payment and for editing one: instalment, amount, date, method, reference, notes
// and receipt files (camera on phones, drag and drop on desktops, size checked in the browser before upload).
import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Chit, Payment } from "../../ports/ledger.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput, formatBytes, formatDate, formatMoney } from "../format.ts";
import type { T } from "../i18n/index.ts";
import { Field, FileInput, Form, FormError, Select, Textarea } from "./form.tsx";
import { Breadcrumb, DeleteButton, METHOD_LABELS, ReceiptThumbnails } from "./ledger-parts.tsx";
import { ScreenshotFields, ScreenshotStatus, SharedFileNotice, type SharedPayment } from "./screenshot-form-parts.tsx";

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

function instalmentOption(row: ScheduleRow) {
  const state = row.status === "paid" ? "paid" : `balance ${formatMoney(row.balance)}`;
  return {
    value: String(row.number),
    label: `${row.number} · due ${formatDate(row.dueDate)} · payable ${formatMoney(row.payable)}${row.estimated ? " (est.)" : ""} · ${state}`,
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
  const v = p.values;
  const e = p.errors ?? {};
  const editing = p.payment !== undefined;
  const title = editing ? "Edit payment" : `Record a payment: ${p.chit.name}`;
  const mb = formatBytes(p.maxBytes);
  const note = (field: string) => (p.shared?.readFields.includes(field) ? p.t("screenshot.readFrom") : undefined);
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-lg-8 col-xl-7">
        <Breadcrumb
          links={[
            { href: "/chits", label: "Chits" },
            { href: `/chits/${p.chit.id}`, label: p.chit.name },
          ]}
          current={editing ? "Edit payment" : "Record payment"}
        />
        <h1 class="h3">{title}</h1>
        <FormError message={p.message} />
        {p.shared && <SharedFileNotice t={p.t} shared={p.shared} />}
        {p.filesDropped && (
          <div class="alert alert-warning" role="alert">
            Nothing was saved, and your browser does not keep chosen files after an error: choose the receipt files again.
          </div>
        )}
        <Form
          action={editing ? `/payments/${p.payment!.id}/edit` : `/chits/${p.chit.id}/payments`}
          csrfToken={p.csrfToken}
          enctype="multipart/form-data"
          label={title}
          class="payment-form"
        >
          <ScreenshotFields shared={p.shared} values={v} />
          <div data-amount-defaults={editing ? undefined : "true"}>
            <Select
              name="instalment"
              label="Instalment"
              value={v.instalment}
              error={e.instalment}
              options={p.rows.map(instalmentOption)}
              help="The instalment this payment is for. The oldest one not fully paid is chosen for you."
            />
            <div class="row">
              <div class="col-12 col-md-6">
                <Field
                  name="amount"
                  label="Amount (₹)"
                  value={v.amount}
                  error={e.amount}
                  required
                  inputmode="decimal"
                  note={note("amount")}
                  help={editing ? "What you paid." : "The instalment's balance is filled in; change it for a part payment."}
                />
              </div>
              <div class="col-12 col-md-6">
                <Field name="paidOn" label="Paid on" type="date" value={v.paidOn} error={e.paidOn} required max={p.today} note={note("paidOn")} />
              </div>
            </div>
          </div>
          <div class="row">
            <div class="col-12 col-md-6">
              <Select
                name="method"
                label="Method"
                value={v.method}
                error={e.method}
                options={Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </div>
            <div class="col-12 col-md-6">
              <Field
                name="reference"
                label="Reference (UPI or UTR number)"
                value={v.reference}
                error={e.reference}
                maxlength={100}
                autocomplete="off"
                note={note("reference")}
                help="From the payment app or bank; it helps spot a payment recorded twice."
              />
            </div>
          </div>
          <Textarea name="notes" label="Notes" value={v.notes} error={e.notes} maxlength={1000} rows={2} />
          <fieldset class="mb-3">
            <legend class="h6">{editing ? "Add receipts" : "Receipts"}</legend>
            <FileInput
              name="receipts"
              id="f-receipts"
              label="Photos, screenshots or PDFs of the payment"
              accept={RECEIPT_ACCEPT}
              multiple
              maxBytes={p.maxBytes}
              error={e.receipts}
              help={`JPEG, PNG, WebP, HEIC or PDF, up to ${mb} each, at most 10 files. Photos are shrunk and their location data removed.`}
            />
            {!editing && <ScreenshotStatus t={p.t} />}
            <FileInput
              name="receipts"
              id="f-receipts-camera"
              class="camera-only"
              label="Or take a photo with the camera"
              accept="image/*"
              capture="environment"
              maxBytes={p.maxBytes}
              help="Opens the camera on a phone."
            />
            <div class="dropzone mb-3" data-dropzone-for="f-receipts" hidden>
              <p class="mb-1">Or drag and drop receipt files here.</p>
              <p class="small text-muted mb-0" data-dropzone-list aria-live="polite"></p>
            </div>
          </fieldset>
          <div class="d-flex flex-wrap gap-2">
            <button class="btn btn-primary" type="submit">
              {editing ? "Save payment" : "Record payment"}
            </button>
            <a class="btn btn-outline-secondary" href={editing ? `/payments/${p.payment!.id}` : `/chits/${p.chit.id}`}>
              Cancel
            </a>
          </div>
        </Form>
        {editing && p.payment!.receipts.length > 0 && <ReceiptRemoval csrfToken={p.csrfToken} payment={p.payment!} />}
      </div>
    </div>
  );
}

function ReceiptRemoval(p: { csrfToken: string; payment: Payment }) {
  return (
    <section class="mt-4" aria-labelledby="current-receipts">
      <h2 class="h6" id="current-receipts">
        Receipts on this payment
      </h2>
      <ul class="list-group">
        {p.payment.receipts.map((r, i) => (
          <li class="list-group-item d-flex flex-wrap align-items-center gap-3">
            <ReceiptThumbnails receipts={[r]} label={`Receipt ${i + 1}`} />
            <span class="flex-grow-1 small text-break">
              {r.originalName || `Receipt ${i + 1}`} · {formatBytes(r.size)}
            </span>
            <DeleteButton
              csrfToken={p.csrfToken}
              action={`/payments/${p.payment.id}/receipts/${r.id}/delete`}
              question={`Remove ${r.originalName || `receipt ${i + 1}`} from this payment?`}
              label={`Remove receipt ${i + 1}`}
              small
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
