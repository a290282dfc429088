// A member's year across all chits as a PDF: totals, each chit's payments, dues, dividends and prize, month by month,
// and every payment of the year.
import type { AnnualReport } from "../../app/build-annual-report.ts";
import { formatINR } from "../../domain/money.ts";
import { formatDate, formatInstant } from "../format.ts";
import { createPdf, finish, heading, keyValues, paragraph, table, title } from "./pdf-layout.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const METHODS: Record<string, string> = { upi: "UPI", cash: "Cash", bank: "Bank transfer", cheque: "Cheque", other: "Other" };

export async function renderAnnualReportPdf(report: AnnualReport): Promise<Buffer> {
  const { member, year, totals } = report;
  const generated = formatInstant(report.generatedAt, member.timeZone);
  const doc = createPdf({ title: `Annual summary ${year}`, subject: "Chit funds: annual summary", author: member.name, createdAt: report.generatedAt });
  title(doc, `Annual summary ${year}: all chits`, `${member.name} (${member.email}) · generated on ${generated} (${member.timeZone}) by ChitFunds Ledger`);

  heading(doc, "The year in totals");
  keyValues(doc, [
    ["Paid in the year", formatINR(totals.paid)],
    ["Payments", String(totals.payments)],
    ["Due in the year", formatINR(totals.due)],
    ["Dividends on those instalments", formatINR(totals.dividends)],
    ["Still to pay on those instalments", formatINR(totals.balance)],
    ["Prize money received", formatINR(totals.prizeReceived)],
  ]);

  heading(doc, "By chit");
  if (report.chits.length === 0) paragraph(doc, `No payments, dues or prizes in ${year}.`, { muted: true });
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
      "Total",
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
        { header: "Chit", width: 14 },
        { header: "Foreman", width: 12 },
        { header: "Payments", width: 6, align: "right" },
        { header: "Paid", width: 9, align: "right" },
        { header: "Due in the year", width: 9, align: "right" },
        { header: "Dividends", width: 9, align: "right" },
        { header: "Still to pay", width: 9, align: "right" },
        { header: "Prize received", width: 9, align: "right" },
      ],
      rows,
      { boldRows: new Set([rows.length - 1]) },
    );
  }

  heading(doc, "By month");
  table(
    doc,
    [
      { header: "Month", width: 10 },
      { header: "Paid", width: 10, align: "right" },
    ],
    [...report.months.map((paise, i) => [`${MONTHS[i]} ${year}`, formatINR(paise)]), ["Total", formatINR(totals.paid)]],
    { boldRows: new Set([12]) },
  );

  heading(doc, "Every payment");
  if (report.payments.length === 0) paragraph(doc, "None.", { muted: true });
  else {
    table(
      doc,
      [
        { header: "Date", width: 8 },
        { header: "Chit", width: 16 },
        { header: "Instalment", width: 6, align: "right" },
        { header: "Amount", width: 9, align: "right" },
        { header: "Method", width: 8 },
        { header: "Reference", width: 14 },
        { header: "Receipts", width: 5, align: "right" },
      ],
      report.payments.map((p) => [
        formatDate(p.paidOn),
        p.chitName,
        String(p.instalment),
        formatINR(p.amount),
        METHODS[p.method] ?? p.method,
        p.reference || "—",
        String(p.receipts.length),
      ]),
    );
  }
  return finish(doc, `Annual summary ${year} · ${member.name} · generated ${generated}`);
}
