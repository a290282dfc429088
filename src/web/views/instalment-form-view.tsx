// Recording one instalment's auction: the discount (or the prize, from which it follows), whether the member won it and
// what they received, and the payable printed on the foreman's notice when it differs from ours.

import type { ChitFigures } from "../../app/build-chit-report.ts";
import { isForemanInstalment } from "../../domain/chit.ts";
import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Chit } from "../../ports/ledger.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput, formatDate, formatMoney } from "../format.ts";
import { Checkbox, Field, Form, FormError } from "./form.tsx";
import { Breadcrumb } from "./ledger-parts.tsx";

export function instalmentValues(chit: Chit, number: number): FormValues {
  const r = chit.instalments.find((x) => x.number === number);
  return {
    discount: amountForInput(r?.discount),
    prizeAmount: "",
    wonByMe: String(r?.wonByMe === true),
    prizeReceived: amountForInput(r?.prizeReceived),
    prizeReceivedOn: r?.prizeReceivedOn ?? "",
    payableOverride: amountForInput(r?.payableOverride),
  };
}

export function InstalmentFormView(p: {
  csrfToken: string;
  chit: Chit;
  figures: ChitFigures;
  row: ScheduleRow;
  values: FormValues;
  errors?: FormErrors;
  message?: string | null;
}) {
  const { chit, row } = p;
  const v = p.values;
  const e = p.errors ?? {};
  const t = chit.terms;
  const foreman = isForemanInstalment(t, row.number);
  const floor = p.figures.discountFloor;
  const ceiling = `${formatMoney(p.figures.discountCeiling)} (${t.maxDiscountPercent}%)`;
  const range = floor > 0 ? `from ${formatMoney(floor)} (the commission) to ${ceiling}` : `up to ${ceiling}`;
  const title = `Instalment ${row.number} of ${chit.name}`;
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-lg-8 col-xl-7">
        <Breadcrumb
          links={[
            { href: "/chits", label: "Chits" },
            { href: `/chits/${chit.id}`, label: chit.name },
          ]}
          current={`Instalment ${row.number}`}
        />
        <h1 class="h3">Record auction: instalment {row.number}</h1>
        <p class="text-muted">
          Due {formatDate(row.dueDate)}. Now: payable {formatMoney(row.payable)}
          {row.estimated ? " (estimated)" : ""}
          {row.prize !== null ? `, winner gets ${formatMoney(row.prize)}` : ""}.
        </p>
        <FormError message={p.message} />
        <Form action={`/chits/${chit.id}/instalments/${row.number}`} csrfToken={p.csrfToken} label={title}>
          {foreman ? (
            <p class="alert alert-info" role="note">
              The foreman takes instalment 1 of this chit without a discount, so there is no auction to record. You can still enter the payable from the
              foreman's notice.
            </p>
          ) : (
            <fieldset class="mb-3">
              <legend class="h6">The auction</legend>
              <Field
                name="discount"
                label="Winning discount (₹)"
                value={v.discount}
                error={e.discount}
                inputmode="decimal"
                help={`The amount the winner gave up, as on the notice: ${range}. Leave empty if not held yet.`}
              />
              <Field
                name="prizeAmount"
                label="Or the prize amount (₹)"
                value={v.prizeAmount}
                error={e.prizeAmount}
                inputmode="decimal"
                help={`If the notice shows what the winner got instead, enter it here and the discount is worked out (commission ${formatMoney(p.figures.commission)}).`}
              />
            </fieldset>
          )}
          {!foreman && (
            <fieldset class="mb-3">
              <legend class="h6">If you won this auction</legend>
              <Checkbox
                name="wonByMe"
                label="I won this instalment"
                checked={v.wonByMe === "true"}
                error={e.wonByMe}
                help="A ticket wins once; the chit then shows as prized."
              />
              <div class="row">
                <div class="col-12 col-md-6">
                  <Field
                    name="prizeReceived"
                    label="Prize received (₹)"
                    value={v.prizeReceived}
                    error={e.prizeReceived}
                    inputmode="decimal"
                    help="The net amount that reached you, after any deductions."
                  />
                </div>
                <div class="col-12 col-md-6">
                  <Field name="prizeReceivedOn" label="Received on" type="date" value={v.prizeReceivedOn} error={e.prizeReceivedOn} />
                </div>
              </div>
            </fieldset>
          )}
          <Field
            name="payableOverride"
            label="Payable on the foreman's notice (₹)"
            value={v.payableOverride}
            error={e.payableOverride}
            inputmode="decimal"
            help="Only if the notice asks for a different amount than ours for this instalment; the notice's figure then counts. Leave empty to use ours."
          />
          {e.number && <p class="text-danger">{e.number}</p>}
          <div class="d-flex flex-wrap gap-2">
            <button class="btn btn-primary" type="submit">
              Save instalment {row.number}
            </button>
            <a class="btn btn-outline-secondary" href={`/chits/${chit.id}`}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
