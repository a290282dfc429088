// The ports the ledger's use cases work with; composed once in compose.ts.
import type { Clock } from "../ports/clock.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { IdempotencyStore } from "../ports/idempotency-store.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { ReceiptProcessor } from "../ports/receipt-processor.ts";

export type LedgerDeps = {
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  files: FileStore;
  receiptProcessor: ReceiptProcessor;
  clock: Clock;
  receiptMaxBytes: number;
  /** Finds the first result of a retried or double-submitted payment. */
  idempotency: IdempotencyStore;
};
