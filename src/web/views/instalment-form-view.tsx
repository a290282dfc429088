// Recording one instalment's auction: the discount (or the prize, from which it follows), whether the member won it and
// what they received, and the payable printed on the foreman's notice when it differs from ours.

import type { ChitFigures } from "../../app/build-chit-report.ts";
import { isForemanInstalment } from "../../domain/chit.ts";
import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Chit } from "../../ports/ledger.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput, formatDate, formatMoney } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
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
  t: T;
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
  const { t } = p;
  const terms = chit.terms;
  const locale = localeOf(t);
  const foreman = isForemanInstalment(terms, row.number);
  const floor = p.figures.discountFloor;
  const ceiling = `${formatMoney(p.figures.discountCeiling)} (${terms.maxDiscountPercent}%)`;
  const range =
    floor > 0
      ? t("instalmentForm.rangeFrom", { floor: formatMoney(floor), ceiling })
      : t("instalmentForm.rangeUpTo", { ceiling });
  const title = t("instalmentForm.title", { number: row.number, name: chit.name });
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-lg-8 col-xl-7">
        <Breadcrumb
          label={t("chits.breadcrumb")}
          links={[
            { href: "/chits", label: t("instalmentForm.chits") },
            { href: `/chits/${chit.id}`, label: chit.name },
          ]}
          current={t("instalmentForm.instalment", { number: row.number })}
        />
        <h1 class="h3">{t("instalmentForm.heading", { number: row.number })}</h1>
        <p class="text-muted">
          {t(row.estimated ? "instalmentForm.nowEstimated" : "instalmentForm.now", {
            date: formatDate(row.dueDate, locale),
            amount: formatMoney(row.payable),
          })}
          {row.prize !== null ? t("instalmentForm.winnerGets", { amount: formatMoney(row.prize) }) : ""}
        </p>
        <FormError message={p.message} />
        <Form action={`/chits/${chit.id}/instalments/${row.number}`} csrfToken={p.csrfToken} label={title}>
          {foreman ? (
            <p class="alert alert-info" role="note">
              {t("instalmentForm.foremanTakesInstalment1")}
            </p>
          ) : (
            <fieldset class="mb-3">
              <legend class="h6">{t("instalmentForm.auction")}</legend>
              <Field
                name="discount"
                label={t("instalmentForm.winningDiscount")}
                value={v.discount}
                error={e.discount}
                inputmode="decimal"
                help={t("instalmentForm.discountHelp", { range })}
              />
              <Field
                name="prizeAmount"
                label={t("instalmentForm.prizeAmount")}
                value={v.prizeAmount}
                error={e.prizeAmount}
                inputmode="decimal"
                help={t("instalmentForm.prizeHelp", { commission: formatMoney(p.figures.commission) })}
              />
            </fieldset>
          )}
          {!foreman && (
            <fieldset class="mb-3">
              <legend class="h6">{t("instalmentForm.ifWonAuction")}</legend>
              <Checkbox
                name="wonByMe"
                label={t("instalmentForm.iWonInstalment")}
                checked={v.wonByMe === "true"}
                error={e.wonByMe}
                help={t("instalmentForm.ticketWinsOnceChit")}
              />
              <div class="row">
                <div class="col-12 col-md-6">
                  <Field
                    name="prizeReceived"
                    label={t("instalmentForm.prizeReceived")}
                    value={v.prizeReceived}
                    error={e.prizeReceived}
                    inputmode="decimal"
                    help={t("instalmentForm.netAmountReachedAfter")}
                  />
                </div>
                <div class="col-12 col-md-6">
                  <Field
                    name="prizeReceivedOn"
                    label={t("instalmentForm.received")}
                    type="date"
                    value={v.prizeReceivedOn}
                    error={e.prizeReceivedOn}
                  />
                </div>
              </div>
            </fieldset>
          )}
          <Field
            name="payableOverride"
            label={t("instalmentForm.payableForemanSNotice")}
            value={v.payableOverride}
            error={e.payableOverride}
            inputmode="decimal"
            help={t("instalmentForm.onlyIfNoticeAsks")}
          />
          {e.number && <p class="text-danger">{e.number}</p>}
          <div class="d-flex flex-wrap gap-2">
            <button class="btn btn-primary" type="submit">
              {t("instalmentForm.save", { number: row.number })}
            </button>
            <a class="btn btn-outline-secondary" href={`/chits/${chit.id}`}>
              {t("instalmentForm.cancel")}
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
