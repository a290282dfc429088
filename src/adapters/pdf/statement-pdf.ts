// A chit's statement as a PDF fit to hand to the foreman, an accountant or the Registrar: member, foreman, terms and
// settings, every instalment with its payments, prize, totals, the rate, and the receipts' thumbnails in an appendix.

import type { Statement } from "../../app/build-statement.ts";
import type { RateView } from "../../app/chit-rate.ts";
import type { ChitTerms } from "../../domain/chit.ts";
import { daysPerPeriod } from "../../domain/dates.ts";
import { formatINR } from "../../domain/money.ts";
import type { ScheduleRow } from "../../domain/schedule.ts";
import type { Payment } from "../../ports/ledger.ts";
import { formatDate, formatInstant, formatPercent, formatRupees } from "../../web/format.ts";
import { COLORS, contentWidth, createPdf, ensureSpace, finish, heading, keyValues, type Pdf, paragraph, table, title } from "./pdf-layout.ts";

const METHODS: Record<Payment["method"], string> = { upi: "UPI", cash: "Cash", bank: "Bank transfer", cheque: "Cheque", other: "Other" };
const STATUS: Record<ScheduleRow["status"], string> = { paid: "Paid", "part-paid": "Part paid", due: "Due", overdue: "Overdue", upcoming: "Upcoming" };

const money = (paise: number | null) => (paise === null ? "—" : formatINR(paise));

const FREQUENCY_WORDS: Record<ChitTerms["frequency"], string> = {
  daily: "Daily",
  weekly: "Weekly",
  fortnightly: "Fortnightly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  "half-yearly": "Half-yearly",
};

export function termLines(terms: ChitTerms): [string, string][] {
  return [
    ["Chit value", formatINR(terms.chitValue)],
    ["Members / instalments", terms.instalments === terms.members ? String(terms.members) : `${terms.members} / ${terms.instalments}`],
    ["Prizes at each auction", String(terms.prizesPerAuction)],
    ["Frequency", FREQUENCY_WORDS[terms.frequency]],
    ["Start date", formatDate(terms.startDate)],
    [
      "Due day",
      daysPerPeriod(terms.frequency) > 0
        ? `Every ${daysPerPeriod(terms.frequency)} day(s) from the start date`
        : `Day ${terms.dueDay} of the month (or its last day)`,
    ],
    ["Figures", terms.rounding === "rupee" ? `Whole rupees (dividend rounded ${terms.dividendRounding})` : "To the paisa"],
    [
      "Late payment",
      [
        terms.lateRule === "interest"
          ? `${terms.latePenaltyPercent}% a year penalty interest`
          : terms.lateRule === "fixed-fee"
            ? `fee of ${formatINR(terms.lateFee)}`
            : "no penalty",
        terms.lateForfeitsDividend ? "dividend forfeited" : "",
      ]
        .filter(Boolean)
        .join("; "),
    ],
    ["Foreman's commission", `${terms.commissionPercent}% of the chit value`],
    ["Commission paid", terms.commissionMode === "from-discount" ? "Out of the winner's discount" : "On top of each instalment"],
    ["Bid quoted", terms.bidIncludesCommission ? "Includes the commission" : "Excludes the commission (taken in addition)"],
    ["Dividend shared by", terms.dividendSplit === "all" ? "All tickets, the winner's included" : "The tickets that did not win"],
    ["Dividend lowers", terms.dividendApplies === "next" ? "The next instalment" : "The same instalment"],
    ["First instalment", terms.firstInstalment === "foreman" ? "Taken whole by the foreman" : "Auctioned like the rest"],
    ["Maximum discount", `${terms.maxDiscountPercent}% of the chit value`],
    [
      "Tax on commission",
      terms.taxMode === "none"
        ? "None"
        : `${terms.taxOnCommissionPercent === null ? "rate in force on each auction date" : `${terms.taxOnCommissionPercent}%`}, ${terms.taxMode === "deducted-from-prize" ? "deducted from the prize" : "charged to members"}`,
    ],
  ];
}

