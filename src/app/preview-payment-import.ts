// Bulk import of payments, step 1: read the member's CSV (any common encoding and delimiter), match its columns,
// check every row (dates, amounts, chit, instalment, duplicates against the ledger and within the file) and keep the
// result as a preview in the database, so that any instance can commit it.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type CsvDelimiter, CsvError, decodeCsvBytes, delimiterName, detectDelimiter, parseCsv } from "../domain/csv.ts";
import { compareDates, todayIn } from "../domain/dates.ts";
import { formatINR } from "../domain/money.ts";
import {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportProblem,
  matchColumns,
  parseImportAmount,
  parseImportDate,
  parseImportInstalment,
  parseImportMethod,
} from "../domain/payment-import.ts";
import { tryScheduleFor } from "../domain/schedule-outcome.ts";
import type { Clock } from "../ports/clock.ts";
import type { ImportError, ImportPreview, ImportRepository, ImportRow } from "../ports/import-repository.ts";
import type { Chit, ChitRepository, Payment, PaymentRepository } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { AppError } from "./errors.ts";

export type PaymentImportDeps = { chits: ChitRepository; payments: PaymentRepository; imports: ImportRepository; clock: Clock };

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

export type ImportSource = ImportPreview["source"];

/** Bytes -> header and rows, or a 400 that says what is wrong with the file as a whole. */
export function readImportFile(bytes: Uint8Array): ImportSource {
  try {
    const { text, encoding } = decodeCsvBytes(bytes);
    const delimiter: CsvDelimiter = detectDelimiter(text);
    const records = parseCsv(text, delimiter).filter((r) => r.some((cell) => cell.trim() !== ""));
    const [header, ...cells] = records;
    if (!header) throw new CsvError("csv-empty", "The file has no rows.");
    if (cells.length === 0) throw new CsvError("csv-no-rows", "The file has a header but no payments under it.");
    if (cells.length > MAX_IMPORT_ROWS) {
      throw new AppError(
        413,
        "too-many-rows",
        `The file has ${cells.length.toLocaleString("en-IN")} rows; at most ${MAX_IMPORT_ROWS.toLocaleString("en-IN")} can be imported at once. Split it into smaller files. Nothing was imported.`,
      );
    }
    const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
    return { encoding, delimiter: delimiterName(delimiter), headers, cells };
  } catch (error) {
    if (error instanceof CsvError) throw new AppError(400, error.code, `${error.message} Nothing was imported.`);
    throw error;
  }
}

const mappingSchema = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().max(200).optional()])) as Record<ImportField, z.ZodOptional<z.ZodString>>)
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
      `mapping must be a JSON object from ${IMPORT_FIELDS.join(", ")} to column names of the file, e.g. {"date": "Paid on", "amount": "Rs"}.`,
      {
        mapping: "Not a valid column mapping.",
      },
    );
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v && v.trim() !== "")) as ColumnMapping;
}

type ChitFinder = (text: string) => { chit: Chit } | { error: string };

function chitFinder(chits: Chit[]): ChitFinder {
  const byId = new Map(chits.map((c) => [c.id, c]));
  const byName = new Map<string, Chit[]>();
  for (const c of chits) byName.set(c.name.trim().toLowerCase(), [...(byName.get(c.name.trim().toLowerCase()) ?? []), c]);
  const names = chits.map((c) => `"${c.name}"`).join(", ") || "none yet";
  return (text) => {
    const value = text.trim();
    const chit = byId.get(value);
    if (chit) return { chit };
    const named = byName.get(value.toLowerCase()) ?? [];
    if (named.length === 1) return { chit: named[0]! };
    if (named.length > 1) return { error: `${named.length} of your chits are named "${value}": use the chit's id instead.` };
    return { error: `No chit of yours is named "${value}". Your chits: ${names}.` };
  };
}

