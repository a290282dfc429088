// The ports the ledger's use cases work with; composed once in compose.ts.
import type { Cache } from "../ports/cache.ts";
import type { Clock } from "../ports/clock.ts";
import type { CsvCodec } from "../ports/csv-codec.ts";
import type { FileStore } from "../ports/file-store.ts";
import type { IdempotencyStore } from "../ports/idempotency-store.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { ReceiptProcessor } from "../ports/receipt-processor.ts";
import type { CachedSummary } from "./build-summary.ts";

export type LedgerDeps = {
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  files: FileStore;
  receiptProcessor: ReceiptProcessor;
  clock: Clock;
  /** Reads members' CSV files and writes the exports. */
  csv: CsvCodec;
  receiptMaxBytes: number;
  /** Members' summaries as last built by this instance (build-summary.ts checks each against the store). */
  summaries: Cache<CachedSummary>;
  /** Finds the first result of a retried or double-submitted payment. */
  idempotency: IdempotencyStore;
};
