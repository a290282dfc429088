// The "Advanced" part of the chit form: the per-chit variants (DOMAIN.md), each with the usual choice first, explained.
import { type ChitTerms, defaultTerms } from "../../domain/chit.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput } from "../format.ts";
import { Checkbox, Field, Select } from "./form.tsx";

/** Fields only the Advanced part has (the main form lists the others itself). */
export const ADVANCED_ONLY_FIELDS = [
  "instalments",
  "prizesPerAuction",
  "onTopOnForemanInstalment",
  "taxMode",
  "rounding",
  "dividendRounding",
  "roundingRemainder",
  "lateRule",
  "latePenaltyPercent",
  "lateFee",
  "lateForfeitsDividend",
] as const;

export const ADVANCED_FIELDS = [
  "commissionMode",
  "bidIncludesCommission",
  "dividendSplit",
  "dividendApplies",
  "firstInstalment",
  "maxDiscountPercent",
  "taxOnCommissionPercent",
  ...ADVANCED_ONLY_FIELDS,
] as const;

/** The Advanced-only fields' form values: a chit's, or the usual ones for a new chit. */
export function advancedValues(t: ChitTerms | null): Record<(typeof ADVANCED_ONLY_FIELDS)[number], string> {
  const d = t ?? defaultTerms;
  return {
    instalments: t && t.instalments !== Math.floor(t.members / t.prizesPerAuction) ? String(t.instalments) : "",
    prizesPerAuction: String(d.prizesPerAuction),
    onTopOnForemanInstalment: String(d.onTopOnForemanInstalment),
    taxMode: d.taxMode,
    rounding: d.rounding,
    dividendRounding: d.dividendRounding,
    roundingRemainder: d.roundingRemainder,
    lateRule: d.lateRule,
    latePenaltyPercent: String(d.latePenaltyPercent),
    lateFee: amountForInput(d.lateFee),
    lateForfeitsDividend: String(d.lateForfeitsDividend),
  };
}

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
      <Select
        name="taxMode"
        label="Tax (GST) on the commission"
        value={v.taxMode}
        error={e.taxMode}
        options={[
          { value: "none", label: "None on my notices" },
          { value: "deducted-from-prize", label: "Deducted from the winner's prize" },
          { value: "charged-to-members", label: "Charged to every member with the instalment" },
        ]}
        help="Most companies take the tax on their commission out of the prize; some add each member's share of it to the instalment."
      />
      <Field
        name="taxOnCommissionPercent"
        label="Tax rate on the commission (%)"
        type="number"
        value={v.taxOnCommissionPercent}
        error={e.taxOnCommissionPercent}
        min="0"
        max="100"
        step="0.01"
        inputmode="decimal"
        help="Leave empty for the rate in force on each auction date: GST 18% since 18 Jul 2022, 12% before (service tax before Jul 2017). Fill it in if your notices use another rate."
      />
      <Checkbox
        name="onTopOnForemanInstalment"
        label="The added commission is collected on the foreman's first instalment too"
        checked={v.onTopOnForemanInstalment === "true"}
        error={e.onTopOnForemanInstalment}
        help="Only for commission added to every instalment: tick if you pay the same amount (say 5,300 on 5,000) from the very first instalment."
      />
      <div class="row">
        <div class="col-12 col-md-6">
          <Field
            name="prizesPerAuction"
            label="Prizes at each auction"
            type="number"
            value={v.prizesPerAuction}
            error={e.prizesPerAuction}
            min="1"
            max="100"
            inputmode="numeric"
            help="1 for most chits. Multi-division chitties give 2 or more prizes a month; then there are fewer instalments than members."
          />
        </div>
        <div class="col-12 col-md-6">
          <Field
            name="instalments"
            label="Number of instalments"
            type="number"
            value={v.instalments}
            error={e.instalments}
            min="1"
            max="1000"
            inputmode="numeric"
            help="Leave empty: members divided by prizes at each auction (usually the number of members)."
          />
        </div>
      </div>
      <Select
        name="rounding"
        label="How the foreman rounds"
        value={v.rounding}
        error={e.rounding}
        options={[
          { value: "paise", label: "To the paisa" },
          { value: "rupee", label: "To whole rupees (as on most notices)" },
        ]}
        help="Whole rupees: the instalment, dividend, tax and prize are whole rupees, e.g. a tax of 1,087.50 becomes 1,088."
      />
      <div class="row">
        <div class="col-12 col-md-6">
          <Select
            name="dividendRounding"
            label="The dividend per member is rounded"
            value={v.dividendRounding}
            error={e.dividendRounding}
            options={[
              { value: "nearest", label: "To the nearest (usual)" },
              { value: "down", label: "Down" },
              { value: "up", label: "Up" },
            ]}
            help="Compare with a notice: 563.75 is 564 to the nearest, 563 rounded down."
          />
        </div>
        <div class="col-12 col-md-6">
          <Select
            name="roundingRemainder"
            label="What rounding leaves over"
            value={v.roundingRemainder}
            error={e.roundingRemainder}
            options={[
              { value: "foreman", label: "Stays with the foreman (usual)" },
              { value: "next-auction", label: "Is added to the next auction's dividend" },
            ]}
            help="The few rupees of the dividend that cannot be shared evenly."
          />
        </div>
      </div>
      <Select
        name="lateRule"
        label="What paying late costs"
        value={v.lateRule}
        error={e.lateRule}
        options={[
          { value: "none", label: "Nothing" },
          { value: "interest", label: "Penalty interest a year on what is overdue" },
          { value: "fixed-fee", label: "A fixed fee per late instalment" },
        ]}
        help="The chit agreement sets it (Chit Funds Act s.21(1)(c)); the penalty shows on each late instalment and counts in the real rate."
      />
      <div class="row">
        <div class="col-12 col-md-6">
          <Field
            name="latePenaltyPercent"
            label="Penalty interest (% a year)"
            type="number"
            value={v.latePenaltyPercent}
            error={e.latePenaltyPercent}
            min="0"
            max="100"
            step="0.01"
            inputmode="decimal"
            help="Simple interest on the overdue amount for each day late, e.g. 18 or 24."
          />
        </div>
        <div class="col-12 col-md-6">
          <Field
            name="lateFee"
            label="Late fee (₹)"
            value={v.lateFee}
            error={e.lateFee}
            inputmode="decimal"
            help="Charged once per late instalment, when the agreement says a fixed fee."
          />
        </div>
      </div>
      <Checkbox
        name="lateForfeitsDividend"
        label="A late payer loses that instalment's dividend"
        checked={v.lateForfeitsDividend === "true"}
        error={e.lateForfeitsDividend}
        help="Many agreements take back the dividend from a member who pays after the due date: the instalment then costs the full subscription."
      />
    </details>
  );
}
