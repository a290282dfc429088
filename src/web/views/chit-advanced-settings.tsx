// The "Advanced" part of the chit form: the per-chit variants (DOMAIN.md), each with the usual choice first, explained.
import { type ChitTerms, defaultTerms } from "../../domain/chit.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { amountForInput } from "../format.ts";
import type { T } from "../i18n/index.ts";
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

export function AdvancedSettings(p: { t: T; values: FormValues; errors: FormErrors; open: boolean }) {
  const { t } = p;
  const v = p.values;
  const e = p.errors;
  return (
    <details class="mb-3 border rounded p-3" open={p.open}>
      <summary class="fw-semibold">{t("chitForm.advancedHowChitShares")}</summary>
      <p class="small text-muted mt-2">{t("chitForm.mostChitsFollowUsual")}</p>
      <Select
        name="commissionMode"
        label={t("chitForm.howCommissionPaid")}
        value={v.commissionMode}
        error={e.commissionMode}
        options={[
          { value: "from-discount", label: t("chitForm.outWinnerSDiscount") },
          { value: "on-top", label: t("chitForm.addedEveryMemberS") },
        ]}
        help={t("chitForm.usuallyForemanSCommission")}
      />
      <Select
        name="bidIncludesCommission"
        label={t("chitForm.whatBidIncludes")}
        value={v.bidIncludesCommission}
        error={e.bidIncludesCommission}
        options={[
          { value: "true", label: t("chitForm.bidIncludesCommissionUsual") },
          { value: "false", label: t("chitForm.commissionComesTopBid") },
        ]}
        help={t("chitForm.ifBidQuotedAuction")}
      />
      <Select
        name="dividendSplit"
        label={t("chitForm.whoSharesDividend")}
        value={v.dividendSplit}
        error={e.dividendSplit}
        options={[
          { value: "all", label: t("chitForm.everyMemberWinnerToo") },
          { value: "others", label: t("chitForm.onlyMembersWhoDid") },
        ]}
        help={t("chitForm.discountLessCommissionShared")}
      />
      <Select
        name="dividendApplies"
        label={t("chitForm.whichInstalmentDividendLowers")}
        value={v.dividendApplies}
        error={e.dividendApplies}
        options={[
          { value: "next", label: t("chitForm.nextInstalmentUsual") },
          { value: "same", label: t("chitForm.sameInstalmentAuction") },
        ]}
        help={t("chitForm.mostForemenTakeAuction")}
      />
      <Select
        name="firstInstalment"
        label={t("chitForm.whoTakesFirstInstalment")}
        value={v.firstInstalment}
        error={e.firstInstalment}
        options={[
          { value: "foreman", label: t("chitForm.foremanTakesWithoutDiscount") },
          { value: "auction", label: t("chitForm.auctionedLikeOthers") },
        ]}
        help={t("chitForm.lawForemanTakesFirst")}
      />
      <Field
        name="maxDiscountPercent"
        label={t("chitForm.maximumDiscountChitValue")}
        type="number"
        value={v.maxDiscountPercent}
        error={e.maxDiscountPercent}
        min="1"
        max="99"
        step="0.01"
        inputmode="decimal"
        help={t("chitForm.highestBidAgreementAllows")}
      />
      <Select
        name="taxMode"
        label={t("chitForm.taxGstCommission")}
        value={v.taxMode}
        error={e.taxMode}
        options={[
          { value: "none", label: t("chitForm.noneMyNotices") },
          { value: "deducted-from-prize", label: t("chitForm.deductedFromWinnerS") },
          { value: "charged-to-members", label: t("chitForm.chargedEveryMemberInstalment") },
        ]}
        help={t("chitForm.mostCompaniesTakeTax")}
      />
      <Field
        name="taxOnCommissionPercent"
        label={t("chitForm.taxRateCommission")}
        type="number"
        value={v.taxOnCommissionPercent}
        error={e.taxOnCommissionPercent}
        min="0"
        max="100"
        step="0.01"
        inputmode="decimal"
        help={t("chitForm.leaveEmptyRateForce")}
      />
      <Checkbox
        name="onTopOnForemanInstalment"
        label={t("chitForm.addedCommissionCollectedForeman")}
        checked={v.onTopOnForemanInstalment === "true"}
        error={e.onTopOnForemanInstalment}
        help={t("chitForm.onlyCommissionAddedEvery")}
      />
      <div class="row">
        <div class="col-12 col-md-6">
          <Field
            name="prizesPerAuction"
            label={t("chitForm.prizesEachAuction")}
            type="number"
            value={v.prizesPerAuction}
            error={e.prizesPerAuction}
            min="1"
            max="100"
            inputmode="numeric"
            help={t("chitForm.nMostChitsMulti")}
          />
        </div>
        <div class="col-12 col-md-6">
          <Field
            name="instalments"
            label={t("chitForm.numberInstalments")}
            type="number"
            value={v.instalments}
            error={e.instalments}
            min="1"
            max="1000"
            inputmode="numeric"
            help={t("chitForm.leaveEmptyMembersDivided")}
          />
        </div>
      </div>
      <Select
        name="rounding"
        label={t("chitForm.howForemanRounds")}
        value={v.rounding}
        error={e.rounding}
        options={[
          { value: "paise", label: t("chitForm.paisa") },
          { value: "rupee", label: t("chitForm.wholeRupeesMostNotices") },
        ]}
        help={t("chitForm.wholeRupeesInstalmentDividend")}
      />
      <div class="row">
        <div class="col-12 col-md-6">
          <Select
            name="dividendRounding"
            label={t("chitForm.dividendPerMemberRounded")}
            value={v.dividendRounding}
            error={e.dividendRounding}
            options={[
              { value: "nearest", label: t("chitForm.nearestUsual") },
              { value: "down", label: t("chitForm.down") },
              { value: "up", label: t("chitForm.up") },
            ]}
            help={t("chitForm.compareNotice56375")}
          />
        </div>
        <div class="col-12 col-md-6">
          <Select
            name="roundingRemainder"
            label={t("chitForm.whatRoundingLeavesOver")}
            value={v.roundingRemainder}
            error={e.roundingRemainder}
            options={[
              { value: "foreman", label: t("chitForm.staysForemanUsual") },
              { value: "next-auction", label: t("chitForm.addedNextAuctionS") },
            ]}
            help={t("chitForm.fewRupeesDividendCannot")}
          />
        </div>
      </div>
      <Select
        name="lateRule"
        label={t("chitForm.whatPayingLateCosts")}
        value={v.lateRule}
        error={e.lateRule}
        options={[
          { value: "none", label: t("chitForm.nothing") },
          { value: "interest", label: t("chitForm.penaltyInterestYearWhat") },
          { value: "fixed-fee", label: t("chitForm.fixedFeePerLate") },
        ]}
        help={t("chitForm.chitAgreementSetsChit")}
      />
      <div class="row">
        <div class="col-12 col-md-6">
          <Field
            name="latePenaltyPercent"
            label={t("chitForm.penaltyInterestYear")}
            type="number"
            value={v.latePenaltyPercent}
            error={e.latePenaltyPercent}
            min="0"
            max="100"
            step="0.01"
            inputmode="decimal"
            help={t("chitForm.simpleInterestOverdueAmount")}
          />
        </div>
        <div class="col-12 col-md-6">
          <Field
            name="lateFee"
            label={t("chitForm.lateFee")}
            value={v.lateFee}
            error={e.lateFee}
            inputmode="decimal"
            help={t("chitForm.chargedOncePerLate")}
          />
        </div>
      </div>
      <Checkbox
        name="lateForfeitsDividend"
        label={t("chitForm.latePayerLosesInstalment")}
        checked={v.lateForfeitsDividend === "true"}
        error={e.lateForfeitsDividend}
        help={t("chitForm.manyAgreementsTakeBack")}
      />
    </details>
  );
}
