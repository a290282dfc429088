// The ports the ledger's use cases work with; composed once in compose.ts.
import type { Clock } from "../ports/clock.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { ReceiptProcessor } from "../ports/receipt-processor.ts";
import type { SummaryCache } from "./summary-cache.ts";

export type LedgerDeps = {
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  files: FileStore;
  receiptProcessor: ReceiptProcessor;
  clock: Clock;
  receiptMaxBytes: number;
  /** Members' latest summaries (see summary-cache.ts); without it every summary is worked out afresh. */
  summaries?: SummaryCache;
};
