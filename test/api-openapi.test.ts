// The OpenAPI document at /api/openapi.json is public and describes exactly the routes the app serves under /api/v1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../src/web/api/openapi.ts";
import { expectStatus } from "./support/api.ts";
import { startTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ smtp: false });
});
afterAll(async () => {
  await t.close();
});

type Document = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  security: unknown[];
};

const toOpenApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, "{$1}");

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe("GET /api/openapi.json", () => {
  it("is served without a session, as OpenAPI 3.1 JSON", async () => {
    const doc = await expectStatus<Document>(t.newClient().fetch("/api/openapi.json"), 200);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it("describes every route registered under /api/v1, and no route the app does not serve", async () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument)) as Document;
    const served = new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/"))
        .map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`),
    );
    expect(served.size).toBeGreaterThanOrEqual(20);
    const documented = new Set(
      Object.entries(doc.paths)
        .filter(([path]) => path.startsWith("/api/v1/"))
        .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)),
    );
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !served.has(route))).toEqual([]);
  });

  it("names the session cookie and bearer token, better-auth's /api/auth, and the one error envelope", () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument)) as Document;
    expect(Object.keys(doc.components.securitySchemes!)).toEqual(["cookieAuth", "bearerAuth"]);
    expect(doc.components.securitySchemes).toMatchObject({
      cookieAuth: { type: "apiKey", in: "cookie" },
      bearerAuth: { type: "http", scheme: "bearer" },
    });
    expect(doc.security).toEqual([{ cookieAuth: [] }, { bearerAuth: [] }]);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith("/api/auth/")).length).toBeGreaterThan(0);
    expect(JSON.stringify(doc.paths["/api/auth/sign-in/email"])).toMatch(/better-auth/);
    expect(doc.components.schemas!.Error).toMatchObject({ properties: { error: { required: ["code", "message"] } } });
    // every {param} in a path is declared on each of its operations
    for (const [path, operations] of Object.entries(doc.paths)) {
      const wanted = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const declared = ((operation as { parameters?: { name: string; in: string }[] }).parameters ?? [])
          .filter((p) => p.in === "path")
          .map((p) => p.name);
        expect(declared, `${method} ${path}`).toEqual(wanted);
      }
    }
    // every id route documents the 404 another member's id gets
    for (const [path, operations] of Object.entries(doc.paths).filter(([p]) => p.includes("{id}"))) {
      for (const [method, operation] of Object.entries(operations))
        expect((operation as { responses: object }).responses, `${method} ${path}`).toHaveProperty("404");
    }
  });

  it("has no dangling $ref and speaks rupees in the chit fields of DESIGN.md", () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument)) as Document;
    const missing = refsIn(doc).filter((ref) => {
      const [, , section, name] = ref.split("/");
      return !doc.components[section!]?.[name!];
    });
    expect(missing).toEqual([]);
    const chit = doc.components.schemas!.Chit as { properties: Record<string, unknown> };
    for (const field of [
      "name",
      "organizer",
      "ticketNo",
      "chitValue",
      "members",
      "startDate",
      "dueDay",
      "commissionPercent",
      "commissionMode",
      "bidIncludesCommission",
      "dividendSplit",
      "dividendApplies",
      "firstInstalment",
      "maxDiscountPercent",
      "taxOnCommissionPercent",
      "taxDeductedFromPrize",
      "notes",
    ]) {
      expect(chit.properties, field).toHaveProperty(field);
    }
  });
});
