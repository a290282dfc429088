// Settings > Your data: download everything (the portable archive) or delete the account (password, and the code when
// two-factor sign-in is on).
import type { Member } from "../../ports/member-repository.ts";
import type { T } from "../i18n/index.ts";
import type { Errors } from "./auth-views.tsx";
import { Field, Form, FormError } from "./form.tsx";

export function MyDataView(p: { t: T; csrfToken: string; member: Member; errors?: Errors; message?: string | null }) {
  const { t } = p;
  const e = p.errors ?? {};
  return (
    <div class="row">
      <div class="col-12 col-lg-8">
        <h1 class="h2">{t("security.data.title")}</h1>
        <section aria-labelledby="export-heading" class="mb-5">
          <h2 class="h4" id="export-heading">
            {t("security.data.exportHeading")}
          </h2>
          <p>{t("security.data.exportText")}</p>
          <Form action="/settings/data/export" csrfToken={p.csrfToken} label={t("security.data.exportButton")}>
            <button class="btn btn-primary" type="submit">
              {t("security.data.exportButton")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="delete-heading">
          <h2 class="h4 text-danger" id="delete-heading">
            {t("security.data.deleteHeading")}
          </h2>
          <p>{t("security.data.deleteText")}</p>
          <FormError message={p.message} />
          <Form action="/settings/data/delete" csrfToken={p.csrfToken} label={t("security.data.deleteButton")}>
            <Field
              name="password"
              label={t("security.data.deletePassword")}
              type="password"
              autocomplete="current-password"
              error={e.password}
              required
            />
            {p.member.twoFactorEnabled && (
              <Field
                name="code"
                label={t("security.data.deleteCode")}
                autocomplete="one-time-code"
                maxlength={20}
                error={e.code}
                required
              />
            )}
            <Field name="confirm" label={t("security.data.confirm")} autocomplete="off" error={e.confirm} required />
            <button class="btn btn-danger" type="submit">
              {t("security.data.deleteButton")}
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}
