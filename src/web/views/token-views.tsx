// Settings > API tokens: create a named token (optionally expiring), see it once, list tokens with their last use,
// revoke.
import type { TokenView } from "../../app/list-api-tokens.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { formatInstant } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { Field, Form, FormError, Select } from "./form.tsx";

const expiryOptions = (t: T) => [
  { value: "", label: t("tokens.never") },
  { value: "7", label: t("tokens.inDays", { count: 7 }) },
  { value: "30", label: t("tokens.inDays", { count: 30 }) },
  { value: "90", label: t("tokens.inDays", { count: 90 }) },
  { value: "365", label: t("tokens.year") },
];

export function TokensView(p: {
  t: T;
  csrfToken: string;
  tokens: TokenView[];
  timeZone: string;
  created?: { name: string; token: string } | null;
  values?: FormValues;
  errors?: FormErrors;
  message?: string | null;
}) {
  const { t } = p;
  const at = (when: Date) => formatInstant(when, p.timeZone, localeOf(t));
  return (
    <>
      <h1 class="h3 mb-3">{t("tokens.apiTokens")}</h1>
      <p class="text-muted">
        {t("tokens.introUse")} <code>/api/v1</code> {t("tokens.introSend")}{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. {t("tokens.introSecret")}{" "}
        <a href="/api/docs">{t("tokens.apiDocumentation")}</a>.
      </p>
      {p.created && (
        <div class="alert alert-warning" role="status" aria-live="polite">
          <h2 class="h5">{t("tokens.newToken", { name: p.created.name })}</h2>
          <p class="mb-2">{t("tokens.copyNowShownOnly")}</p>
          <label class="form-label" for="new-token">
            {t("tokens.token")}
          </label>
          <input class="form-control font-monospace" id="new-token" type="text" readonly value={p.created.token} />
        </div>
      )}
      <section class="card mb-4" aria-labelledby="create-token">
        <div class="card-body">
          <h2 class="h5" id="create-token">
            {t("tokens.createToken")}
          </h2>
          <FormError message={p.message} />
          <Form action="/settings/tokens" csrfToken={p.csrfToken} label={t("tokens.createToken")}>
            <div class="row">
              <div class="col-md-6">
                <Field
                  name="name"
                  label={t("tokens.name")}
                  value={p.values?.name}
                  error={p.errors?.name}
                  help={t("tokens.whatEGHome")}
                  maxlength={60}
                  required
                />
              </div>
              <div class="col-md-4">
                <Select
                  name="expiresInDays"
                  label={t("tokens.expires")}
                  options={expiryOptions(t)}
                  value={p.values?.expiresInDays ?? ""}
                  error={p.errors?.expiresInDays}
                />
              </div>
            </div>
            <button class="btn btn-primary" type="submit">
              {t("tokens.createToken2")}
            </button>
          </Form>
        </div>
      </section>
      <h2 class="h5">{t("tokens.tokens")}</h2>
      {p.tokens.length === 0 ? (
        <p class="text-muted">{t("tokens.noTokensYet")}</p>
      ) : (
        <div class="table-responsive">
          <table class="table align-middle">
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.starts")}</th>
                <th scope="col">{t("tokens.created")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("tokens.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.tokens.map((token) => (
                <tr>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{at(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? at(token.lastUsedAt) : t("tokens.never")}</td>
                  <td>
                    {token.expiresAt ? at(token.expiresAt) : t("tokens.never")}
                    {token.expired && <span class="badge text-bg-secondary ms-2">{t("tokens.expired")}</span>}
                  </td>
                  <td class="text-end">
                    <Form
                      action={`/settings/tokens/${token.id}/revoke`}
                      csrfToken={p.csrfToken}
                      label={t("tokens.revokeName", { name: token.name })}
                      confirm={t("tokens.revokeQuestion", { name: token.name })}
                    >
                      <button
                        class="btn btn-sm btn-outline-danger"
                        type="submit"
                        aria-label={t("tokens.revokeName", { name: token.name })}
                      >
                        {t("tokens.revoke")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
