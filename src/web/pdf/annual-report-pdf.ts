// A member's year across all chits as a PDF: totals, each chit's payments, dues, dividends and prize, month by month,
// and every payment of the year, in the member's language.
import type { AnnualReport } from "../../app/build-annual-report.ts";
import { formatINR } from "../../domain/money.ts";
import { formatDay, formatInstant, formatMonth } from "../../i18n/format.ts";
import { translatorFor } from "../../i18n/index.ts";
import { supportedLocale } from "../../i18n/locales.ts";
import { createPdf, finish, heading, keyValues, paragraph, table, title } from "./pdf-layout.ts";

const METHODS: Record<string, "ledger.upi" | "ledger.cash" | "ledger.bank" | "ledger.cheque" | "ledger.other"> = {
  upi: "ledger.upi",
  cash: "ledger.cash",
  bank: "ledger.bank",
  cheque: "ledger.cheque",
  other: "ledger.other",
};

export async function renderAnnualReportPdf(report: AnnualReport): Promise<Buffer> {
  const { member, year, totals } = report;
  const locale = supportedLocale(member.locale);
  const t = translatorFor(locale);
  const generated = formatInstant(report.generatedAt, locale, member.timeZone);
  const doc = createPdf({
    title: t("pdf.annualTitle", { year }),
    subject: t("pdf.annualSubject"),
    author: member.name,
    createdAt: report.generatedAt,
    lang: locale,
  });
  title(
    doc,
    t("pdf.annualHeading", { year }),
    t("pdf.annualGenerated", { member: member.name, email: member.email, when: generated, zone: member.timeZone }),
  );

  heading(doc, t("pdf.yearTotals"));
  keyValues(doc, [
    [t("pdf.paidInYear"), formatINR(totals.paid)],
    [t("pdf.payments"), String(totals.payments)],
    [t("pdf.dueInYear"), formatINR(totals.due)],
    [t("pdf.dividendsOnThose"), formatINR(totals.dividends)],
    [t("pdf.stillToPayOnThose"), formatINR(totals.balance)],
    [t("pdf.prizeMoney"), formatINR(totals.prizeReceived)],
  ]);

  heading(doc, t("pdf.byChit"));
  if (report.chits.length === 0) paragraph(doc, t("pdf.nothingInYear", { year }), { muted: true });
  else {
    const rows = report.chits.map((l) => [
      l.chit.name,
      l.chit.organizer || "—",
      String(l.payments),
      formatINR(l.paid),
      formatINR(l.due),
      formatINR(l.dividends),
      formatINR(l.balance),
      formatINR(l.prizeReceived),
    ]);
    rows.push([
      t("pdf.total"),
      "",
      String(totals.payments),
      formatINR(totals.paid),
      formatINR(totals.due),
      formatINR(totals.dividends),
      formatINR(totals.balance),
      formatINR(totals.prizeReceived),
    ]);
    table(
      doc,
      [
        { header: t("pdf.chit"), width: 14 },
        { header: t("pdf.foreman"), width: 12 },
        { header: t("pdf.payments"), width: 6, align: "right" },
        { header: t("pdf.paid"), width: 9, align: "right" },
        { header: t("pdf.dueInYear"), width: 9, align: "right" },
        { header: t("pdf.dividends"), width: 9, align: "right" },
        { header: t("pdf.stillToPay"), width: 9, align: "right" },
        { header: t("pdf.prizeReceived"), width: 9, align: "right" },
      ],
      rows,
      { boldRows: new Set([rows.length - 1]) },
    );
  }

  heading(doc, t("pdf.byMonth"));
  table(
    doc,
    [
      { header: t("pdf.month"), width: 10 },
      { header: t("pdf.paid"), width: 10, align: "right" },
    ],
    [
      ...report.months.map((paise, i) => [
        formatMonth(`${year}-${String(i + 1).padStart(2, "0")}`, locale),
        formatINR(paise),
      ]),
      [t("pdf.total"), formatINR(totals.paid)],
    ],
    { boldRows: new Set([12]) },
  );

  heading(doc, t("pdf.everyPayment"));
  if (report.payments.length === 0) paragraph(doc, t("pdf.noneYet"), { muted: true });
  else {
    table(
      doc,
      [
        { header: t("pdf.date"), width: 8 },
        { header: t("pdf.chit"), width: 16 },
        { header: t("pdf.instalment"), width: 6, align: "right" },
        { header: t("pdf.amount"), width: 9, align: "right" },
        { header: t("pdf.method"), width: 8 },
        { header: t("pdf.reference"), width: 14 },
        { header: t("pdf.receipts"), width: 5, align: "right" },
      ],
      report.payments.map((p) => [
        formatDay(p.paidOn, locale),
        p.chitName,
        String(p.instalment),
        formatINR(p.amount),
        METHODS[p.method] ? t(METHODS[p.method]!) : p.method,
        p.reference || "—",
        String(p.receipts.length),
      ]),
    );
  }
  return finish(doc, t("pdf.annualFooter", { year, member: member.name, when: generated }), (page, pages) =>
    t("pdf.pageOf", { page, pages }),
  );
}
