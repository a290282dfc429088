// Builds the OpenAPI 3.1 paths and component schemas from the routes an app serves and the zod schemas their
// describeRoute() names, with zod's own JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses).
import { z } from "zod";
import { type Answer, type OperationDoc, operationOf, requestSchemas, responseSchemas } from "./describe-route.ts";

type JsonSchema = Record<string, unknown>;
type RouteTable = { routes: readonly { method: string; path: string; handler: unknown }[] };
export type DocumentedRoute = { method: string; path: string; operation: OperationDoc };

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const toOpenApiPath = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?\??/g, "{$1}");
const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** The routes of `app` that carry a describeRoute(), in the order they are registered. */
export function documentedRoutes(app: RouteTable): DocumentedRoute[] {
  return app.routes.flatMap((route) => {
    const operation = operationOf(route.handler);
    return operation ? [{ method: route.method.toLowerCase(), path: toOpenApiPath(route.path), operation }] : [];
  });
}

/** zod's output carries $schema and $id; inside an OpenAPI document neither belongs. */
function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return clean(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema);
}

/** One side (request or response) of the document: named schemas plus the objects operations use without a name. */
class Side {
  private readonly ids = new Map<z.ZodType, string>();
  constructor(
    private readonly io: "input" | "output",
    named: Map<string, z.ZodType>,
  ) {
    for (const [id, schema] of named) this.ids.set(schema, id);
  }

  /** A $ref for named or object schemas (objects get a component named after the operation), else the schema inline. */
  use(schema: z.ZodType, fallbackId: string): JsonSchema {
    const id = this.ids.get(schema);
    if (id) return ref(id);
    if (!(schema instanceof z.ZodObject)) return convert(schema, this.io);
    if ([...this.ids.values()].includes(fallbackId)) throw new Error(`API schema name ${fallbackId} is used twice`);
    this.ids.set(schema, fallbackId);
    return ref(fallbackId);
  }

  components(): Record<string, JsonSchema> {
    const registry = z.registry<{ id: string }>();
    for (const [schema, id] of this.ids) registry.add(schema, { id });
    const { schemas } = z.toJSONSchema(registry, {
      io: this.io,
      unrepresentable: "any",
      uri: (id) => `#/components/schemas/${id}`,
    });
    if ("__shared" in schemas) throw new Error("An API schema refers to itself; give the shared part a name");
    return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, clean(schema as JsonSchema)]));
  }
}

function parameter(name: string, where: "path" | "query", field: z.ZodType) {
  const { description, ...schema } = convert(field, "input");
  const required = where === "path" || !field.safeParse(undefined).success;
  return { name, in: where, ...(required ? { required } : {}), ...(description ? { description } : {}), schema };
}

function parameters(path: string, operation: OperationDoc) {
  const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathShape = operation.params?.shape ?? {};
  return [
    ...inPath.map((name) => parameter(name, "path", (pathShape[name] as z.ZodType | undefined) ?? z.string())),
    ...Object.entries(operation.query?.shape ?? {}).map(([name, field]) =>
      parameter(name, "query", field as z.ZodType),
    ),
  ];
}

function answer(status: string, a: Answer, operationId: string, responses: Side) {
  if (typeof a === "string") return { $ref: `#/components/responses/${a}` };
  const base = `${pascal(operationId)}${status === "200" || status === "201" ? "" : status}Response`;
  const content = {
    ...(a.json ? { "application/json": { schema: responses.use(a.json, base) } } : {}),
    ...Object.fromEntries(
      Object.entries(a.content ?? {}).map(([type, schema]) => [type, { schema: responses.use(schema, base) }]),
    ),
  };
  const headers = Object.fromEntries(
    Object.entries(a.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: "string" } }]),
  );
  return {
    description: a.description,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(Object.keys(content).length ? { content } : {}),
  };
}

/** The `paths` and `components.schemas` of the routes given. */
export function buildPaths(routes: DocumentedRoute[]) {
  const requests = new Side("input", requestSchemas);
  const responses = new Side("output", responseSchemas);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path, operation: op } of routes) {
    const params = parameters(path, op);
    const body = op.body && {
      required: op.body.required,
      content: Object.fromEntries(
        Object.entries(op.body.content).map(([type, schema]) => [
          type,
          { schema: requests.use(schema, `${pascal(op.operationId)}Body`) },
        ]),
      ),
    };
    paths[path] = {
      ...paths[path],
      [method]: {
        operationId: op.operationId,
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        tags: op.tags,
        ...(params.length ? { parameters: params } : {}),
        ...(body ? { requestBody: body } : {}),
        responses: Object.fromEntries(
          Object.entries(op.responses).map(([status, a]) => [status, answer(status, a, op.operationId, responses)]),
        ),
        ...(op.security ? { security: op.security } : {}),
      },
    };
  }
  const schemas = { ...requests.components() };
  for (const [id, schema] of Object.entries(responses.components())) {
    if (id in schemas) throw new Error(`API schema name ${id} is used for a request and a response`);
    schemas[id] = schema;
  }
  return { paths, schemas };
}
