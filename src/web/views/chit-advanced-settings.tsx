// The "Advanced" part of the chit form: the per-chit variants (DOMAIN.md), each with the usual choice first, explained.
import type { FormErrors, FormValues } from "../form-values.ts";
import { Checkbox, Field, Select } from "./form.tsx";

export const ADVANCED_FIELDS = [
  "commissionMode",
  "bidIncludesCommission",
  "dividendSplit",
  "dividendApplies",
  "firstInstalment",
  "maxDiscountPercent",
  "taxOnCommissionPercent",
  "taxDeductedFromPrize",
] as const;

export function AdvancedSettings(p: { values: FormValues; errors: FormErrors; open: boolean }) {
  const v = p.values;
  const e = p.errors;
  return (
    <details class="mb-3 border rounded p-3" open={p.open}>
      <summary class="fw-semibold">Advanced: how this chit shares discounts and commission</summary>
      <p class="small text-muted mt-2">
        Most chits follow the usual rules already chosen here. Check the agreement if a payable on the foreman's notice does not match.
      </p>
      <Select
        name="commissionMode"
        label="How the commission is paid"
        value={v.commissionMode}
        error={e.commissionMode}
        options={[
          { value: "from-discount", label: "Out of the winner's discount (usual)" },
          { value: "on-top", label: "Added to every member's instalment" },
        ]}
        help="Usually the foreman's commission is taken from the discount the winner gives up; some chits add a share of it to each instalment instead."
      />
      <Select
        name="bidIncludesCommission"
        label="What the bid includes"
        value={v.bidIncludesCommission}
        error={e.bidIncludesCommission}
        options={[
          { value: "true", label: "The bid includes the commission (usual)" },
          { value: "false", label: "The commission comes on top of the bid" },
        ]}
        help="If the bid quoted at the auction leaves out the commission, the winner gives up the bid plus the commission, and the whole bid is shared."
      />
      <Select
        name="dividendSplit"
        label="Who shares the dividend"
        value={v.dividendSplit}
        error={e.dividendSplit}
        options={[
          { value: "all", label: "Every member, the winner too (usual)" },
          { value: "others", label: "Only the members who did not win that auction" },
        ]}
        help="The discount, less the commission, is shared as a dividend that lowers what members pay."
      />
      <Select
        name="dividendApplies"
        label="Which instalment the dividend lowers"
        value={v.dividendApplies}
        error={e.dividendApplies}
        options={[
          { value: "next", label: "The next instalment (usual)" },
          { value: "same", label: "The same instalment as the auction" },
        ]}
        help="Most foremen take an auction's dividend off the following month's payment."
      />
      <Select
        name="firstInstalment"
        label="Who takes the first instalment"
        value={v.firstInstalment}
        error={e.firstInstalment}
        options={[
          { value: "foreman", label: "The foreman takes it, without a discount (usual)" },
          { value: "auction", label: "It is auctioned like the others" },
        ]}
        help="By law the foreman takes the first chit unless the agreement says otherwise; then it has no dividend."
      />
      <Field
        name="maxDiscountPercent"
        label="Maximum discount (% of the chit value)"
        type="number"
        value={v.maxDiscountPercent}
        error={e.maxDiscountPercent}
        min="1"
        max="99"
        step="0.01"
        inputmode="decimal"
        help="The highest bid the agreement allows, commonly 30% to 45%; 40% if you are not sure."
      />
      <Field
        name="taxOnCommissionPercent"
        label="Tax on the commission (%)"
        type="number"
        value={v.taxOnCommissionPercent}
        error={e.taxOnCommissionPercent}
        min="0"
        max="100"
        step="0.01"
        inputmode="decimal"
        help="GST on the foreman's commission: 18% since 18 Jul 2022, 12% before. Leave 0 if your notice shows none."
      />
      <Checkbox
        name="taxDeductedFromPrize"
        label="The tax is deducted from the winner's prize"
        checked={v.taxDeductedFromPrize === "true"}
        error={e.taxDeductedFromPrize}
        help="Tick if the foreman takes the tax out of the prize money."
      />
    </details>
  );
}
