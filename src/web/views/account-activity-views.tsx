// Settings > Account activity: what happened to the member's account, newest first, a page at a time.
import type { Locale } from "../../app/locale.ts";
import type { ActivityEvent } from "../../ports/account-activity.ts";
import { deviceName } from "../device-name.ts";
import { formatInstant } from "../format.ts";
import type { T } from "../i18n/index.ts";

export function AccountActivityView(p: {
  t: T;
  locale: Locale;
  timeZone: string;
  events: ActivityEvent[];
  page: number;
  pages: number;
}) {
  const { t } = p;
  return (
    <div class="row">
      <div class="col-12 col-lg-10">
        <h1 class="h2">{t("security.activity.title")}</h1>
        <p>{t("security.activity.intro")}</p>
        {p.events.length === 0 ? (
          <p class="text-muted">{t("security.activity.none")}</p>
        ) : (
          <table class="table table-sm align-middle">
            <thead>
              <tr>
                <th scope="col">{t("security.activity.when")}</th>
                <th scope="col">{t("security.activity.what")}</th>
                <th scope="col">{t("security.activity.where")}</th>
              </tr>
            </thead>
            <tbody>
              {p.events.map((e) => (
                <tr>
                  <td class="text-nowrap">{formatInstant(e.at, p.timeZone, p.locale)}</td>
                  <td>
                    {t(`security.activity.kind.${e.kind}`)}
                    {e.detail ? <span class="text-muted">: {e.detail}</span> : ""}
                  </td>
                  <td class="small text-muted">{[deviceName(e.device), e.address].filter(Boolean).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <nav class="d-flex gap-2" aria-label={t("security.activity.title")}>
          {p.page > 1 && (
            <a class="btn btn-sm btn-outline-secondary" href={`/settings/activity?page=${p.page - 1}`}>
              {t("security.activity.newer")}
            </a>
          )}
          {p.page < p.pages && (
            <a class="btn btn-sm btn-outline-secondary" href={`/settings/activity?page=${p.page + 1}`}>
              {t("security.activity.older")}
            </a>
          )}
        </nav>
      </div>
    </div>
  );
}
