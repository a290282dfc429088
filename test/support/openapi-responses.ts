// Checks real responses against /api/openapi.json: the status must be documented for the operation, the media type
// among the documented ones, and a JSON body valid against the documented schema (JSON Schema 2020-12, via ajv).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Media = Record<string, { schema: object }>;
type DocResponse = { description: string; content?: Media; $ref?: string };
type Operation = { operationId: string; responses: Record<string, DocResponse> };
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object>; responses: Record<string, DocResponse> };
};

export function responseChecker(doc: OpenApiDocument) {
  // Component refs point into the document; under $defs the same pointers work inside one JSON Schema.
  const defs = JSON.parse(
    JSON.stringify(doc.components.schemas).replaceAll("#/components/schemas/", "#/$defs/"),
  ) as Record<string, object>;
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true });
  addFormats.default(ajv);
  ajv.addFormat("binary", true);
  const compiled = new Map<string, ValidateFunction>();

  const operations = new Map<string, { method: string; path: string; operation: Operation }>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods))
      operations.set(operation.operationId, { method, path, operation });
  }

  /** Fails unless `res` is what the document says `operationId` answers; returns the parsed JSON body (or null). */
  async function check(operationId: string, res: Response): Promise<unknown> {
    const found = operations.get(operationId);
    if (!found) throw new Error(`${operationId} is not in the document`);
    const text = await res.text();
    const where = `${operationId} (${found.method.toUpperCase()} ${found.path}) answered ${res.status}`;
    let documented = found.operation.responses[String(res.status)];
    if (!documented) throw new Error(`${where}, a status the document does not list: ${text.slice(0, 300)}`);
    if (documented.$ref) documented = doc.components.responses[documented.$ref.split("/").pop()!]!;
    if (!documented.content) {
      if (text !== "") throw new Error(`${where} with a body the document does not describe`);
      return null;
    }
    const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = documented.content[type];
    if (!media)
      throw new Error(`${where} as ${type}; the document says ${Object.keys(documented.content).join(" or ")}`);
    if (type !== "application/json") return text;
    const key = `${operationId} ${res.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      const schema = JSON.parse(JSON.stringify(media.schema).replaceAll("#/components/schemas/", "#/$defs/"));
      validate = ajv.compile({ ...schema, $defs: defs });
      compiled.set(key, validate);
    }
    const body = JSON.parse(text) as unknown;
    if (!validate(body)) {
      const problems = (validate.errors ?? []).map(
        (e) => `${e.instancePath || "(body)"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
      );
      throw new Error(`${where} with a body that does not match the document:\n  ${problems.join("\n  ")}`);
    }
    return body;
  }

  const list = [...operations.values()].map(({ method, path, operation }) => ({
    method,
    path,
    operationId: operation.operationId,
  }));
  return { check, operations: list };
}
