// Loads an archive into the configured store (`chitfunds import` / `restore`). The archive is checked whole before
// anything changes; a non-empty store is refused unless the caller asked to replace it.

import { completeTerms } from "../domain/chit.ts";
import type { ActivityEvent } from "../ports/account-activity.ts";
import type { ApiToken } from "../ports/api-token-repository.ts";
import { ArchiveRefused, type OpenedArchive } from "../ports/archive-files.ts";
import type { AuditEntry } from "../ports/audit-log.ts";
import type { Chit, Notification, Payment } from "../ports/ledger.ts";
import type { OutboxEntry } from "../ports/outbox-repository.ts";
import { AppError } from "./errors.ts";
import type { ArchiveDeps } from "./export-archive.ts";

export type ImportDeps = ArchiveDeps & { clearLedger(): Promise<void> };

const dates = <T extends Record<string, unknown>>(record: T, keys: string[]): T =>
  Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, keys.includes(k) && typeof v === "string" ? new Date(v) : v]),
  ) as T;

/** The archive checked whole, or a 400 saying why it cannot be imported. */
async function openChecked(deps: ImportDeps, path: string): Promise<OpenedArchive> {
  try {
    return await deps.archives.open(path);
  } catch (error) {
    if (error instanceof ArchiveRefused) throw new AppError(400, error.code, error.message);
    throw error;
  }
}

export async function importArchive(
  deps: ImportDeps,
  path: string,
  options: { replace: boolean },
): Promise<Record<string, number>> {
  const archive = await openChecked(deps, path);
  const existing = await deps.accounts.count();
  if (existing > 0 && !options.replace) {
    throw new AppError(
      409,
      "store-not-empty",
      `The configured store already has ${existing} member${existing === 1 ? "" : "s"}. Use ` +
        "--replace to overwrite it, or import into an empty store.",
    );
  }
  if (options.replace) {
    await deps.clearLedger();
    await deps.accounts.clearAll();
  }
  const counts: Record<string, number> = {};
  const add = (type: string) => {
    counts[type] = (counts[type] ?? 0) + 1;
  };
  const users: Record<string, unknown>[] = [];
  const accounts: Record<string, unknown>[] = [];
  let ids: Map<string, string> | null = null;
  const owner = (id: string) => {
    const mapped = ids?.get(id);
    if (!mapped)
      throw new AppError(
        400,
        "archive-inconsistent",
        `The archive has data for a member it does not contain (${id}). Nothing more was imported.`,
      );
    return mapped;
  };
  for await (const record of archive.records()) {
    if (record.type === "user") users.push(record.data as Record<string, unknown>);
    else if (record.type === "account") accounts.push(record.data as Record<string, unknown>);
    else {
      ids ??= await deps.accounts.importAll({ users, accounts });
      const data = record.data as Record<string, unknown>;
      switch (record.type) {
        case "chit": {
          const chit = dates(data, ["createdAt", "updatedAt"]) as unknown as Chit;
          // archives written before a chit setting existed get its default
          await deps.chits.create({
            ...chit,
            upiIds: chit.upiIds ?? [],
            terms: completeTerms(chit.terms),
            ownerId: owner(chit.ownerId),
          });
          break;
        }
        case "payment": {
          const p = dates(data, ["createdAt", "updatedAt"]) as unknown as Payment;
          const ownerId = owner(p.ownerId);
          await deps.payments.create({
            ...p,
            ownerId,
            receipts: p.receipts.map((r) => ({ ...dates(r, ["createdAt"]), ownerId })),
          });
          counts.receipts = (counts.receipts ?? 0) + p.receipts.length;
          break;
        }
        case "notification": {
          const n = dates(data, ["createdAt", "readAt"]) as unknown as Notification;
          await deps.notifications.add({ ...n, ownerId: owner(n.ownerId) });
          break;
        }
        case "api-token": {
          const token = dates(data, ["createdAt", "expiresAt", "lastUsedAt"]) as unknown as ApiToken;
          await deps.apiTokens?.create({ ...token, ownerId: owner(token.ownerId) });
          break;
        }
        case "file":
          await deps.files.put(
            String(record.key),
            new Uint8Array(Buffer.from(String(record.data), "base64")),
            String(record.contentType),
          );
          break;
        case "outbox": {
          const m = data as unknown as OutboxEntry;
          await deps.outbox.add(
            { to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}) },
            new Date(m.createdAt),
          );
          break;
        }
        case "audit": {
          const a = dates(data, ["at"]) as unknown as AuditEntry;
          const known = ids;
          const map = (id: string | null) => (id ? (known.get(id) ?? id) : null);
          await deps.audit.record({ ...a, actorId: map(a.actorId), targetId: map(a.targetId) });
          break;
        }
        case "activity": {
          const e = dates(data, ["at"]) as unknown as ActivityEvent;
          await deps.activity?.record({ ...e, memberId: owner(e.memberId) });
          break;
        }
        default:
          throw new AppError(
            400,
            "archive-unknown-record",
            `The archive has a record of an unknown kind (${record.type}). Nothing more was imported.`,
          );
      }
    }
    add(record.type);
  }
  if (!ids && users.length) await deps.accounts.importAll({ users, accounts });
  return counts;
}
