// The one form for adding and editing a chit: its numbers first, the per-chit variants under "Advanced", each explained.

import { defaultTerms } from "../../domain/chit.ts";
import type { Chit } from "../../ports/ledger.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput } from "../format.ts";
import { ADVANCED_FIELDS, AdvancedSettings, advancedValues } from "./chit-advanced-settings.tsx";
import { Field, Form, FormError, Select, Textarea } from "./form.tsx";
import { Breadcrumb } from "./ledger-parts.tsx";

/** What a new chit's form starts with: the settings most chits have. */
export function newChitValues(today: string): FormValues {
  return {
    name: "",
    organizer: "",
    ticketNo: "",
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

export function ChitFormView(p: { csrfToken: string; chit?: Chit; values: FormValues; errors?: FormErrors; message?: string | null }) {
  const v = p.values;
  const e = p.errors ?? {};
  const defaults = newChitValues("2000-01-01");
  const advancedOpen = ADVANCED_FIELDS.some((k) => e[k] || (v[k] ?? defaults[k]) !== defaults[k]);
  const title = p.chit ? `Edit ${p.chit.name}` : "Add a chit";
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-lg-9 col-xl-8">
        <Breadcrumb
          links={[{ href: "/chits", label: "Chits" }, ...(p.chit ? [{ href: `/chits/${p.chit.id}`, label: p.chit.name }] : [])]}
          current={p.chit ? "Edit" : "Add"}
        />
        <h1 class="h3">{title}</h1>
        <p class="text-muted">
          Copy the figures from the foreman's agreement or passbook. The usual settings are filled in; change them only if your chit differs.
        </p>
        <FormError message={p.message} />
        <Form action={p.chit ? `/chits/${p.chit.id}/edit` : "/chits"} csrfToken={p.csrfToken} label={title}>
          <Field
            name="name"
            label="Name"
            value={v.name}
            error={e.name}
            required
            maxlength={100}
            help="A name you will recognise, e.g. 'Shriram 5L group A12'."
          />
          <div class="row">
            <div class="col-12 col-md-7">
              <Field name="organizer" label="Foreman" value={v.organizer} error={e.organizer} maxlength={100} help="The company or person who runs the chit." />
            </div>
            <div class="col-12 col-md-5">
              <Field
                name="ticketNo"
                label="Ticket number"
                value={v.ticketNo}
                error={e.ticketNo}
                maxlength={30}
                help="Your ticket number in the group (optional)."
              />
            </div>
          </div>
          <div class="row">
            <div class="col-12 col-md-6">
              <Field
                name="chitValue"
                label="Chit value (₹)"
                value={v.chitValue}
                error={e.chitValue}
                required
                inputmode="decimal"
                placeholder="1,00,000"
                help="The full amount of the chit (gross chit amount), e.g. 1,00,000."
              />
            </div>
            <div class="col-12 col-md-6">
              <Field
                name="members"
                label="Number of members"
                type="number"
                value={v.members}
                error={e.members}
                required
                min="2"
                max="1000"
                inputmode="numeric"
                help="How many tickets the group has; usually there are as many instalments (see Advanced for chits with several prizes an auction)."
              />
            </div>
          </div>
          <div class="row">
            <div class="col-12 col-md-4">
              <Field
                name="startDate"
                label="Date of the first instalment"
                type="date"
                value={v.startDate}
                error={e.startDate}
                required
                help="Its month is the month of instalment 1."
              />
            </div>
            <div class="col-12 col-md-4">
              <Field
                name="dueDay"
                label="Due day of the month"
                type="number"
                value={v.dueDay}
                error={e.dueDay}
                required
                min="1"
                max="31"
                inputmode="numeric"
                help="31 means the last day in shorter months. Daily, weekly and fortnightly chits count from the first date instead."
              />
            </div>
            <div class="col-12 col-md-4">
              <Select
                name="frequency"
                label="How often"
                value={v.frequency}
                error={e.frequency}
                options={[
                  { value: "monthly", label: "Monthly" },
                  { value: "quarterly", label: "Quarterly" },
                  { value: "half-yearly", label: "Half-yearly" },
                  { value: "fortnightly", label: "Fortnightly (every 14 days)" },
                  { value: "weekly", label: "Weekly (every 7 days)" },
                  { value: "daily", label: "Daily" },
                ]}
                help="How often instalments fall due. Weekly, fortnightly and daily chits fall due every 7, 14 or 1 days from the first date."
              />
            </div>
          </div>
          <Field
            name="commissionPercent"
            label="Foreman's commission (% of the chit value)"
            type="number"
            value={v.commissionPercent}
            error={e.commissionPercent}
            min="0"
            max="7"
            step="0.01"
            inputmode="decimal"
            help="What the foreman keeps from each auction: 5% is usual; the law allows up to 7%."
          />
          <AdvancedSettings values={v} errors={e} open={advancedOpen} />
          <Textarea
            name="notes"
            label="Notes"
            value={v.notes}
            error={e.notes}
            maxlength={2000}
            help="Anything worth keeping: agent's phone, passbook number, terms."
          />
          <div class="d-flex flex-wrap gap-2">
            <button class="btn btn-primary" type="submit">
              {p.chit ? "Save changes" : "Add chit"}
            </button>
            <a class="btn btn-outline-secondary" href={p.chit ? `/chits/${p.chit.id}` : "/chits"}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