function rateLines(view: RateView): [string, string][] {
  const lines: [string, string][] = [];
  if (view.xirr !== null) lines.push(["Rate (XIRR)", `${formatPercent(view.xirr)} a year`]);
  else lines.push(["Rate (XIRR)", view.reason ?? "No rate."]);
  if (view.rates.length > 1) lines.push(["Rates that fit", view.rates.map((r) => `${formatPercent(r)} a year`).join(", ")]);
  lines.push([`NPV at ${formatPercent(view.benchmarkRate)} a year`, view.npv === null ? "Nothing paid yet" : formatRupees(view.npv)]);
  lines.push(["MIRR", view.mirr === null ? "None" : `${formatPercent(view.mirr)} a year`]);
  lines.push(["Net result (received − paid)", formatRupees(view.netGain)]);
  return lines;
}

function instalmentRows(statement: Statement): string[][] {
  return statement.report.schedule.instalments.map((row) => {
    const payments = statement.paymentsByInstalment.get(row.number) ?? [];
    return [
      String(row.number),
      formatDate(row.dueDate),
      money(row.discount),
      money(row.dividend),
      `${formatINR(row.payable)}${row.estimated ? " *" : ""}`,
      formatINR(row.paid),
      payments.map((p) => formatDate(p.paidOn)).join("\n") || "—",
      payments.map((p) => METHODS[p.method]).join("\n") || "—",
      payments.map((p) => p.reference || "—").join("\n") || "—",
      formatINR(row.balance),
      `${STATUS[row.status]}${row.wonByMe ? "\nPrize won" : ""}`,
    ];
  });
}

function appendix(doc: Pdf, statement: Statement): void {
  doc.addPage();
  heading(doc, "Appendix: receipts");
  if (statement.thumbnails.length === 0) {
    paragraph(doc, "No receipts are attached to this chit's payments.", { muted: true });
    return;
  }
  paragraph(doc, "Thumbnails of the receipts kept with each payment. The full files are in the ledger; their SHA-256 fingerprints identify them.", {
    muted: true,
  });
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
        noPreview(doc, x, y, cell, imageBox);
      }
    } else noPreview(doc, x, y, cell, imageBox);
    doc.rect(x, y, cell, imageBox).lineWidth(0.3).strokeColor(COLORS.rule).stroke();
    const caption = [
      `Instalment ${payment.instalment} · ${formatDate(payment.paidOn)}`,
      `${formatINR(payment.amount)} · ${METHODS[payment.method]}${payment.reference ? ` · ${payment.reference}` : ""}`,
      `${receipt.originalName || receipt.contentType} · ${receipt.sha256.slice(0, 12)}…`,
    ].join("\n");
    doc
      .font("Sans")
      .fontSize(7)
      .fillColor(COLORS.text)
      .text(caption, x, y + imageBox + 3, { width: cell, height: captionHeight - 4, ellipsis: true });
    doc.y = column === perRow - 1 || i === statement.thumbnails.length - 1 ? y + imageBox + captionHeight + gap : y;
  });
  doc.x = doc.page.margins.left;
  if (statement.receiptsWithoutThumbnail > 0) {
    paragraph(doc, `${statement.receiptsWithoutThumbnail} more receipt(s) are kept in the ledger but not pictured here.`, { muted: true });
  }
}

function noPreview(doc: Pdf, x: number, y: number, width: number, height: number): void {
  doc.rect(x, y, width, height).fill(COLORS.band);
  doc
    .font("Sans")
    .fontSize(8)
    .fillColor(COLORS.muted)
    .text("No preview", x, y + height / 2 - 5, { width, align: "center" });
}

