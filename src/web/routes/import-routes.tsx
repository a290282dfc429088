// Pages for bulk import of payments: upload a CSV, map its columns, see each row checked, then import all or nothing.
import type { Context } from "hono";
import { Hono } from "hono";
import { commitPaymentImport } from "../../app/commit-payment-import.ts";
import { AppError } from "../../app/errors.ts";
import { findImportPreview } from "../../app/find-import-preview.ts";
import { previewPaymentImport } from "../../app/preview-payment-import.ts";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "../../app/read-import-file.ts";
import { remapPaymentImport } from "../../app/remap-payment-import.ts";
import { IMPORT_FIELDS, matchColumns } from "../../domain/payment-import.ts";
import type { ImportPreview } from "../../ports/import-repository.ts";
import { readImportUpload } from "../api/imports-api.ts";
import type { WebEnv } from "../env.ts";
import { errorIn } from "../error-words.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { ImportPreviewView, ImportUploadView } from "../views/import-views.tsx";

type Ctx = Context<WebEnv>;

const deps = (c: Ctx) => c.get("services").paymentImports;

async function uploadPage(c: Ctx, error?: AppError) {
  const chits = (await deps(c).chits.list(c.get("member").id)).filter((chit) => chit.status === "active");
  const imported = /^\d+$/.test(c.req.query("imported") ?? "") ? Number(c.req.query("imported")) : null;
  const view = (
    <ImportUploadView
      t={c.get("t")}
      csrfToken={c.get("csrfToken")}
      chits={chits}
      message={error ? errorIn(c.get("t"), error).message : null}
      imported={imported}
      maxRows={MAX_IMPORT_ROWS}
      maxMb={MAX_IMPORT_BYTES / 1024 / 1024}
    />
  );
  return renderPage(c, c.get("t")("imports.pageTitle"), view, { active: "imports", status: error?.status ?? 200 });
}

async function previewPage(c: Ctx, preview: ImportPreview, error?: AppError) {
  const chits = (await deps(c).chits.list(c.get("member").id)).filter((chit) => chit.status === "active");
  const { columns } = matchColumns(preview.source.headers, preview.mapping, []);
  const view = (
    <ImportPreviewView
      t={c.get("t")}
      csrfToken={c.get("csrfToken")}
      preview={preview}
      chits={chits}
      columns={columns}
      message={error ? errorIn(c.get("t"), error).message : null}
    />
  );
  return renderPage(c, c.get("t")("imports.checkTitle"), view, { active: "imports", status: error?.status ?? 200 });
}

export const importRoutes = new Hono<WebEnv>()
  .use("/imports", requireMember)
  .use("/imports/*", requireMember)
  .get("/imports", (c) => uploadPage(c))
  .post("/imports", async (c) => {
    try {
      const upload = await readImportUpload(c);
      const preview = await previewPaymentImport(deps(c), c.get("member"), upload);
      return c.redirect(`/imports/${preview.id}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status === 404) throw error;
      return uploadPage(c, error);
    }
  })
  .get("/imports/:id", async (c) =>
    previewPage(c, await findImportPreview(deps(c), c.get("member"), c.req.param("id"))),
  )
  .post("/imports/:id/mapping", async (c) => {
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const mapping = Object.fromEntries(
      IMPORT_FIELDS.map((f) => [f, typeof body[`map_${f}`] === "string" ? body[`map_${f}`] : ""]),
    );
    const preview = await remapPaymentImport(deps(c), c.get("member"), c.req.param("id"), { mapping, chit: body.chit });
    return c.redirect(`/imports/${preview.id}`, 303);
  })
  .post("/imports/:id/commit", async (c) => {
    try {
      const { imported } = await commitPaymentImport(deps(c), c.get("member"), c.req.param("id"));
      return c.redirect(`/imports?imported=${imported}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      return previewPage(c, await findImportPreview(deps(c), c.get("member"), c.req.param("id")), error);
    }
  });
