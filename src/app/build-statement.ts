// Everything a chit's PDF statement shows: the member, the chit's terms, the schedule with each instalment's payments,
// totals, the rate, and the receipts' thumbnails for the appendix.
import type { Payment, Receipt } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { buildChitReport, type ChitReport } from "./build-chit-report.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

/** Enough for years of monthly receipts; a statement with more lists the rest without pictures. */
export const MAX_STATEMENT_THUMBNAILS = 300;

export type StatementThumbnail = { payment: Payment; receipt: Receipt; jpeg: Uint8Array | null };

export type Statement = {
  report: ChitReport;
  member: Member;
  generatedAt: Date;
  paymentsByInstalment: Map<number, Payment[]>;
  thumbnails: StatementThumbnail[];
  /** Receipts listed without a picture because the statement already has MAX_STATEMENT_THUMBNAILS. */
  receiptsWithoutThumbnail: number;
};

const isJpeg = (bytes: Uint8Array | null) =>
  bytes !== null && bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

export async function buildStatement(
  deps: Pick<LedgerDeps, "chits" | "payments" | "files" | "clock">,
  member: Member,
  chitId: string,
): Promise<Statement> {
  const report = await buildChitReport(deps, member, chitId);
  // A statement lists every payment: the one place the chit's whole history is read.
  const all = await deps.payments.listForChit(member.id, report.chit.id);
  const paymentsByInstalment = new Map<number, Payment[]>();
  for (const p of all) paymentsByInstalment.set(p.instalment, [...(paymentsByInstalment.get(p.instalment) ?? []), p]);
  const receipts = all.flatMap((payment) => payment.receipts.map((receipt) => ({ payment, receipt })));
  const thumbnails: StatementThumbnail[] = [];
  for (const { payment, receipt } of receipts.slice(0, MAX_STATEMENT_THUMBNAILS)) {
    const bytes = await deps.files.get(receipt.thumbnailKey);
    thumbnails.push({ payment, receipt, jpeg: isJpeg(bytes) ? bytes : null });
  }
  return {
    report,
    member,
    generatedAt: deps.clock.now(),
    paymentsByInstalment,
    thumbnails,
    receiptsWithoutThumbnail: Math.max(0, receipts.length - MAX_STATEMENT_THUMBNAILS),
  };
}
