// A chit's statement as a PDF fit to hand to the foreman, an accountant or the Registrar: member, foreman, terms and
// settings, every instalment with its payments, prize, totals, the rate, and the receipts' thumbnails in an appendix,
// in the member's language (names and notes print in whatever script they were typed in).

import type { Statement } from "../../app/build-statement.ts";
import type { RateView } from "../../app/chit-rate.ts";
import type { ChitTerms } from "../../domain/chit.ts";
import { daysPerPeriod } from "../../domain/dates.ts";
import { formatINR } from "../../domain/money.ts";
import type { ScheduleRow } from "../../domain/schedule.ts";
import { formatDay, formatInstant } from "../../i18n/format.ts";
import { type T, translatorFor } from "../../i18n/index.ts";
import { type Locale, supportedLocale } from "../../i18n/locales.ts";
import { projectionNoteText, rateReasonText } from "../../i18n/rate-words.ts";
import type { Payment } from "../../ports/ledger.ts";
import { formatPercent } from "../format.ts";
import {
  COLORS,
  contentWidth,
  createPdf,
  ensureSpace,
  finish,
  heading,
  keyValues,
  type Pdf,
  paragraph,
  table,
  title,
  write,
} from "./pdf-layout.ts";

const METHODS = {
  upi: "ledger.upi",
  cash: "ledger.cash",
  bank: "ledger.bank",
  cheque: "ledger.cheque",
  other: "ledger.other",
} as const satisfies Record<Payment["method"], string>;
const STATUS = {
  paid: "ledger.paid",
  "part-paid": "ledger.partPaid",
  due: "ledger.due",
  overdue: "ledger.overdue",
  upcoming: "ledger.upcoming",
} as const satisfies Record<ScheduleRow["status"], string>;

const money = (paise: number | null) => (paise === null ? "—" : formatINR(paise));

/** The words and formats of one statement: its reader's language. */
type Words = { t: T; locale: Locale };

const FREQUENCY_KEYS = {
  daily: "pdf.daily",
  weekly: "pdf.weekly",
  fortnightly: "pdf.fortnightly",
  monthly: "pdf.monthly",
  quarterly: "pdf.quarterly",
  "half-yearly": "pdf.halfYearly",
} as const satisfies Record<ChitTerms["frequency"], string>;

function lateLine(t: T, terms: ChitTerms): string {
  const rule =
    terms.lateRule === "interest"
      ? t("pdf.lateInterest", { percent: terms.latePenaltyPercent })
      : terms.lateRule === "fixed-fee"
        ? t("pdf.lateFee", { amount: formatINR(terms.lateFee) })
        : t("pdf.lateNone");
  return terms.lateForfeitsDividend ? t("pdf.lateAndForfeit", { rule }) : rule;
}

