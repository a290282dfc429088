// Caps every request body before anything reads it: a declared Content-Length over the route's cap is refused at once,
// and a streamed (chunked) body is counted as it is read and cut off at the cap. Nothing is buffered here.

import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../app/errors.ts";
import { MAX_IMPORT_BYTES } from "../../app/read-import-file.ts";
import { MAX_RECEIPTS_PER_PAYMENT } from "../../app/store-receipts.ts";
import { words } from "../../i18n/words.ts";
import type { WebEnv } from "../env.ts";

/** Everything without a bigger cap of its own: forms, JSON, better-auth's endpoints. */
export const DEFAULT_BODY_CAP = 1024 * 1024;
const FORM_FIELDS_ALLOWANCE = 1024 * 1024;

type Cap = { bytes: number; error: () => AppError };

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function receiptsCap(maxFileBytes: number): Cap {
  return {
    bytes: maxFileBytes * MAX_RECEIPTS_PER_PAYMENT + FORM_FIELDS_ALLOWANCE,
    error: () =>
      new AppError(
        413,
        "file-too-large",
        words("errors.uploadTooLarge", { mb: megabytes(maxFileBytes), count: MAX_RECEIPTS_PER_PAYMENT }),
        {
          receipts: words("errors.eachFileAndCount", { mb: megabytes(maxFileBytes), count: MAX_RECEIPTS_PER_PAYMENT }),
        },
      ),
  };
}

const importCap: Cap = {
  bytes: MAX_IMPORT_BYTES + 64 * 1024,
  error: () =>
    new AppError(413, "file-too-large", words("errors.importFileTooLarge", { mb: megabytes(MAX_IMPORT_BYTES) }), {
      file: words("errors.atMostMb", { mb: megabytes(MAX_IMPORT_BYTES) }),
    }),
};

/** One screenshot to read, or one shared file, with a little form overhead. */
function oneFileCap(maxFileBytes: number): Cap {
  return {
    bytes: maxFileBytes + 64 * 1024,
    error: () =>
      new AppError(413, "file-too-large", `The file is larger than the ${megabytes(maxFileBytes)} MB limit.`, {
        file: `At most ${megabytes(maxFileBytes)} MB.`,
      }),
  };
}

const defaultCap: Cap = {
  bytes: DEFAULT_BODY_CAP,
  error: () => new AppError(413, "body-too-large", words("errors.bodyTooLarge", { mb: megabytes(DEFAULT_BODY_CAP) })),
};

/**
 * The routes that take more than the default, by method and path. A route that takes uploads adds its line here;
 * every other body (pages, the JSON API, /api/auth) gets DEFAULT_BODY_CAP.
 */
const UPLOAD_ROUTES: { method: string; path: RegExp; cap: (maxReceiptBytes: number) => Cap }[] = [
  { method: "POST", path: /^\/chits\/[^/]+\/payments$/, cap: receiptsCap },
  { method: "POST", path: /^\/payments\/[^/]+\/edit$/, cap: receiptsCap },
  { method: "POST", path: /^\/api\/v1\/chits\/[^/]+\/payments$/, cap: receiptsCap },
  { method: "PATCH", path: /^\/api\/v1\/payments\/[^/]+$/, cap: receiptsCap },
  { method: "POST", path: /^\/imports$/, cap: () => importCap },
  { method: "POST", path: /^\/api\/v1\/imports$/, cap: () => importCap },
  { method: "POST", path: /^\/api\/v1\/receipts\/read$/, cap: oneFileCap },
  { method: "POST", path: /^\/share$/, cap: oneFileCap },
];

export function bodyCapFor(method: string, path: string, maxReceiptBytes: number): Cap {
  const route = UPLOAD_ROUTES.find((r) => r.method === method && r.path.test(path));
  return route ? route.cap(maxReceiptBytes) : defaultCap;
}

/**
 * True when this request may carry more than the default cap (an upload): the CSRF check reads those only for members.
 */
export function isUploadRoute(c: Context<WebEnv>): boolean {
  return bodyCapFor(c.req.method, c.req.path, 0) !== defaultCap;
}

/**
 * A body over the cap is refused with 413. The HTTP server (@hono/node-server) then discards at most 64 MB or 500 ms
 * of what is still arriving before it closes the connection, so the client reliably gets the answer, and nothing of it
 * is kept in memory.
 */
function tooLarge(cap: Cap): never {
  throw cap.error();
}

export const bodyCap = createMiddleware<WebEnv>(async (c, next) => {
  // A GET or HEAD has no body (the HTTP server gives it none); asking the Request for one would build a whole Request.
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  const raw = c.req.raw;
  if (!raw.body) return next();
  const cap = bodyCapFor(c.req.method, c.req.path, c.get("services").config.receiptMaxBytes);
  const declared = raw.headers.get("content-length");
  if (declared !== null && !raw.headers.has("transfer-encoding")) {
    // The HTTP server reads no more than a declared length, so the header alone decides.
    if (!/^\d+$/.test(declared.trim()) || Number(declared) > cap.bytes) tooLarge(cap);
    return next();
  }
  let size = 0;
  let exceeded = false;
  const counted = raw.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > cap.bytes) {
          exceeded = true;
          controller.error(cap.error());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  c.req.raw = new Request(raw, { body: counted, duplex: "half" } as RequestInit);
  await next();
  // Whatever the route made of the cut-off body (a parse error, a half-read form), the answer is 413.
  if (exceeded) {
    c.error = undefined;
    tooLarge(cap);
  }
});
