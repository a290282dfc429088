// The one form for adding and editing a chit: its numbers first, the per-chit variants under "Advanced", each
// explained.

import { defaultTerms } from "../../domain/chit.ts";
import type { Chit } from "../../ports/ledger.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput } from "../format.ts";
import type { T } from "../i18n/index.ts";
import { ADVANCED_FIELDS, AdvancedSettings, advancedValues } from "./chit-advanced-settings.tsx";
import { Field, Form, FormError, Select, Textarea } from "./form.tsx";
import { Breadcrumb } from "./ledger-parts.tsx";

/** What a new chit's form starts with: the settings most chits have. */
export function newChitValues(today: string): FormValues {
  return {
    name: "",
    organizer: "",
    ticketNo: "",
    upiIds: "",
    chitValue: "",
    members: "",
    startDate: today,
    dueDay: String(Number(today.slice(8, 10))),
    frequency: defaultTerms.frequency,
    commissionPercent: String(defaultTerms.commissionPercent),
    commissionMode: defaultTerms.commissionMode,
    bidIncludesCommission: String(defaultTerms.bidIncludesCommission),
    dividendSplit: defaultTerms.dividendSplit,
    dividendApplies: defaultTerms.dividendApplies,
    firstInstalment: defaultTerms.firstInstalment,
    maxDiscountPercent: String(defaultTerms.maxDiscountPercent),
    taxOnCommissionPercent: "",
    ...advancedValues(null),
    notes: "",
  };
}

export function chitValues(chit: Chit): FormValues {
  const t = chit.terms;
  return {
    name: chit.name,
    organizer: chit.organizer,
    ticketNo: chit.ticketNo,
    upiIds: chit.upiIds.join(", "),
    chitValue: amountForInput(t.chitValue),
    members: String(t.members),
    startDate: t.startDate,
    dueDay: String(t.dueDay),
    frequency: t.frequency,
    commissionPercent: String(t.commissionPercent),
    commissionMode: t.commissionMode,
    bidIncludesCommission: String(t.bidIncludesCommission),
    dividendSplit: t.dividendSplit,
    dividendApplies: t.dividendApplies,
    firstInstalment: t.firstInstalment,
    maxDiscountPercent: String(t.maxDiscountPercent),
    taxOnCommissionPercent: t.taxOnCommissionPercent === null ? "" : String(t.taxOnCommissionPercent),
    ...advancedValues(t),
    notes: chit.notes,
  };
}