export function termLines({ t, locale }: Words, terms: ChitTerms): [string, string][] {
  return [
    [t("pdf.chitValue"), formatINR(terms.chitValue)],
    [
      t("pdf.membersInstalments"),
      terms.instalments === terms.members ? String(terms.members) : `${terms.members} / ${terms.instalments}`,
    ],
    [t("pdf.prizesPerAuction"), String(terms.prizesPerAuction)],
    [t("pdf.frequency"), t(FREQUENCY_KEYS[terms.frequency])],
    [t("pdf.startDate"), formatDay(terms.startDate, locale)],
    [
      t("pdf.dueDay"),
      daysPerPeriod(terms.frequency) > 0
        ? t("pdf.everyDays", { count: daysPerPeriod(terms.frequency) })
        : t("pdf.dueDayValue", { day: terms.dueDay }),
    ],
    [
      t("pdf.figures"),
      terms.rounding === "rupee" ? t(`pdf.wholeRupees.${terms.dividendRounding}`) : t("pdf.toThePaisa"),
    ],
    [t("pdf.latePayment"), lateLine(t, terms)],
    [t("pdf.commission"), t("pdf.percentOfValue", { percent: terms.commissionPercent })],
    [t("pdf.commissionPaid"), t(terms.commissionMode === "from-discount" ? "pdf.fromDiscount" : "pdf.onTop")],
    [t("pdf.bidQuoted"), t(terms.bidIncludesCommission ? "pdf.bidIncludes" : "pdf.bidExcludes")],
    [t("pdf.dividendSharedBy"), t(terms.dividendSplit === "all" ? "pdf.dividendAll" : "pdf.dividendOthers")],
    [t("pdf.dividendLowers"), t(terms.dividendApplies === "next" ? "pdf.dividendNext" : "pdf.dividendSame")],
    [t("pdf.firstInstalment"), t(terms.firstInstalment === "foreman" ? "pdf.firstForeman" : "pdf.firstAuction")],
    [t("pdf.maxDiscount"), t("pdf.percentOfValue", { percent: terms.maxDiscountPercent })],
    [
      t("pdf.tax"),
      terms.taxMode === "none"
        ? t("pdf.none")
        : t("pdf.taxLine", {
            rate: terms.taxOnCommissionPercent === null ? t("pdf.taxRateInForce") : `${terms.taxOnCommissionPercent}%`,
            how: t(terms.taxMode === "deducted-from-prize" ? "pdf.taxDeductedFromPrize" : "pdf.taxChargedToMembers"),
          }),
    ],
  ];
}

function rateLines({ t }: Words, view: RateView): [string, string][] {
  const lines: [string, string][] = [];
  const perYear = (r: number) => t("pdf.perYear", { rate: formatPercent(r) });
  if (view.xirr !== null) lines.push([t("pdf.xirr"), perYear(view.xirr)]);
  else lines.push([t("pdf.xirr"), rateReasonText(t, view.reasonCode, view.rates) ?? t("rate.noRate")]);
  if (view.rates.length > 1) lines.push([t("pdf.ratesThatFit"), view.rates.map(perYear).join(", ")]);
  lines.push([
    t("pdf.npvAt", { rate: formatPercent(view.benchmarkRate) }),
    view.npv === null ? t("pdf.nothingPaidYet") : formatINR(view.npv),
  ]);
  lines.push([t("pdf.mirr"), view.mirr === null ? t("pdf.none") : perYear(view.mirr)]);
  lines.push([t("pdf.netResult"), formatINR(view.netGain)]);
  return lines;
}

function instalmentRows({ t, locale }: Words, statement: Statement): string[][] {
  return statement.report.schedule.instalments.map((row) => {
    const payments = statement.paymentsByInstalment.get(row.number) ?? [];
    return [
      String(row.number),
      formatDay(row.dueDate, locale),
      money(row.discount),
      money(row.dividend),
      `${formatINR(row.payable)}${row.estimated ? " *" : ""}`,
      formatINR(row.paid),
      payments.map((p) => formatDay(p.paidOn, locale)).join("\n") || "—",
      payments.map((p) => t(METHODS[p.method])).join("\n") || "—",
      payments.map((p) => p.reference || "—").join("\n") || "—",
      formatINR(row.balance),
      `${t(STATUS[row.status])}${row.wonByMe ? `\n${t("pdf.prizeWon")}` : ""}`,
    ];
  });
}

