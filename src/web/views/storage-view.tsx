// The store's storage line on the Admin page: used against the limit (Atlas M0: 512 MB), receipts' share, and a
// warning from 80 %.
import { STORAGE_WARNING_SHARE, type StoreCheck } from "../../app/check-store.ts";
import { formatBytes } from "../format.ts";
import type { T } from "../i18n/index.ts";

export function StorageUsed(p: { t: T; check: StoreCheck }) {
  const { storage, description } = p.check.report;
  if (!storage) return null;
  const values = {
    used: formatBytes(storage.usedBytes),
    files: formatBytes(storage.filesBytes),
    percent: p.check.percent,
  };
  return (
    <section class="card mb-3" aria-labelledby="storage-title">
      <div class="card-body">
        <h2 class="h6 card-title" id="storage-title">
          {p.t("store.admin.title")}
        </h2>
        <p class="mb-2">
          {storage.limitBytes
            ? p.t("store.admin.used", { ...values, limit: formatBytes(storage.limitBytes) })
            : p.t("store.admin.usedNoLimit", values)}
        </p>
        {storage.limitBytes && (
          <meter
            class="w-100 mb-2"
            min={0}
            max={storage.limitBytes}
            low={storage.limitBytes * STORAGE_WARNING_SHARE}
            high={storage.limitBytes * 0.95}
            optimum={0}
            value={Math.min(storage.usedBytes, storage.limitBytes)}
            aria-label={p.t("store.admin.title")}
          />
        )}
        {p.check.warning && (
          <div class="alert alert-warning mb-2" role="alert">
            {p.t("store.admin.warning", { percent: p.check.percent })}
          </div>
        )}
        <p class="small text-muted mb-0">{p.t("store.admin.where", { description })}</p>
      </div>
    </section>
  );
}
