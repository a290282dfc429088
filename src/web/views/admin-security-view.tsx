// The admin page's security section: require two-factor sign-in for administrators, and the accounts members deleted
// themselves (counts only: nothing of theirs is kept).
import type { Locale } from "../../app/locale.ts";
import type { AuditEntry } from "../../ports/audit-log.ts";
import { formatInstant } from "../format.ts";
import type { T } from "../i18n/index.ts";
import { Form } from "./form.tsx";

export function AdminSecurityView(p: {
  t: T;
  locale: Locale;
  timeZone: string;
  csrfToken: string;
  required: boolean;
  deletions: AuditEntry[];
}) {
  const { t } = p;
  return (
    <section class="card mb-3" aria-labelledby="admin-security-title">
      <div class="card-body">
        <h2 class="h5" id="admin-security-title">
          {t("admin.securityTitle")}
        </h2>
        <p>{p.required ? t("admin.twoFactorRequired") : t("admin.twoFactorOptional")}</p>
        <Form action="/admin/security/two-factor" csrfToken={p.csrfToken} label={t("admin.securityTitle")}>
          <input type="hidden" name="required" value={p.required ? "" : "on"} />
          <button class={`btn btn-sm ${p.required ? "btn-outline-secondary" : "btn-outline-primary"}`} type="submit">
            {p.required ? t("admin.makeOptional") : t("admin.requireTwoFactor")}
          </button>
        </Form>
        <h3 class="h6 mt-4">{t("admin.deletedAccounts")}</h3>
        {p.deletions.length === 0 ? (
          <p class="text-muted small mb-0">{t("admin.noDeletedAccounts")}</p>
        ) : (
          <ul class="small mb-0">
            {p.deletions.map((d) => (
              <li>
                {formatInstant(d.at, p.timeZone, p.locale)}: {t("admin.deletedAccount", { detail: d.detail ?? "" })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