/** Checks every row of the source against the member's chits and payments; shared by the preview and the commit. */
async function checkRows(
  deps: Pick<PaymentImportDeps, "chits" | "payments" | "clock">,
  member: Member,
  preview: Pick<ImportPreview, "source" | "mapping" | "defaultChitId">,
) {
  const { source } = preview;
  const chits = await deps.chits.list(member.id);
  const findChit = chitFinder(chits);
  const defaultChit = preview.defaultChitId ? (chits.find((c) => c.id === preview.defaultChitId) ?? null) : null;
  const required: ImportField[] = defaultChit ? ["date", "amount"] : ["date", "amount", "chit"];
  const { columns, problems } = matchColumns(source.headers, preview.mapping, required);
  if (problems.length) return { rows: [] as ImportRow[], errors: problems.map((p) => ({ row: 1, ...p })) };

  const today = todayIn(member.timeZone, deps.clock.now());
  const existing = await deps.payments.listForOwner(member.id);
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  source.cells.forEach((cells, index) => {
    const row = index + 2; // the header is the spreadsheet's row 1
    const problem = (p: ImportProblem) => errors.push({ row, ...p });
    const cell = (field: ImportField) => {
      const i = columns[field];
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const out: ImportRow = {
      row,
      chitId: null,
      chitName: "",
      instalment: null,
      amount: null,
      paidOn: null,
      method: "other",
      reference: cell("reference"),
      notes: cell("notes"),
    };
    const extra = cells.slice(source.headers.length).filter((c) => c.trim() !== "");
    if (extra.length) {
      problem({
        field: "row",
        message: `This row has ${cells.length} cells but the header has ${source.headers.length}: a value containing a ${source.delimiter} (such as 1,00,000) must be in quotes.`,
      });
    }
    const date = parseImportDate(cell("date"));
    if ("error" in date) problem({ field: "date", message: date.error });
    else if (compareDates(date.date, today) > 0) problem({ field: "date", message: `Date ${cell("date")} is in the future.` });
    else out.paidOn = date.date;
    const amount = parseImportAmount(cell("amount"));
    if ("error" in amount) problem({ field: "amount", message: amount.error });
    else out.amount = amount.amount;
    const chitText = cell("chit");
    const found: { chit: Chit } | { error: string } = chitText
      ? findChit(chitText)
      : defaultChit
        ? { chit: defaultChit }
        : { error: "Chit is empty: give the chit's name or id." };
    let chit: Chit | null = null;
    if ("error" in found) problem({ field: "chit", message: found.error });
    else if (found.chit.status === "closed") problem({ field: "chit", message: `Chit "${found.chit.name}" is closed: reopen it to import payments into it.` });
    else chit = found.chit;
    out.chitId = chit?.id ?? null;
    out.chitName = chit?.name ?? chitText;
    const instalment = parseImportInstalment(cell("instalment"), chit?.terms.instalments ?? null);
    if ("error" in instalment) problem({ field: "instalment", message: instalment.error });
    else out.instalment = instalment.instalment;
    const method = parseImportMethod(cell("method"));
    if ("error" in method) problem({ field: "method", message: method.error });
    else out.method = method.method;
    if (out.reference.length > 100) problem({ field: "reference", message: "Reference must be at most 100 characters." });
    if (out.notes.length > 1000) problem({ field: "notes", message: "Notes must be at most 1000 characters." });
    rows.push(out);
  });

  flagDuplicateRows(rows, errors, existing, chits);
  assignInstalments(rows, errors, existing, chits, today);
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

/** Same reference, or same chit + date + amount: against payments already recorded, and between rows of the file. */
function flagDuplicateRows(rows: ImportRow[], errors: ImportError[], existing: Payment[], chits: Chit[]): void {
  const names = new Map(chits.map((c) => [c.id, c.name]));
  const describe = (p: Payment) => `${formatINR(p.amount)} on ${p.paidOn} to "${names.get(p.chitId) ?? "a deleted chit"}"`;
  const byReference = new Map<string, Payment>();
  const byTriple = new Map<string, Payment>();
  for (const p of existing) {
    if (p.reference.trim()) byReference.set(p.reference.trim().toLowerCase(), p);
    byTriple.set(`${p.chitId}|${p.paidOn}|${p.amount}`, p);
  }
  const seenReference = new Map<string, number>();
  const seenTriple = new Map<string, number>();
  for (const r of rows) {
    const reference = r.reference.trim().toLowerCase();
    const triple = r.chitId && r.paidOn && r.amount !== null ? `${r.chitId}|${r.paidOn}|${r.amount}` : null;
    let message: string | null = null;
    if (reference && byReference.has(reference)) message = `Reference ${r.reference} is already recorded: ${describe(byReference.get(reference)!)}.`;
    else if (reference && seenReference.has(reference)) message = `Same reference as row ${seenReference.get(reference)}.`;
    else if (triple && byTriple.has(triple)) message = `Already recorded: a payment of ${describe(byTriple.get(triple)!)}.`;
    else if (triple && seenTriple.has(triple)) message = `Same chit, date and amount as row ${seenTriple.get(triple)}.`;
    if (message) errors.push({ row: r.row, field: "duplicate", message: `Duplicate. ${message}` });
    if (reference && !seenReference.has(reference)) seenReference.set(reference, r.row);
    if (triple && !seenTriple.has(triple)) seenTriple.set(triple, r.row);
  }
}

/** A row without an instalment number goes to the chit's first instalment not yet fully paid, in date order. */
function assignInstalments(rows: ImportRow[], errors: ImportError[], existing: Payment[], chits: Chit[], today: string): void {
  const pending = rows.filter((r) => r.instalment === null && r.chitId && r.paidOn && r.amount !== null);
  if (!pending.length) return;
  const left = new Map<string, { number: number; left: number }[]>();
  for (const chit of chits) {
    const schedule = tryScheduleFor(
      chit,
      existing.filter((p) => p.chitId === chit.id),
      today,
    ).schedule;
    left.set(
      chit.id,
      (schedule?.instalments ?? []).map((r) => ({ number: r.number, left: r.balance })),
    );
  }
  for (const r of rows) {
    if (r.instalment !== null && r.chitId && r.amount !== null) {
      const slot = left.get(r.chitId)?.find((s) => s.number === r.instalment);
      if (slot) slot.left = Math.max(0, slot.left - r.amount);
    }
  }
  for (const r of [...pending].sort((a, b) => (a.paidOn! < b.paidOn! ? -1 : a.paidOn! > b.paidOn! ? 1 : a.row - b.row))) {
    const slot = left.get(r.chitId!)?.find((s) => s.left > 0);
    if (!slot) {
      errors.push({
        row: r.row,
        field: "instalment",
        message: "Every instalment of this chit is already paid: give the instalment number this payment is for.",
      });
      continue;
    }
    r.instalment = slot.number;
    slot.left = Math.max(0, slot.left - r.amount!);
  }
}

export async function resolveDefaultChit(deps: Pick<PaymentImportDeps, "chits">, member: Member, text: unknown): Promise<string | null> {
  if (typeof text !== "string" || text.trim() === "") return null;
  const found = chitFinder(await deps.chits.list(member.id))(text);
  if ("error" in found) throw new AppError(400, "invalid-input", found.error, { chit: found.error });
  return found.chit.id;
}

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
  const source = readImportFile(input.bytes);
  const mapping = parseMapping(input.mapping);
  const defaultChitId = await resolveDefaultChit(deps, member, input.chit);
  const now = deps.clock.now();
  await deps.imports.deleteExpired(now);
  const { rows, errors } = await checkRows(deps, member, { source, mapping, defaultChitId });
  if (input.strictColumns && rows.length === 0 && errors.length) {
    throw new AppError(
      400,
      "missing-columns",
      `The file's columns do not match. ${errors.map((e) => e.message).join(" ")} Nothing was imported.`,
      Object.fromEntries(errors.map((e) => [e.field, e.message])),
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

/** The member's preview, or 404 when it expired, was committed, or is another member's. */
export async function findImportPreview(deps: Pick<PaymentImportDeps, "imports" | "clock">, member: Member, id: string): Promise<ImportPreview> {
  const preview = await deps.imports.get(member.id, id, deps.clock.now());
  if (!preview) throw new AppError(404, "not-found", "This import was not found: it expired, was already imported, or is not yours. Upload the file again.");
  return preview;
}

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
  const checked = await checkRows(deps, member, { source: preview.source, mapping, defaultChitId });
  const updated = { ...preview, mapping, defaultChitId, ...checked };
  await deps.imports.save(updated);
  return updated;
}

/** Re-checks a preview against the ledger as it is now (for the commit). */
export function recheckPreview(deps: Pick<PaymentImportDeps, "chits" | "payments" | "clock">, member: Member, preview: ImportPreview) {
  return checkRows(deps, member, preview);
}
