// Bulk import of payments, step 2: import a checked preview all-or-nothing. A preview with errors answers 409; the rows
// are checked again first, since payments may have been recorded since the preview was made.
import { randomUUID } from "node:crypto";
import { importWords } from "../domain/payment-import.ts";
import type { ImportError } from "../ports/import-repository.ts";
import type { Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { checkImportRows } from "./check-import-rows.ts";
import { AppError } from "./errors.ts";
import { findImportPreview } from "./find-import-preview.ts";
import type { PaymentImportDeps } from "./payment-import-deps.ts";

/** Why nothing was imported, with the first row's problem. */
const hasErrors = (name: string, errors: ImportError[]) =>
  new AppError(
    409,
    "import-has-errors",
    importWords(name, {
      count: new Set(errors.map((e) => e.row)).size,
      row: errors[0]?.row ?? 0,
      problem: errors[0]?.words ?? importWords("none"),
    }),
  );

export async function commitPaymentImport(
  deps: PaymentImportDeps,
  member: Member,
  id: string,
): Promise<{ imported: number; payments: Payment[] }> {
  const preview = await findImportPreview(deps, member, id);
  if (preview.errors.length) throw hasErrors("rowsHaveErrors", preview.errors);
  const checked = await checkImportRows(deps, member, preview);
  if (checked.errors.length) {
    await deps.imports.save({ ...preview, ...checked });
    throw hasErrors("ledgerChanged", checked.errors);
  }
  const now = deps.clock.now();
  const payments: Payment[] = checked.rows.map((r) => ({
    id: randomUUID(),
    ownerId: member.id,
    chitId: r.chitId!,
    instalment: r.instalment!,
    amount: r.amount!,
    paidOn: r.paidOn!,
    method: r.method,
    reference: r.reference,
    notes: r.notes,
    createdAt: now,
    updatedAt: now,
    receipts: [],
  }));
  if (!(await deps.imports.commit(preview, payments))) {
    throw new AppError(404, "not-found", importWords("importGone"));
  }
  return { imported: payments.length, payments };
}