function appendix(doc: Pdf, { t, locale }: Words, statement: Statement): void {
  doc.addPage();
  heading(doc, t("pdf.appendix"));
  if (statement.thumbnails.length === 0) {
    paragraph(doc, t("pdf.noReceipts"), { muted: true });
    return;
  }
  paragraph(doc, t("pdf.thumbnails"), { muted: true });
  doc.moveDown(0.5);
  const perRow = 5;
  const gap = 12;
  const cell = (contentWidth(doc) - gap * (perRow - 1)) / perRow;
  const imageBox = cell * 0.8;
  const captionHeight = 46;
  statement.thumbnails.forEach(({ payment, receipt, jpeg }, i) => {
    const column = i % perRow;
    if (column === 0) ensureSpace(doc, imageBox + captionHeight + gap);
    const x = doc.page.margins.left + column * (cell + gap);
    const y = doc.y;
    if (jpeg) {
      try {
        doc.image(Buffer.from(jpeg), x, y, { fit: [cell, imageBox], align: "center", valign: "center" });
      } catch {
        noPreview(doc, t, x, y, cell, imageBox);
      }
    } else noPreview(doc, t, x, y, cell, imageBox);
    doc.rect(x, y, cell, imageBox).lineWidth(0.3).strokeColor(COLORS.rule).stroke();
    const caption = [
      t("pdf.caption", { number: payment.instalment, date: formatDay(payment.paidOn, locale) }),
      `${formatINR(payment.amount)} · ` +
        `${t(METHODS[payment.method])}${payment.reference ? ` · ${payment.reference}` : ""}`,
      `${receipt.originalName || receipt.contentType} · ${receipt.sha256.slice(0, 12)}…`,
    ].join("\n");
    doc.fontSize(7).fillColor(COLORS.text);
    write(doc, caption, x, y + imageBox + 3, { width: cell, height: captionHeight - 4, ellipsis: true });
    doc.y = column === perRow - 1 || i === statement.thumbnails.length - 1 ? y + imageBox + captionHeight + gap : y;
  });
  doc.x = doc.page.margins.left;
  if (statement.receiptsWithoutThumbnail > 0) {
    paragraph(doc, t("pdf.moreReceipts", { count: statement.receiptsWithoutThumbnail }), { muted: true });
  }
}

function noPreview(doc: Pdf, t: T, x: number, y: number, width: number, height: number): void {
  doc.rect(x, y, width, height).fill(COLORS.band);
  doc.fontSize(8).fillColor(COLORS.muted);
  write(doc, t("pdf.noPreview"), x, y + height / 2 - 5, { width, align: "center" });
}

