// Bulk import of payments, checking the rows: dates, amounts, chit, instalment and method of every row, duplicates
// against the ledger and within the file, and the instalment a row without one goes to. Used by the preview, the remap
// and (again, against the ledger as it is then) the commit.
import { compareDates, todayIn } from "../domain/dates.ts";
import { formatINR } from "../domain/money.ts";
import {
  type ImportField,
  type ImportProblem,
  matchColumns,
  parseImportAmount,
  parseImportDate,
  parseImportInstalment,
  parseImportMethod,
} from "../domain/payment-import.ts";
import { tryScheduleFor } from "../domain/schedule-outcome.ts";
import type { ImportError, ImportPreview, ImportRow } from "../ports/import-repository.ts";
import type { Chit, Payment } from "../ports/ledger.ts";
import type { Member } from "../ports/member-repository.ts";
import { chitFinder } from "./import-choices.ts";
import type { PaymentImportDeps } from "./payment-import-deps.ts";

/** Checks every row of the source against the member's chits and payments; shared by the preview and the commit. */
export async function checkImportRows(
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
        message:
          `This row has ${cells.length} cells but the header has ${source.headers.length}: a ` +
          `value containing a ${source.delimiter} (such as 1,00,000) must be in ` +
          "quotes.",
      });
    }
    const date = parseImportDate(cell("date"));
    if ("error" in date) problem({ field: "date", message: date.error });
    else if (compareDates(date.date, today) > 0)
      problem({ field: "date", message: `Date ${cell("date")} is in the future.` });
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
    else if (found.chit.status === "closed")
      problem({ field: "chit", message: `Chit "${found.chit.name}" is closed: reopen it to import payments into it.` });
    else chit = found.chit;
    out.chitId = chit?.id ?? null;
    out.chitName = chit?.name ?? chitText;
    const instalment = parseImportInstalment(cell("instalment"), chit?.terms.instalments ?? null);
    if ("error" in instalment) problem({ field: "instalment", message: instalment.error });
    else out.instalment = instalment.instalment;
    const method = parseImportMethod(cell("method"));
    if ("error" in method) problem({ field: "method", message: method.error });
    else out.method = method.method;
    if (out.reference.length > 100)
      problem({ field: "reference", message: "Reference must be at most 100 characters." });
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
  const describe = (p: Payment) =>
    `${formatINR(p.amount)} on ${p.paidOn} to "${names.get(p.chitId) ?? "a deleted chit"}"`;
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
    if (reference && byReference.has(reference))
      message = `Reference ${r.reference} is already recorded: ${describe(byReference.get(reference)!)}.`;
    else if (reference && seenReference.has(reference))
      message = `Same reference as row ${seenReference.get(reference)}.`;
    else if (triple && byTriple.has(triple))
      message = `Already recorded: a payment of ${describe(byTriple.get(triple)!)}.`;
    else if (triple && seenTriple.has(triple)) message = `Same chit, date and amount as row ${seenTriple.get(triple)}.`;
    if (message) errors.push({ row: r.row, field: "duplicate", message: `Duplicate. ${message}` });
    if (reference && !seenReference.has(reference)) seenReference.set(reference, r.row);
    if (triple && !seenTriple.has(triple)) seenTriple.set(triple, r.row);
  }
}

/** A row without an instalment number goes to the chit's first instalment not yet fully paid, in date order. */
function assignInstalments(
  rows: ImportRow[],
  errors: ImportError[],
  existing: Payment[],
  chits: Chit[],
  today: string,
): void {
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
  for (const r of [...pending].sort((a, b) =>
    a.paidOn! < b.paidOn! ? -1 : a.paidOn! > b.paidOn! ? 1 : a.row - b.row,
  )) {
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
