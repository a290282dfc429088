// Bulk import of payments, the member's choices: which column of the file holds each field (the `mapping`), and the
// chit for rows that name none; both checked before any row is.
import { z } from "zod";
import { type ColumnMapping, IMPORT_FIELDS, type ImportField } from "../domain/payment-import.ts";
import type { Chit } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { AppError } from "./errors.ts";
import type { PaymentImportDeps } from "./payment-import-deps.ts";

const mappingSchema = z
  .object(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().max(200).optional()])) as Record<
      ImportField,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();

/** The `mapping` field: a JSON object naming a column of the file for each field. */
export function parseMapping(raw: unknown): ColumnMapping {
  if (raw === undefined || raw === null || raw === "") return {};
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
  }
  const parsed = mappingSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      400,
      "invalid-mapping",
      `mapping must be a JSON object from ${IMPORT_FIELDS.join(", ")} to column names of the ` +
        `file, e.g. {"date": "Paid on", "amount": "Rs"}.`,
      {
        mapping: "Not a valid column mapping.",
      },
    );
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v && v.trim() !== "")) as ColumnMapping;
}

export type ChitFinder = (text: string) => { chit: Chit } | { error: string };

export function chitFinder(chits: Chit[]): ChitFinder {
  const byId = new Map(chits.map((c) => [c.id, c]));
  const byName = new Map<string, Chit[]>();
  for (const c of chits)
    byName.set(c.name.trim().toLowerCase(), [...(byName.get(c.name.trim().toLowerCase()) ?? []), c]);
  const names = chits.map((c) => `"${c.name}"`).join(", ") || "none yet";
  return (text) => {
    const value = text.trim();
    const chit = byId.get(value);
    if (chit) return { chit };
    const named = byName.get(value.toLowerCase()) ?? [];
    if (named.length === 1) return { chit: named[0]! };
    if (named.length > 1)
      return { error: `${named.length} of your chits are named "${value}": use the chit's id instead.` };
    return { error: `No chit of yours is named "${value}". Your chits: ${names}.` };
  };
}

export async function resolveDefaultChit(
  deps: Pick<PaymentImportDeps, "chits">,
  member: Member,
  text: unknown,
): Promise<string | null> {
  if (typeof text !== "string" || text.trim() === "") return null;
  const found = chitFinder(await deps.chits.list(member.id))(text);
  if ("error" in found) throw new AppError(400, "invalid-input", found.error, { chit: found.error });
  return found.chit.id;
}
