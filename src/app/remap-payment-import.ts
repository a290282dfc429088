// Bulk import of payments, step 1b: the member chose other columns (or a default chit) for a file already uploaded.
import type { ImportPreview } from "../ports/import-repository.ts";
import type { Member } from "../ports/member-repository.ts";
import { checkImportRows } from "./check-import-rows.ts";
import { findImportPreview } from "./find-import-preview.ts";
import { parseMapping, resolveDefaultChit } from "./import-choices.ts";
import type { PaymentImportDeps } from "./payment-import-deps.ts";

/** Checks the stored file again with another column mapping (or default chit), keeping the same preview id. */
export async function remapPaymentImport(
  deps: PaymentImportDeps,
  member: Member,
  id: string,
  input: { mapping?: unknown; chit?: unknown },
): Promise<ImportPreview> {
  const preview = await findImportPreview(deps, member, id);
  const mapping = parseMapping(input.mapping);
  const defaultChitId = await resolveDefaultChit(deps, member, input.chit);
  const checked = await checkImportRows(deps, member, { source: preview.source, mapping, defaultChitId });
  const updated = { ...preview, mapping, defaultChitId, ...checked };
  await deps.imports.save(updated);
  return updated;
}
