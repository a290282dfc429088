// Bulk import of payments, step 2: import a checked preview all-or-nothing. A preview with errors answers 409; the rows
// are checked again first, since payments may have been recorded since the preview was made.
import { randomUUID } from "node:crypto";
import type { Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { checkImportRows } from "./check-import-rows.ts";
import { AppError } from "./errors.ts";
import { findImportPreview } from "./find-import-preview.ts";
import type { PaymentImportDeps } from "./payment-import-deps.ts";

const firstError = (errors: { row: number; message: string }[]) =>
  errors[0] ? ` First: row ${errors[0].row}: ${errors[0].message}` : "";

export async function commitPaymentImport(
  deps: PaymentImportDeps,
  member: Member,
  id: string,
): Promise<{ imported: number; payments: Payment[] }> {
  const preview = await findImportPreview(deps, member, id);
  if (preview.errors.length) {
    const rows = new Set(preview.errors.map((e) => e.row)).size;
    throw new AppError(
      409,
      "import-has-errors",
      `${rows} row${rows === 1 ? " has" : "s have"} errors, so nothing was imported. Fix the ` +
        `file and upload it again.${firstError(preview.errors)}`,
    );
  }
  const checked = await checkImportRows(deps, member, preview);
  if (checked.errors.length) {
    await deps.imports.save({ ...preview, ...checked });
    throw new AppError(
      409,
      "import-has-errors",
      "The ledger changed since this preview: some rows are now duplicates or invalid, so " +
        `nothing was imported.${firstError(checked.errors)}`,
    );
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
    throw new AppError(
      404,
      "not-found",
      "This import was not found: it expired or was already imported. Upload the file again.",
    );
  }
  return { imported: payments.length, payments };
}
