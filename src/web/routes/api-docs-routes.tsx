// /api/docs: the API documentation page, public like /api/openapi.json, rendered from the same document.
import { Hono } from "hono";
import { openApiDocument } from "../api/openapi.ts";
import type { WebEnv } from "../env.ts";
import { renderPage } from "../render.tsx";
import { ApiDocsView, type ApiDocument } from "../views/api-docs-view.tsx";

export const apiDocsRoutes = new Hono<WebEnv>().get("/api/docs", (c) =>
  renderPage(
    c,
    c.get("t")("apiDocs.title"),
    <ApiDocsView t={c.get("t")} doc={openApiDocument as unknown as ApiDocument} />,
    { active: "api-docs" },
  ),
);
