// Validation of a chit's terms and of a recorded winning bid: every problem, named by the field a form shows it by.
import { type ChitTerms, discountCeiling, discountFloor, isForemanInstalment } from "./chit.ts";
import { type CalendarDate, dueDateFor, FREQUENCIES, parseDate } from "./dates.ts";
import { formatINR, type Paise } from "./money.ts";

/** One thing wrong with an input, named by the field a form would show it next to. */
export interface Problem {
  field: string;
  /** A stable code the edge says in the reader's language (problems.<code> in the i18n layer), with its figures. */
  code: string;
  params?: Record<string, string | number>;
  /** The same in English, for logs and developers. */
  message: string;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

const CHOICES: [keyof ChitTerms, readonly string[], string][] = [
  ["commissionMode", ["from-discount", "on-top"], "Commission mode must be from-discount or on-top."],
  ["dividendSplit", ["all", "others"], "Dividend split must be all or others."],
  ["dividendApplies", ["next", "same"], "Dividend applies must be next or same."],
  ["firstInstalment", ["foreman", "auction"], "First instalment must be foreman or auction."],
  [
    "taxMode",
    ["none", "deducted-from-prize", "charged-to-members"],
    "Tax mode must be none, deducted-from-prize or charged-to-members.",
  ],
  ["rounding", ["paise", "rupee"], "Rounding must be paise or rupee."],
  ["dividendRounding", ["nearest", "down", "up"], "Dividend rounding must be nearest, down or up."],
  ["roundingRemainder", ["foreman", "next-auction"], "The rounding remainder goes to the foreman or the next auction."],
  ["lateRule", ["none", "interest", "fixed-fee"], "Late payment rule must be none, interest or fixed-fee."],
];

/**
 * What a real chit can be, so its schedule stays in the calendar and every sum in safe integers: a chit value up to
 * ₹100 crore (the largest registered chits are a few crore), a start from 1950 to 2100, and a last instalment due by
 * the end of 2199. Amounts and dates typed anywhere in the ledger are held to the same limits (app/ledger-input.ts).
 */
export const CHIT_LIMITS = {
  maxChitValue: 100_00_00_000 * 100,
  earliestDate: "1950-01-01",
  latestStart: "2100-12-31",
  latestDue: "2199-12-31",
} as const;

/** The last instalment's due date, or null when the terms cannot give one (a bad date or count). */
function lastDueDate(terms: ChitTerms): CalendarDate | null {
  try {
    return parseDate(dueDateFor(terms.startDate, terms.dueDay, terms.instalments, terms.frequency));
  } catch {
    return null;
  }
}

/** Every problem with a chit's terms; an empty list means the terms are usable. */
export function validateTerms(terms: ChitTerms): Problem[] {
  const problems: Problem[] = [];
  const add = (field: keyof ChitTerms, code: string, message: string, params?: Problem["params"]) =>
    problems.push({ field, code, message, ...(params ? { params } : {}) });
  if (!Number.isSafeInteger(terms.chitValue) || terms.chitValue <= 0) {
    add("chitValue", "chit-value-positive", "Chit value must be more than zero, in whole paise.");
  } else if (terms.chitValue > CHIT_LIMITS.maxChitValue) {
    add("chitValue", "chit-value-max", `Chit value can be at most ${formatINR(CHIT_LIMITS.maxChitValue)}.`, {
      amount: formatINR(CHIT_LIMITS.maxChitValue),
    });
  } else if (terms.rounding === "rupee" && terms.chitValue % 100 !== 0) {
    add("chitValue", "chit-value-rupees", "A chit kept in whole rupees needs a chit value in whole rupees.");
  }
  const membersOk = Number.isInteger(terms.members) && terms.members >= 2 && terms.members <= 1000;
  if (!membersOk) add("members", "members-range", "Number of members must be a whole number from 2 to 1000.");
  if (!Number.isInteger(terms.prizesPerAuction) || terms.prizesPerAuction < 1 || terms.prizesPerAuction > 100) {
    add("prizesPerAuction", "prizes-range", "Prizes per auction must be a whole number from 1 to 100.");
  }
  if (!membersOk) {
    // instalments follow members; one message is enough
  } else if (!Number.isInteger(terms.instalments) || terms.instalments < 1 || terms.instalments > 1000) {
    add("instalments", "instalments-range", "Number of instalments must be a whole number from 1 to 1000.");
  } else if (Number.isInteger(terms.prizesPerAuction) && terms.members !== terms.instalments * terms.prizesPerAuction) {
    add(
      "instalments",
      "members-instalments",
      "Members must equal instalments x prizes per auction, so that every ticket wins once.",
    );
  }
  if (parseDate(terms.startDate) === null)
    add("startDate", "start-date", "Start date must be a real date, YYYY-MM-DD.");
  else if (terms.startDate < CHIT_LIMITS.earliestDate || terms.startDate > CHIT_LIMITS.latestStart) {
    add(
      "startDate",
      "start-date-range",
      `Start date must be from ${CHIT_LIMITS.earliestDate} to ${CHIT_LIMITS.latestStart}.`,
      {
        from: CHIT_LIMITS.earliestDate,
        to: CHIT_LIMITS.latestStart,
      },
    );
  }
  if (!Number.isInteger(terms.dueDay) || terms.dueDay < 1 || terms.dueDay > 31) {
    add("dueDay", "due-day", "Due day must be a day of the month from 1 to 31.");
  }
  if (!FREQUENCIES.includes(terms.frequency))
    add("frequency", "frequency", "Frequency must be daily, weekly, fortnightly, monthly, quarterly or half-yearly.");
  if (!inRange(terms.commissionPercent, 0, 7)) {
    add(
      "commissionPercent",
      "commission",
      "Commission must be from 0% to 7% (the legal cap since the 2019 amendment).",
    );
  }
  if (!inRange(terms.maxDiscountPercent, 0, 100) || terms.maxDiscountPercent <= 0 || terms.maxDiscountPercent >= 100) {
    add(
      "maxDiscountPercent",
      "max-discount",
      "Maximum discount must be more than 0% and less than 100% of the chit value.",
    );
  } else if (discountFloor(termsForChecks(terms)) > discountCeiling(termsForChecks(terms))) {
    add(
      "maxDiscountPercent",
      "max-discount-commission",
      "Maximum discount cannot be below the commission, which is the lowest bid.",
    );
  }
  if (terms.taxOnCommissionPercent !== null && !inRange(terms.taxOnCommissionPercent, 0, 100)) {
    add(
      "taxOnCommissionPercent",
      "tax",
      "Tax on commission must be from 0% to 100%, or left empty for the rate in force on each auction date.",
    );
  }
  for (const [field, allowed, message] of CHOICES)
    if (!allowed.includes(String(terms[field]))) add(field, "choice", message, { field });
  if (!inRange(terms.latePenaltyPercent, 0, 100))
    add("latePenaltyPercent", "late-penalty", "Penalty interest must be from 0% to 100% a year.");
  if (!Number.isSafeInteger(terms.lateFee) || terms.lateFee < 0)
    add("lateFee", "late-fee", "Late fee must be zero or more, in whole paise.");
  if (typeof terms.lateForfeitsDividend !== "boolean")
    add("lateForfeitsDividend", "late-forfeits", "Say whether a late payment forfeits the dividend.");
  if (problems.length === 0) {
    const last = lastDueDate(terms);
    if (last === null || last > CHIT_LIMITS.latestDue) {
      add(
        "members",
        "runs-too-long",
        "With these dates and this many instalments the chit would run past " +
          `${CHIT_LIMITS.latestDue.slice(0, 4)}: check the start date, frequency and ` +
          "members.",
        { year: CHIT_LIMITS.latestDue.slice(0, 4) },
      );
    }
  }
  return problems;
}

/** The floor/ceiling checks need a usable chit value even when it is itself invalid. */
function termsForChecks(terms: ChitTerms): ChitTerms {
  return Number.isSafeInteger(terms.chitValue) ? terms : { ...terms, chitValue: 0 };
}

/**
 * Problems with a recorded winning bid for instalment k: whole paise (whole rupees in a rupee chit), at least the
 * floor (F when the bid includes the commission), at most maxDiscountPercent of C, and 0 on the foreman's instalment 1.
 */
export function validateDiscount(terms: ChitTerms, k: number, discount: Paise, field = "discount"): Problem[] {
  const problems: Problem[] = [];
  const add = (name: string, code: string, message: string, params?: Problem["params"]) =>
    problems.push({ field: name, code, message, ...(params ? { params } : {}) });
  if (!Number.isInteger(k) || k < 1 || k > terms.instalments) {
    add("number", "instalment-range", `Instalment must be from 1 to ${terms.instalments}.`, {
      count: terms.instalments,
    });
    return problems;
  }
  if (!Number.isSafeInteger(discount) || discount < 0) {
    add(field, "discount-positive", "Discount must be zero or more, in whole paise.");
    return problems;
  }
  if (isForemanInstalment(terms, k) && terms.prizesPerAuction === 1) {
    if (discount !== 0)
      add(field, "foreman-discount", "The foreman takes instalment 1 without a discount, so it must be 0.");
    return problems;
  }
  const floor = discountFloor(terms);
  const ceiling = discountCeiling(terms);
  if (terms.rounding === "rupee" && discount % 100 !== 0)
    add(field, "discount-rupees", "This chit is kept in whole rupees: enter the bid in whole rupees.");
  if (discount < floor)
    add(field, "discount-floor", `Discount cannot be below the foreman's commission (${formatINR(floor)}).`, {
      amount: formatINR(floor),
    });
  if (discount > ceiling) {
    add(
      field,
      "discount-ceiling",
      `Discount cannot exceed ${terms.maxDiscountPercent}% of the chit value (${formatINR(ceiling)}).`,
      {
        percent: terms.maxDiscountPercent,
        amount: formatINR(ceiling),
      },
    );
  }
  return problems;
}
