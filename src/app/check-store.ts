// Checks the configured store and puts what is wrong, and how to fix it, in plain words: for `chitfunds doctor`, for
// start-up (which refuses to go on when the store is not usable), and for the Admin page's storage line.
import { formatBytes } from "../i18n/format.ts";
import type { T } from "../i18n/index.ts";
import type { StorageUse, StoreHealth, StoreProblem, StoreReport } from "../ports/store-health.ts";

/** From this share of the limit on, storage used is shown as a warning. */
export const STORAGE_WARNING_SHARE = 0.8;

export type StoreCheck = {
  report: StoreReport;
  /** True only when nothing is wrong (a storage warning alone still counts as well). */
  ok: boolean;
  /** Storage used as a whole percentage of its limit, or null when there is no limit (or no answer). */
  percent: number | null;
  warning: boolean;
};

export async function checkStore(health: StoreHealth): Promise<StoreCheck> {
  const report = await health.report();
  return assess(report);
}

export function assess(report: StoreReport): StoreCheck {
  const limit = report.storage?.limitBytes;
  const percent = report.storage && limit ? Math.floor((report.storage.usedBytes / limit) * 100) : null;
  return {
    report,
    ok: report.problems.length === 0,
    percent,
    warning: percent !== null && percent >= STORAGE_WARNING_SHARE * 100,
  };
}

export function problemText(t: T, p: StoreProblem): string {
  switch (p.code) {
    case "mongodb-uri-invalid":
      return [
        t("store.problem.mongodb-uri-invalid", { detail: p.detail }),
        p.passwordNeedsEncoding ? t("store.passwordHint") : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "mongodb-dns-failed":
      return t(p.srv ? "store.problem.mongodb-dns-failed-srv" : "store.problem.mongodb-dns-failed", { host: p.host });
    case "mongodb-auth-failed":
      return [
        t("store.problem.mongodb-auth-failed", { host: p.host, user: p.user ? ` (${p.user})` : "" }),
        p.passwordNeedsEncoding ? t("store.passwordHint") : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "mongodb-connection-refused":
      return t("store.problem.mongodb-connection-refused", { host: p.host });
    case "mongodb-unreachable":
      return t(p.atlas ? "store.problem.mongodb-unreachable-atlas" : "store.problem.mongodb-unreachable", {
        host: p.host,
        seconds: p.seconds,
      });
    case "mongodb-failed":
      return t("store.problem.mongodb-failed", { host: p.host, detail: p.detail });
    case "mongodb-not-replica-set":
      return t("store.problem.mongodb-not-replica-set", { host: p.host });
    case "mongodb-no-readwrite":
      return t("store.problem.mongodb-no-readwrite", { user: p.user ? ` ${p.user}` : "", database: p.database });
    case "indexes-missing":
      return t("store.problem.indexes-missing", { indexes: p.indexes.join("; ") });
    case "index-conflict":
      return t("store.problem.index-conflict", { wanted: p.wanted, existing: p.existing });
    case "storage-full":
      return t("store.problem.storage-full", { used: formatBytes(p.usedBytes), limit: formatBytes(p.limitBytes) });
    case "data-dir-unwritable":
      return t("store.problem.data-dir-unwritable", { dir: p.dir, detail: p.detail });
  }
}

export function storageText(t: T, storage: StorageUse, percent: number | null): string {
  const used = formatBytes(storage.usedBytes);
  const files = formatBytes(storage.filesBytes);
  return storage.limitBytes
    ? t("store.storageUsed", { used, limit: formatBytes(storage.limitBytes), percent, files })
    : t("store.storageUsedNoLimit", { used, files });
}

/** Every line `chitfunds doctor` prints: the problems, or that all is well; then the storage used (and a warning). */
export function checkLines(t: T, check: StoreCheck): string[] {
  const { report } = check;
  const lines = check.ok
    ? [t("store.ok", { store: report.description })]
    : report.problems.map((p) => problemText(t, p));
  if (report.storage) lines.push(storageText(t, report.storage, check.percent));
  if (check.warning && !report.problems.some((p) => p.code === "storage-full"))
    lines.push(t("store.storageWarning", { percent: check.percent }));
  return lines;
}