export async function renderStatementPdf(statement: Statement): Promise<Buffer> {
  const { report, member } = statement;
  const { chit, schedule, rate } = report;
  const generated = formatInstant(statement.generatedAt, member.timeZone);
  const doc = createPdf({ title: `Statement: ${chit.name}`, subject: "Chit statement", author: member.name, createdAt: statement.generatedAt });

  title(doc, `Chit statement: ${chit.name}`, `Generated on ${generated} (${member.timeZone}) by ChitFunds Ledger from the member's own records.`);
  heading(doc, "Member and foreman");
  keyValues(doc, [
    ["Member", member.name],
    ["Foreman", chit.organizer || "—"],
    ["Email", member.email],
    ["Ticket number", chit.ticketNo || "—"],
    ["Phone", member.phone ?? "—"],
    ["Status", chit.status === "closed" ? "Closed" : "Active"],
  ]);

  heading(doc, "Terms and settings");
  keyValues(doc, termLines(chit.terms));
  if (chit.notes) keyValues(doc, [["Notes", chit.notes]], 1);

  heading(doc, "Instalments");
  table(
    doc,
    [
      { header: "No.", width: 3, align: "right" },
      { header: "Due date", width: 7 },
      { header: "Discount", width: 8, align: "right" },
      { header: "Dividend", width: 7, align: "right" },
      { header: "Payable", width: 8, align: "right" },
      { header: "Paid", width: 8, align: "right" },
      { header: "Paid on", width: 7 },
      { header: "Method", width: 7 },
      { header: "Reference", width: 12 },
      { header: "Balance", width: 8, align: "right" },
      { header: "Status", width: 7 },
    ],
    instalmentRows(statement),
  );
  paragraph(
    doc,
    `Discount: the winning bid at that auction. Dividend: each ticket's share of it, which ${chit.terms.dividendApplies === "next" ? "lowers the next" : "lowers the same"} instalment. * Estimated: the payable assumes no dividend until that auction is recorded.`,
    { muted: true, size: 7.5 },
  );
  if (schedule.totals.latenessCost > 0) {
    paragraph(
      doc,
      `What lateness has cost so far: ${formatINR(schedule.totals.latenessCost)} (${formatINR(schedule.totals.penalties)} in penalties, ${formatINR(schedule.totals.dividendsForfeited)} in dividends lost).`,
    );
  }
  const unallocated = report.payments.filter((p) => p.instalment < 1 || p.instalment > chit.terms.instalments);
  if (unallocated.length) {
    paragraph(
      doc,
      `Payments naming an instalment this chit does not have: ${unallocated.map((p) => `${formatDate(p.paidOn)} ${formatINR(p.amount)} (instalment ${p.instalment})`).join("; ")}.`,
    );
  }

  heading(doc, "Prize");
  const won = schedule.instalments.filter((r) => r.wonByMe);
  if (won.length === 0) paragraph(doc, "The member has not won this chit's prize (no instalment is marked as won by the member).");
  else {
    table(
      doc,
      [
        { header: "Instalment", width: 6, align: "right" },
        { header: "Auction date", width: 8 },
        { header: "Discount", width: 8, align: "right" },
        { header: "Prize (computed)", width: 9, align: "right" },
        { header: "Prize received", width: 9, align: "right" },
        { header: "Received on", width: 8 },
      ],
      won.map((r) => [
        String(r.number),
        formatDate(r.dueDate),
        money(r.discount),
        money(r.prize),
        money(r.prizeReceived),
        r.prizeReceivedOn ? formatDate(r.prizeReceivedOn) : "—",
      ]),
    );
  }

  heading(doc, "Totals");
  const t = schedule.totals;
  keyValues(doc, [
    ["Total payable", `${formatINR(t.payable)}${t.estimated ? " (some estimated)" : ""}`],
    ["Paid", formatINR(t.paid)],
    ["Balance", formatINR(t.balance)],
    ["Of which overdue", formatINR(t.overdue)],
    ["Dividends received", formatINR(t.dividends)],
    ["Prize", formatINR(t.prizes)],
    ["Payments", String(report.payments.length)],
    ["Not matched to an instalment", formatINR(t.unallocated)],
  ]);

  heading(doc, "Rate");
  paragraph(doc, "On the payments and prize so far:", { bold: true });
  keyValues(doc, rateLines(rate));
  doc.moveDown(0.3);
  paragraph(
    doc,
    `Projected to the chit's end (${rate.projected.assumption === "average-discount" ? "future auctions at the average discount so far" : "no more dividends"}):`,
    {
      bold: true,
    },
  );
  keyValues(doc, rateLines(rate.projected));
  for (const note of rate.projected.notes) paragraph(doc, note, { muted: true, size: 7.5 });

  appendix(doc, statement);
  return finish(doc, `${chit.name} · ${member.name} · generated ${generated}`);
}
