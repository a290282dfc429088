// Previews of payment imports from CSV, kept in the database (not memory) so any instance can commit them; they expire.
import type { ColumnMapping, ImportProblem } from "../domain/payment-import.ts";
import type { Payment, PaymentMethod } from "./ledger.ts";

/** One row as it would be imported; `row` is its line in the spreadsheet (the header is row 1). */
export type ImportRow = {
  row: number;
  chitId: string | null;
  chitName: string;
  instalment: number | null;
  amount: number | null;
  paidOn: string | null;
  method: PaymentMethod;
  reference: string;
  notes: string;
};

export type ImportError = ImportProblem & { row: number };

export type ImportPreview = {
  id: string;
  ownerId: string;
  fileName: string;
  createdAt: Date;
  expiresAt: Date;
  /**
   * The file as read: its header and cells, kept so the member can change the column mapping without uploading again.
   */
  source: { encoding: string; delimiter: string; headers: string[]; cells: string[][] };
  mapping: ColumnMapping;
  /** A chit for rows that name none (the file has no chit column). */
  defaultChitId: string | null;
  rows: ImportRow[];
  errors: ImportError[];
};

export interface ImportRepository {
  save(preview: ImportPreview): Promise<void>;
  /** The member's preview unless it expired. */
  get(ownerId: string, id: string, now: Date): Promise<ImportPreview | null>;
  /**
   * Stores every payment and removes the preview, together: all or nothing. False when the preview was already gone.
   */
  commit(preview: ImportPreview, payments: Payment[]): Promise<boolean>;
  deleteExpired(now: Date): Promise<number>;
}
