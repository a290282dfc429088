// One place turns errors into responses: the JSON envelope for the API, a page for people; never a stack trace.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../../app/errors.ts";
import type { WebEnv } from "../env.ts";
import { renderPage } from "../render.tsx";
import { routeLabel } from "../route-label.ts";

const wantsJson = (c: Context<WebEnv>) => c.req.path.startsWith("/api/") || (c.req.header("accept") ?? "").startsWith("application/json");

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError(413, "too-large", "The upload is too large.");
    if (err.status === 400) return new AppError(400, "invalid-request", "The request could not be read. Check its format.");
  }
  if (err instanceof SyntaxError && /JSON/.test(err.message)) return new AppError(400, "invalid-json", "The request body is not valid JSON.");
  // A garbled form or multipart body is the client's fault: say so (400) rather than "something went wrong on our side".
  if (err instanceof TypeError && /parse body as FormData/i.test(err.message)) {
    return new AppError(400, "invalid-request", "The request could not be read. Check its format.");
  }
  return null;
}

export function errorEnvelope(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(Object.keys(error.fields).length ? { fields: error.fields } : {}) } };
}

export const onError: ErrorHandler<WebEnv> = (err, c) => {
  const known = toAppError(err);
  const log = c.get("log");
  if (!known) {
    log?.error({ err }, "unhandled error");
    const services = c.get("services");
    services?.metrics.unhandledError();
    services?.errors.report(err, { requestId: c.get("requestId"), method: c.req.method, route: routeLabel(c) });
  } else if (known.status >= 500) log?.warn({ err }, known.message);
  const error =
    known ??
    new AppError(
      503,
      "internal-error",
      `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${c.get("requestId") ?? "-"}.`,
    );
  const status = known ? known.status : 500;
  if (wantsJson(c)) return c.json(errorEnvelope(error), status);
  return renderPage(
    c,
    status === 404 ? "Not found" : status === 403 ? "Not allowed" : "Something went wrong",
    <div class="py-5 text-center">
      <h1 class="h3">{status === 404 ? "Page not found" : status === 403 ? "Not allowed" : "Something went wrong"}</h1>
      <p class="lead">{error.message}</p>
      <a class="btn btn-primary" href="/">
        Go to the start page
      </a>
    </div>,
    { status, notice: null },
  );
};

export const onNotFound: NotFoundHandler<WebEnv> = (c) => onError(new AppError(404, "not-found", "There is nothing at this address."), c) as Response;