export function ChitFormView(p: {
  t: T;
  csrfToken: string;
  chit?: Chit;
  values: FormValues;
  errors?: FormErrors;
  message?: string | null;
}) {
  const { t } = p;
  const v = p.values;
  const e = p.errors ?? {};
  const defaults = newChitValues("2000-01-01");
  const advancedOpen = ADVANCED_FIELDS.some((k) => e[k] || (v[k] ?? defaults[k]) !== defaults[k]);
  const title = p.chit ? t("chitForm.editTitle", { name: p.chit.name }) : t("chitForm.addTitle");
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-lg-9 col-xl-8">
        <Breadcrumb
          label={t("chits.breadcrumb")}
          links={[
            { href: "/chits", label: t("chitForm.chits") },
            ...(p.chit ? [{ href: `/chits/${p.chit.id}`, label: p.chit.name }] : []),
          ]}
          current={p.chit ? t("chitForm.edit") : t("chitForm.add")}
        />
        <h1 class="h3">{title}</h1>
        <p class="text-muted">{t("chitForm.intro")}</p>
        <FormError message={p.message} />
        <Form action={p.chit ? `/chits/${p.chit.id}/edit` : "/chits"} csrfToken={p.csrfToken} label={title}>
          <Field
            name="name"
            label={t("chitForm.name")}
            value={v.name}
            error={e.name}
            required
            maxlength={100}
            help={t("chitForm.nameWillRecogniseE")}
          />
          <div class="row">
            <div class="col-12 col-md-7">
              <Field
                name="organizer"
                label={t("chitForm.foreman")}
                value={v.organizer}
                error={e.organizer}
                maxlength={100}
                help={t("chitForm.companyPersonWhoRuns")}
              />
            </div>
            <div class="col-12 col-md-5">
              <Field
                name="ticketNo"
                label={t("chitForm.ticketNumber")}
                value={v.ticketNo}
                error={e.ticketNo}
                maxlength={30}
                help={t("chitForm.ticketNumberGroupOptional")}
              />
            </div>
          </div>
          <Field
            name="upiIds"
            label={t("chitForm.upiIds")}
            value={v.upiIds}
            error={e.upiIds}
            maxlength={1500}
            autocomplete="off"
            inputmode="email"
            placeholder="shriramchits@icici"
            help={t("chitForm.upiIdsHelp")}
          />
          <div class="row">
            <div class="col-12 col-md-6">
              <Field
                name="chitValue"
                label={t("chitForm.chitValue")}
                value={v.chitValue}
                error={e.chitValue}
                required
                inputmode="decimal"
                placeholder="1,00,000"
                help={t("chitForm.fullAmountChitGross")}
              />
            </div>
            <div class="col-12 col-md-6">
              <Field
                name="members"
                label={t("chitForm.numberMembers")}
                type="number"
                value={v.members}
                error={e.members}
                required
                min="2"
                max="1000"
                inputmode="numeric"
                help={t("chitForm.howManyTicketsGroup")}
              />
            </div>
          </div>
          <div class="row">
            <div class="col-12 col-md-4">
              <Field
                name="startDate"
                label={t("chitForm.dateFirstInstalment")}
                type="date"
                value={v.startDate}
                error={e.startDate}
                required
                help={t("chitForm.itsMonthMonthInstalment")}
              />
            </div>
            <div class="col-12 col-md-4">
              <Field
                name="dueDay"
                label={t("chitForm.dueDayMonth")}
                type="number"
                value={v.dueDay}
                error={e.dueDay}
                required
                min="1"
                max="31"
                inputmode="numeric"
                help={t("chitForm.nMeansLastDay")}
              />
            </div>
            <div class="col-12 col-md-4">
              <Select
                name="frequency"
                label={t("chitForm.howOften")}
                value={v.frequency}
                error={e.frequency}
                options={[
                  { value: "monthly", label: t("chitForm.monthly") },
                  { value: "quarterly", label: t("chitForm.quarterly") },
                  { value: "half-yearly", label: t("chitForm.halfYearly") },
                  { value: "fortnightly", label: t("chitForm.fortnightlyEvery14Days") },
                  { value: "weekly", label: t("chitForm.weeklyEvery7Days") },
                  { value: "daily", label: t("chitForm.daily") },
                ]}
                help={t("chitForm.howOftenInstalmentsFall")}
              />
            </div>
          </div>
          <Field
            name="commissionPercent"
            label={t("chitForm.foremanSCommissionChit")}
            type="number"
            value={v.commissionPercent}
            error={e.commissionPercent}
            min="0"
            max="7"
            step="0.01"
            inputmode="decimal"
            help={t("chitForm.whatForemanKeepsFrom")}
          />
          <AdvancedSettings t={t} values={v} errors={e} open={advancedOpen} />
          <Textarea
            name="notes"
            label={t("chitForm.notes")}
            value={v.notes}
            error={e.notes}
            maxlength={2000}
            help={t("chitForm.anythingWorthKeepingAgent")}
          />
          <div class="d-flex flex-wrap gap-2">
            <button class="btn btn-primary" type="submit">
              {p.chit ? t("chitForm.saveChanges") : t("chitForm.addChit")}
            </button>
            <a class="btn btn-outline-secondary" href={p.chit ? `/chits/${p.chit.id}` : "/chits"}>
              {t("chitForm.cancel")}
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
