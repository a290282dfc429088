// Settings > API tokens: create a named token (optionally expiring), see it once, list tokens with their last use, revoke.
import type { TokenView } from "../../app/list-api-tokens.ts";
import type { FormErrors, FormValues } from "../form-values.ts";
import { formatInstant } from "../format.ts";
import { Field, Form, FormError, Select } from "./form.tsx";

const EXPIRY_OPTIONS = [
  { value: "", label: "Never" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

export function TokensView(p: {
  csrfToken: string;
  tokens: TokenView[];
  timeZone: string;
  created?: { name: string; token: string } | null;
  values?: FormValues;
  errors?: FormErrors;
  message?: string | null;
}) {
  return (
    <>
      <h1 class="h3 mb-3">API tokens</h1>
      <p class="text-muted">
        A token lets a script or spreadsheet use the JSON API under <code>/api/v1</code> as you: send it as <code>Authorization: Bearer &lt;token&gt;</code>.
        Anyone holding it can read and change your ledger, so keep it secret and revoke it when you stop using it. Tokens cannot create other tokens. See the{" "}
        <a href="/api/docs">API documentation</a>.
      </p>
      {p.created && (
        <div class="alert alert-warning" role="status" aria-live="polite">
          <h2 class="h5">Your new token "{p.created.name}"</h2>
          <p class="mb-2">Copy it now: it is shown only this once. We keep only a fingerprint of it.</p>
          <label class="form-label" for="new-token">
            Token
          </label>
          <input class="form-control font-monospace" id="new-token" type="text" readonly value={p.created.token} />
        </div>
      )}
      <section class="card mb-4" aria-labelledby="create-token">
        <div class="card-body">
          <h2 class="h5" id="create-token">
            Create a token
          </h2>
          <FormError message={p.message} />
          <Form action="/settings/tokens" csrfToken={p.csrfToken} label="Create a token">
            <div class="row">
              <div class="col-md-6">
                <Field
                  name="name"
                  label="Name"
                  value={p.values?.name}
                  error={p.errors?.name}
                  help="What it is for, e.g. 'Home spreadsheet'."
                  maxlength={60}
                  required
                />
              </div>
              <div class="col-md-4">
                <Select name="expiresInDays" label="Expires" options={EXPIRY_OPTIONS} value={p.values?.expiresInDays ?? ""} error={p.errors?.expiresInDays} />
              </div>
            </div>
            <button class="btn btn-primary" type="submit">
              Create token
            </button>
          </Form>
        </div>
      </section>
      <h2 class="h5">Your tokens</h2>
      {p.tokens.length === 0 ? (
        <p class="text-muted">No tokens yet.</p>
      ) : (
        <div class="table-responsive">
          <table class="table align-middle">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.tokens.map((t) => (
                <tr>
                  <th scope="row">{t.name}</th>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{formatInstant(t.createdAt, p.timeZone)}</td>
                  <td>{t.lastUsedAt ? formatInstant(t.lastUsedAt, p.timeZone) : "Never"}</td>
                  <td>
                    {t.expiresAt ? formatInstant(t.expiresAt, p.timeZone) : "Never"}
                    {t.expired && <span class="badge text-bg-secondary ms-2">Expired</span>}
                  </td>
                  <td class="text-end">
                    <Form
                      action={`/settings/tokens/${t.id}/revoke`}
                      csrfToken={p.csrfToken}
                      label={`Revoke ${t.name}`}
                      confirm={`Revoke the token "${t.name}"? Scripts using it will stop working.`}
                    >
                      <button class="btn btn-sm btn-outline-danger" type="submit" aria-label={`Revoke ${t.name}`}>
                        Revoke
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
