// Previous / page N of M / next links under a paged list (payment history, dues, chits); nothing when one page holds
// it.
import type { T } from "../i18n/index.ts";

export function Pager(p: { t: T; page: number; pages: number; href: (page: number) => string; label: string }) {
  const { t, page, pages } = p;
  if (pages <= 1) return null;
  const first = page <= 1;
  const last = page >= pages;
  return (
    <nav aria-label={p.label}>
      <ul class="pagination flex-wrap">
        <li class={`page-item${first ? " disabled" : ""}`}>
          <a class="page-link" href={first ? undefined : p.href(page - 1)} aria-disabled={first ? "true" : undefined}>
            {t("payments.previous")}
          </a>
        </li>
        <li class="page-item active" aria-current="page">
          <span class="page-link">{t("payments.page", { page, pages })}</span>
        </li>
        <li class={`page-item${last ? " disabled" : ""}`}>
          <a class="page-link" href={last ? undefined : p.href(page + 1)} aria-disabled={last ? "true" : undefined}>
            {t("payments.next")}
          </a>
        </li>
      </ul>
    </nav>
  );
}
