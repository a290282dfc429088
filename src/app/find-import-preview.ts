// Bulk import of payments: the member's stored preview, by id.
import type { ImportPreview } from "../ports/import-repository.ts";
import type { Member } from "../ports/member-repository.ts";
import { AppError } from "./errors.ts";
import type { PaymentImportDeps } from "./payment-import-deps.ts";

/** The member's preview, or 404 when it expired, was committed, or is another member's. */
export async function findImportPreview(
  deps: Pick<PaymentImportDeps, "imports" | "clock">,
  member: Member,
  id: string,
): Promise<ImportPreview> {
  const preview = await deps.imports.get(member.id, id, deps.clock.now());
  if (!preview)
    throw new AppError(
      404,
      "not-found",
      "This import was not found: it expired, was already imported, or is not yours. Upload the file again.",
    );
  return preview;
}
