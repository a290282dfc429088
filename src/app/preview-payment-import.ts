// Bulk import of payments, step 1: read the member's CSV, match its columns, check every row and keep the result as a
// preview in the database (24 hours), so that any instance can commit it.
import { randomUUID } from "node:crypto";
import { importWords } from "../domain/payment-import.ts";
import type { ImportPreview } from "../ports/import-repository.ts";
import type { Member } from "../ports/member-repository.ts";
import { checkImportRows } from "./check-import-rows.ts";
import { AppError } from "./errors.ts";
import { parseMapping, resolveDefaultChit } from "./import-choices.ts";
import type { PaymentImportDeps } from "./payment-import-deps.ts";
import { readImportFile } from "./read-import-file.ts";

export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

/** Reads the file, checks every row and stores the preview (with its errors, if any) for 24 hours. */
export async function previewPaymentImport(
  deps: PaymentImportDeps,
  member: Member,
  input: {
    fileName: string;
    bytes: Uint8Array;
    mapping?: unknown;
    chit?: unknown /** Refuse (400) a file whose columns do not match, instead of keeping it for mapping. */;
    strictColumns?: boolean;
  },
): Promise<ImportPreview> {
  const source = readImportFile(deps.csv, input.bytes);
  const mapping = parseMapping(input.mapping);
  const defaultChitId = await resolveDefaultChit(deps, member, input.chit);
  const now = deps.clock.now();
  await deps.imports.deleteExpired(now);
  const { rows, errors } = await checkImportRows(deps, member, { source, mapping, defaultChitId });
  if (input.strictColumns && rows.length === 0 && errors.length) {
    throw new AppError(
      400,
      "missing-columns",
      importWords("columnsDoNotMatch", { problem: errors[0]!.words }),
      Object.fromEntries(errors.map((e) => [e.field, e.words])),
    );
  }
  const preview: ImportPreview = {
    id: randomUUID(),
    ownerId: member.id,
    fileName: input.fileName.slice(0, 200),
    createdAt: now,
    expiresAt: new Date(now.getTime() + PREVIEW_TTL_MS),
    source,
    mapping,
    defaultChitId,
    rows,
    errors,
  };
  await deps.imports.save(preview);
  return preview;
}
