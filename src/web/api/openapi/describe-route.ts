// Each API route carries its own OpenAPI description: describeRoute() is a pass-through middleware holding the
// operation, and the document is built by walking the app's routes (see build-document.ts), so a route cannot be served
// undocumented or documented under another path. Schemas are the zod schemas that parse requests and shape responses.
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";

/** Shared error answers, listed once under components.responses. */
export type ErrorAnswer = "BadInput" | "Unauthenticated" | "Forbidden" | "NotFound" | "TooLarge" | "UnsupportedFile";

/** One answer: JSON shaped by a zod schema, other media types (files), or no body. */
export type Answer =
  | ErrorAnswer
  | { description: string; json?: z.ZodType; content?: Record<string, z.ZodType>; headers?: Record<string, string> };

export type OperationDoc = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Path parameters by name; a {name} in the path without an entry is a plain string. */
  params?: z.ZodObject;
  /** Query parameters: the same object schema the use case parses them with. */
  query?: z.ZodObject;
  body?: { required: boolean; content: Record<string, z.ZodType> };
  responses: Record<number, Answer>;
  /** Overrides the document's default (session cookie or bearer token); [] means no sign-in. */
  security?: Record<string, string[]>[];
};

const OPERATION = Symbol.for("chitfunds.openapi-operation");

type Described = MiddlewareHandler & { [OPERATION]?: OperationDoc };

/** Put before a route's handler: `.get("/chits", describeRoute({...}), handler)`. */
export function describeRoute(operation: OperationDoc): MiddlewareHandler {
  const passThrough: Described = async (_c, next) => {
    await next();
  };
  passThrough[OPERATION] = operation;
  return passThrough;
}

/** The operation a route handler describes, if it is a describeRoute() middleware. */
export function operationOf(handler: unknown): OperationDoc | undefined {
  return typeof handler === "function" ? (handler as Described)[OPERATION] : undefined;
}

/** Every /api/v1 route can answer these: not signed in, and signed in but not (yet) approved. */
export const guarded = { 401: "Unauthenticated", 403: "Forbidden" } as const satisfies Record<number, Answer>;

/**
 * Named schemas become components (#/components/schemas/<name>). What the API reads is described as zod parses it
 * (its input: text such as "1,00,000" allowed for rupees); what it sends as the presenter shapes it (its output).
 */
export const requestSchemas = new Map<string, z.ZodType>();
export const responseSchemas = new Map<string, z.ZodType>();

function name<S extends z.ZodType>(side: Map<string, z.ZodType>, id: string, schema: S): S {
  if (requestSchemas.has(id) || responseSchemas.has(id)) throw new Error(`Two API schemas are both called ${id}`);
  side.set(id, schema);
  return schema;
}

export const requestSchema = <S extends z.ZodType>(id: string, schema: S) => name(requestSchemas, id, schema);
export const responseSchema = <S extends z.ZodType>(id: string, schema: S) => name(responseSchemas, id, schema);
