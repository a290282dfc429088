// Types and small constructors for the hand-written OpenAPI 3.1 document (JSON Schema 2020-12 subset), no library.

/** The subset of JSON Schema 2020-12 (as OpenAPI 3.1 uses it) this document needs. */
export type Schema = {
  $ref?: string;
  type?: SchemaType | SchemaType[];
  description?: string;
  format?: string;
  enum?: readonly (string | number | boolean | null)[];
  default?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  contentMediaType?: string;
};
export type SchemaType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const str = (description?: string, extra: Schema = {}): Schema => ({ type: "string", ...(description ? { description } : {}), ...extra });
export const num = (description?: string): Schema => ({ type: "number", ...(description ? { description } : {}) });
export const int = (description?: string, extra: Schema = {}): Schema => ({ type: "integer", ...(description ? { description } : {}), ...extra });
export const bool = (description?: string, extra: Schema = {}): Schema => ({ type: "boolean", ...(description ? { description } : {}), ...extra });
export const date = (description = "A calendar date, YYYY-MM-DD."): Schema => ({ type: "string", format: "date", description });
export const instant: Schema = { type: "string", format: "date-time" };
export const oneOfEnum = (values: readonly string[], description?: string, fallback?: string): Schema => ({
  type: "string",
  enum: values,
  ...(description ? { description } : {}),
  ...(fallback ? { default: fallback } : {}),
});
export const nullable = (schema: Schema): Schema => {
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  const { description, ...rest } = schema;
  return { ...(description ? { description } : {}), oneOf: [rest, { type: "null" }] };
};
export const arrayOf = (items: Schema): Schema => ({ type: "array", items });
export const object = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({
  type: "object",
  properties,
  ...(required.length ? { required } : {}),
});

export type Parameter = { name: string; in: "path" | "query"; required?: boolean; description?: string; schema: Schema };
export type Response = { description: string; content?: Record<string, { schema: Schema }>; headers?: Record<string, { description: string; schema: Schema }> };
/** One operation of a path item. */
export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, Response | { $ref: string }>;
  security?: Record<string, string[]>[];
};
export type Method = "get" | "post" | "put" | "patch" | "delete";

export const json = (schema: Schema) => ({ "application/json": { schema } });