export async function renderStatementPdf(statement: Statement): Promise<Buffer> {
  const { report, member } = statement;
  const { chit, schedule, rate } = report;
  const locale = supportedLocale(member.locale);
  const words: Words = { t: translatorFor(locale), locale };
  const { t } = words;
  const generated = formatInstant(statement.generatedAt, locale, member.timeZone);
  const doc = createPdf({
    title: t("pdf.statementTitle", { name: chit.name }),
    subject: t("pdf.statementSubject"),
    author: member.name,
    createdAt: statement.generatedAt,
    lang: locale,
  });

  title(
    doc,
    t("pdf.statementHeading", { name: chit.name }),
    t("pdf.generatedBy", { when: generated, zone: member.timeZone }),
  );
  heading(doc, t("pdf.memberAndForeman"));
  keyValues(doc, [
    [t("pdf.member"), member.name],
    [t("pdf.foreman"), chit.organizer || "—"],
    [t("pdf.email"), member.email],
    [t("pdf.ticketNo"), chit.ticketNo || "—"],
    [t("pdf.phone"), member.phone ?? "—"],
    [t("pdf.status"), t(chit.status === "closed" ? "ledger.closed" : "ledger.active")],
  ]);

  heading(doc, t("pdf.termsAndSettings"));
  keyValues(doc, termLines(words, chit.terms));
  if (chit.notes) keyValues(doc, [[t("pdf.notes"), chit.notes]], 1);

  heading(doc, t("pdf.instalments"));
  table(
    doc,
    [
      { header: t("pdf.no"), width: 3, align: "right" },
      { header: t("pdf.dueDate"), width: 7 },
      { header: t("pdf.discount"), width: 8, align: "right" },
      { header: t("pdf.dividend"), width: 7, align: "right" },
      { header: t("pdf.payable"), width: 8, align: "right" },
      { header: t("pdf.paid"), width: 8, align: "right" },
      { header: t("pdf.paidOn"), width: 7 },
      { header: t("pdf.method"), width: 7 },
      { header: t("pdf.reference"), width: 12 },
      { header: t("pdf.balance"), width: 8, align: "right" },
      { header: t("pdf.status"), width: 7 },
    ],
    instalmentRows(words, statement),
  );
  paragraph(doc, t(chit.terms.dividendApplies === "next" ? "pdf.scheduleNoteNext" : "pdf.scheduleNoteSame"), {
    muted: true,
    size: 7.5,
  });
  if (schedule.totals.latenessCost > 0) {
    paragraph(
      doc,
      t("pdf.latenessCost", {
        total: formatINR(schedule.totals.latenessCost),
        penalties: formatINR(schedule.totals.penalties),
        forfeited: formatINR(schedule.totals.dividendsForfeited),
      }),
    );
  }
  const unallocated = report.payments.filter((p) => p.instalment < 1 || p.instalment > chit.terms.instalments);
  if (unallocated.length) {
    const list = unallocated.map((p) =>
      t("pdf.unallocatedItem", {
        date: formatDay(p.paidOn, locale),
        amount: formatINR(p.amount),
        number: p.instalment,
      }),
    );
    paragraph(doc, t("pdf.unallocated", { list: list.join("; ") }));
  }

  heading(doc, t("pdf.prize"));
  const won = schedule.instalments.filter((r) => r.wonByMe);
  if (won.length === 0) paragraph(doc, t("pdf.notWon"));
  else {
    table(
      doc,
      [
        { header: t("pdf.instalment"), width: 6, align: "right" },
        { header: t("pdf.auctionDate"), width: 8 },
        { header: t("pdf.discount"), width: 8, align: "right" },
        { header: t("pdf.prizeComputed"), width: 9, align: "right" },
        { header: t("pdf.prizeReceived"), width: 9, align: "right" },
        { header: t("pdf.receivedOn"), width: 8 },
      ],
      won.map((r) => [
        String(r.number),
        formatDay(r.dueDate, locale),
        money(r.discount),
        money(r.prize),
        money(r.prizeReceived),
        r.prizeReceivedOn ? formatDay(r.prizeReceivedOn, locale) : "—",
      ]),
    );
  }

  heading(doc, t("pdf.totals"));
  const totals = schedule.totals;
  keyValues(doc, [
    [
      t("pdf.totalPayable"),
      totals.estimated ? t("pdf.someEstimated", { amount: formatINR(totals.payable) }) : formatINR(totals.payable),
    ],
    [t("pdf.paid"), formatINR(totals.paid)],
    [t("pdf.balance"), formatINR(totals.balance)],
    [t("pdf.ofWhichOverdue"), formatINR(totals.overdue)],
    [t("pdf.dividendsReceived"), formatINR(totals.dividends)],
    [t("pdf.prize"), formatINR(totals.prizes)],
    [t("pdf.payments"), String(report.payments.length)],
    [t("pdf.notMatched"), formatINR(totals.unallocated)],
  ]);

  heading(doc, t("pdf.rate"));
  paragraph(doc, t("pdf.rateSoFar"), { bold: true });
  keyValues(doc, rateLines(words, rate));
  doc.moveDown(0.3);
  paragraph(
    doc,
    t(rate.projected.assumption === "average-discount" ? "pdf.rateProjectedAverage" : "pdf.rateProjectedLowest"),
    { bold: true },
  );
  keyValues(doc, rateLines(words, rate.projected));
  for (const note of rate.projected.notes) paragraph(doc, projectionNoteText(t, note), { muted: true, size: 7.5 });

  appendix(doc, words, statement);
  return finish(
    doc,
    t("pdf.statementFooter", { chit: chit.name, member: member.name, when: generated }),
    (page, pages) => t("pdf.pageOf", { page, pages }),
  );
}
