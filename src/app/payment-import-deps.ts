// What the payment import's use cases work with (read file, check rows, preview, remap, commit); composed once.
import type { Clock } from "../ports/clock.ts";
import type { CsvCodec } from "../ports/csv-codec.ts";
import type { ImportRepository } from "../ports/import-repository.ts";
import type { ChitRepository, PaymentRepository } from "../ports/ledger.ts";

export type PaymentImportDeps = {
  chits: ChitRepository;
  payments: PaymentRepository;
  imports: ImportRepository;
  clock: Clock;
  csv: CsvCodec;
};
