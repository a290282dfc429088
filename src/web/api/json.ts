// Records -> API JSON: money in rupees (numbers with at most 2 decimals), dates as YYYY-MM-DD, stable field names.

import type { ChitReport } from "../../app/build-chit-report.ts";
import type { ChitCard, DueItem, Summary } from "../../app/build-summary.ts";
import type { ChitRate } from "../../app/chit-rate.ts";
import type { PaymentRow } from "../../app/find-payments.ts";
import type { PaymentWarning } from "../../app/flag-duplicates.ts";
import type { InstalmentRecord } from "../../domain/chit.ts";
import { type Paise, paiseToRupees } from "../../domain/money.ts";
import type { ScheduleRow, ScheduleTotals } from "../../domain/schedule.ts";
import { translatorFor } from "../../i18n/index.ts";
import { projectionNoteText } from "../../i18n/rate-words.ts";
import type { Chit, Notification, Payment, Receipt } from "../../ports/ledger.ts";

export const rupees = paiseToRupees;
const maybeRupees = (paise: Paise | null | undefined) => (paise == null ? null : rupees(paise));

export function chitJson(chit: Chit) {
  const t = chit.terms;
  return {
    id: chit.id,
    name: chit.name,
    organizer: chit.organizer,
    ticketNo: chit.ticketNo,
    chitValue: rupees(t.chitValue),
    members: t.members,
    startDate: t.startDate,
    dueDay: t.dueDay,
    frequency: t.frequency,
    commissionPercent: t.commissionPercent,
    commissionMode: t.commissionMode,
    bidIncludesCommission: t.bidIncludesCommission,
    dividendSplit: t.dividendSplit,
    dividendApplies: t.dividendApplies,
    firstInstalment: t.firstInstalment,
    maxDiscountPercent: t.maxDiscountPercent,
    taxOnCommissionPercent: t.taxOnCommissionPercent,
    taxDeductedFromPrize: t.taxDeductedFromPrize,
    notes: chit.notes,
    status: chit.status,
    prized: chit.instalments.some((r) => r.wonByMe === true),
    instalments: chit.instalments.map(instalmentRecordJson),
    createdAt: chit.createdAt.toISOString(),
    updatedAt: chit.updatedAt.toISOString(),
  };
}

export function instalmentRecordJson(r: InstalmentRecord) {
  return {
    number: r.number,
    discount: maybeRupees(r.discount),
    payableOverride: maybeRupees(r.payableOverride),
    wonByMe: r.wonByMe === true,
    prizeReceived: maybeRupees(r.prizeReceived),
    prizeReceivedOn: r.prizeReceivedOn ?? null,
  };
}

function dueJson(d: DueItem) {
  return { ...d, payable: rupees(d.payable), balance: rupees(d.balance) };
}

/** The small per-chit summary in GET /chits: progress against the total payable (not the chit value). */
export function chitProgressJson(card: ChitCard) {
  return {
    paid: rupees(card.paid),
    totalPayable: rupees(card.totalPayable),
    balance: rupees(card.balance),
    overdue: rupees(card.overdue),
    paidInstalments: card.paidInstalments,
    next: card.next ? dueJson(card.next) : null,
  };
}

export function scheduleRowJson(row: ScheduleRow) {
  return {
    number: row.number,
    dueDate: row.dueDate,
    discount: maybeRupees(row.discount),
    dividend: maybeRupees(row.dividend),
    dividendApplied: maybeRupees(row.dividendApplied),
    payable: rupees(row.payable),
    prize: maybeRupees(row.prize),
    commission: rupees(row.commission),
    paid: rupees(row.paid),
    balance: rupees(row.balance),
    status: row.status,
    estimated: row.estimated,
    wonByMe: row.wonByMe,
    prizeReceived: maybeRupees(row.prizeReceived),
    prizeReceivedOn: row.prizeReceivedOn,
  };
}

function totalsJson(t: ScheduleTotals) {
  return {
    payable: rupees(t.payable),
    paid: rupees(t.paid),
    balance: rupees(t.balance),
    dividends: rupees(t.dividends),
    overdue: rupees(t.overdue),
    prizes: rupees(t.prizes),
    unallocated: rupees(t.unallocated),
    estimated: t.estimated,
  };
}

const english = translatorFor("en");

/** chit-rate.ts already speaks rupees and fractions a year; the API gives reasons and notes in English. */
export function rateJson(rate: ChitRate) {
  const view = (v: Omit<ChitRate["projected"], "assumption" | "notes">) => ({
    xirr: v.xirr,
    reason: v.reason,
    rates: v.rates,
    npv: v.npv,
    mirr: v.mirr,
    netGain: v.netGain,
    benchmarkRate: v.benchmarkRate,
  });
  return {
    ...view(rate),
    projected: { ...view(rate.projected), assumption: rate.projected.assumption, notes: rate.projected.notes.map((note) => projectionNoteText(english, note)) },
  };
}

export function scheduleJson(report: ChitReport) {
  return {
    chitId: report.chit.id,
    today: report.today,
    instalments: report.schedule.instalments.map(scheduleRowJson),
    totals: totalsJson(report.schedule.totals),
    rate: rateJson(report.rate),
  };
}

export function receiptJson(r: Receipt) {
  return {
    id: r.id,
    paymentId: r.paymentId,
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    originalName: r.originalName,
    url: `/api/v1/receipts/${r.id}`,
    thumbnailUrl: `/api/v1/receipts/${r.id}/thumbnail`,
    createdAt: r.createdAt.toISOString(),
  };
}

export function paymentJson(p: Payment | PaymentRow) {
  return {
    id: p.id,
    chitId: p.chitId,
    ...("chitName" in p ? { chitName: p.chitName, instalmentStatus: p.instalmentStatus } : {}),
    instalment: p.instalment,
    amount: rupees(p.amount),
    paidOn: p.paidOn,
    method: p.method,
    reference: p.reference,
    notes: p.notes,
    receipts: p.receipts.map(receiptJson),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function paymentResultJson(result: { payment: Payment; warnings: PaymentWarning[] }) {
  return { payment: paymentJson(result.payment), warnings: result.warnings };
}

export function notificationJson(n: Notification) {
  return {
    id: n.id,
    kind: n.kind,
    message: n.message,
    link: n.link,
    read: n.readAt !== null,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

export function summaryJson(s: Summary) {
  return {
    today: s.today,
    currency: "INR",
    totals: Object.fromEntries(Object.entries(s.totals).map(([k, v]) => [k, rupees(v)])),
    upcoming: s.upcoming.map(dueJson),
    overdue: s.overdue.map(dueJson),
    chits: s.chits.map((c) => ({
      ...c,
      paid: rupees(c.paid),
      totalPayable: rupees(c.totalPayable),
      balance: rupees(c.balance),
      overdue: rupees(c.overdue),
      next: c.next ? dueJson(c.next) : null,
    })),
  };
}
