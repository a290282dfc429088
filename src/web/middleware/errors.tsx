// One place turns errors into responses: the JSON envelope for the API, a page for people; never a stack trace.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, notFound } from "../../app/errors.ts";
import { words } from "../../i18n/words.ts";
import { storageFailureOf } from "../../ports/storage-failure.ts";
import type { WebEnv } from "../env.ts";
import { errorIn } from "../error-words.ts";
import { pageT, renderPage } from "../render.tsx";
import { routeLabel } from "../route-label.ts";
import { storageError } from "../storage-problem.ts";

const wantsJson = (c: Context<WebEnv>) =>
  c.req.path.startsWith("/api/") || (c.req.header("accept") ?? "").startsWith("application/json");

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const storage = storageFailureOf(err);
  if (storage) return storageError(storage);
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError(413, "too-large", words("errors.tooLarge"));
    if (err.status === 400) return new AppError(400, "invalid-request", words("errors.unreadableRequest"));
  }
  if (err instanceof SyntaxError && /JSON/.test(err.message))
    return new AppError(400, "invalid-json", "The request body is not valid JSON.");
  // A garbled form or multipart body is the client's fault: say so (400) rather than "something went wrong on our
  // side".
  if (err instanceof TypeError && /parse body as FormData/i.test(err.message)) {
    return new AppError(400, "invalid-request", words("errors.unreadableRequest"));
  }
  return null;
}

export function errorEnvelope(error: AppError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(Object.keys(error.fields).length ? { fields: error.fields } : {}),
    },
  };
}

export const onError: ErrorHandler<WebEnv> = (err, c) => {
  const known = toAppError(err);
  const log = c.get("log");
  const storage = storageFailureOf(err);
  if (storage)
    log?.error(
      { err, storage },
      `storage ${storage === "full" ? "is full" : storage === "read-only" ? "is read-only" : "failed"}: ${err.message}`,
    );
  else if (!known) {
    log?.error({ err }, "unhandled error");
    const services = c.get("services");
    services?.metrics.unhandledError();
    services?.errors.report(err, { requestId: c.get("requestId"), method: c.req.method, route: routeLabel(c) });
  } else if (known.status >= 500) log?.warn({ err }, known.message);
  const error =
    known ?? new AppError(503, "internal-error", words("errors.internal", { reference: c.get("requestId") ?? "-" }));
  const status = known ? known.status : 500;
  if (wantsJson(c)) return c.json(errorEnvelope(error), status);
  const t = pageT(c);
  return renderPage(
    c,
    t(status === 404 ? "errors.notFoundTitle" : status === 403 ? "errors.notAllowed" : "errors.somethingWrong"),
    <div class="py-5 text-center">
      <h1 class="h3">
        {t(status === 404 ? "errors.pageNotFound" : status === 403 ? "errors.notAllowed" : "errors.somethingWrong")}
      </h1>
      <p class="lead">{errorIn(t, error).message}</p>
      <a class="btn btn-primary" href="/">
        {t("errors.goToStart")}
      </a>
    </div>,
    { status, notice: null },
  );
};

export const onNotFound: NotFoundHandler<WebEnv> = (c) => onError(notFound(), c) as Response;
