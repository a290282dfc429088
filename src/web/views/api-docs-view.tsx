// The API documentation page: the OpenAPI document at /api/openapi.json rendered on the server (no CDN, no script),
// grouped by tag, each operation with its parameters, body and answers.
import type { T } from "../i18n/index.ts";

type AnyOperation = {
  summary?: string;
  description?: string;
  tags?: readonly string[];
  parameters?: readonly { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { description?: string; $ref?: string }>;
  security?: readonly unknown[];
};
export type ApiDocument = {
  info: { title: string; version: string; description: string };
  tags: readonly { name: string; description?: string }[];
  paths: Record<string, Record<string, AnyOperation>>;
  components: { responses: Record<string, { description: string }> };
};

const METHOD_CLASS: Record<string, string> = {
  get: "text-bg-primary",
  post: "text-bg-success",
  put: "text-bg-warning",
  patch: "text-bg-warning",
  delete: "text-bg-danger",
};

function answer(response: { description?: string; $ref?: string }, doc: ApiDocument): string {
  if (response.$ref)
    return doc.components.responses[response.$ref.split("/").pop() ?? ""]?.description ?? response.$ref;
  return response.description ?? "";
}

/**
 * The reference itself (summaries, descriptions) is in English, as the API speaks; the page around it is translated.
 */
export function ApiDocsView(p: { t: T; doc: ApiDocument }) {
  const { doc, t } = p;
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <>
      <h1 class="h3">
        {doc.info.title} <span class="badge text-bg-secondary align-middle">{doc.info.version}</span>
      </h1>
      {doc.info.description.split("\n\n").map((para) => (
        <p>{para}</p>
      ))}
      <p>
        {t("apiDocs.machineReadable")} <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).{" "}
        {t("apiDocs.tokens")} <a href="/settings/tokens">{t("apiDocs.settingsApiTokens")}</a>.
      </p>
      <nav aria-label={t("apiDocs.apiSections")} class="mb-4">
        {doc.tags.map((tag) => (
          <a class="me-3" href={`#tag-${tag.name.replace(/\W+/g, "-")}`}>
            {tag.name}
          </a>
        ))}
      </nav>
      {doc.tags.map((tag) => (
        <section class="mb-5" aria-labelledby={`tag-${tag.name.replace(/\W+/g, "-")}`}>
          <h2 class="h4" id={`tag-${tag.name.replace(/\W+/g, "-")}`}>
            {tag.name}
          </h2>
          {tag.description && <p class="text-muted">{tag.description}</p>}
          {operations
            .filter(({ op }) => op.tags?.includes(tag.name))
            .map(({ path, method, op }) => (
              <article class="card mb-3">
                <div class="card-header">
                  <span class={`badge ${METHOD_CLASS[method] ?? "text-bg-secondary"} me-2 text-uppercase`}>
                    {method}
                  </span>
                  <code class="fs-6">{path}</code>
                </div>
                <div class="card-body">
                  <p class="mb-2">{op.summary}</p>
                  {op.description && <p class="small text-muted">{op.description}</p>}
                  {op.security && op.security.length === 0 && <p class="small">{t("apiDocs.noSignNeeded")}</p>}
                  {op.parameters && op.parameters.length > 0 && (
                    <>
                      <h3 class="h6">{t("apiDocs.parameters")}</h3>
                      <ul class="small">
                        {op.parameters.map((param) => (
                          <li>
                            <code>{param.name}</code> ({param.in}
                            {param.required ? t("apiDocs.required") : ""})
                            {param.description ? `: ${param.description}` : ""}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {op.requestBody && (
                    <p class="small">
                      <strong>{t("apiDocs.body")}</strong> {Object.keys(op.requestBody.content).join(", ")}
                    </p>
                  )}
                  <h3 class="h6">{t("apiDocs.answers")}</h3>
                  <ul class="small mb-0">
                    {Object.entries(op.responses).map(([status, response]) => (
                      <li>
                        <strong>{status}</strong> {answer(response, doc)}
                      </li>
                    ))}
                  </ul>
                </div>
              </article>
            ))}
        </section>
      ))}
    </>
  );
}
