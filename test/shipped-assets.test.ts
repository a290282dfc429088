// No dead asset ships: every front-end file the app serves is used by a page, and htmx (shipped once and used nowhere)
// is gone from the assets, the pages and the dependencies.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedAssets } from "../src/web/assets.ts";
import { signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { addChit } from "./support/ledger-pages.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** Every source file of the web layer, as text (where pages name their assets through assetPath). */
function webSources(): string {
  const dir = join(ROOT, "src", "web");
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && e.name !== "assets.ts")
    .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"))
    .join("\n");
}

describe("shipped assets", () => {
  it("are each linked from a page (a source map goes with its file)", () => {
    const sources = webSources();
    const names = shippedAssets();
    expect(names.length).toBeGreaterThan(5);
    const unused = names.filter((name) =>
      name.endsWith(".map")
        ? !names.includes(name.slice(0, -".map".length))
        : !sources.includes(`assetPath("${name}")`),
    );
    expect(unused).toEqual([]);
  });

  it("leave htmx out of the dependencies and the served files", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain("htmx.org");
    expect(shippedAssets().filter((name) => /htmx/i.test(name))).toEqual([]);
    expect(readFileSync(join(ROOT, "public", "app.css"), "utf8")).not.toMatch(/htmx/i);
  });
});

describe("pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("reference no htmx script, configuration or attribute", async () => {
    const anonymous = t.newClient();
    const member = await signedInMember(t, "asha@example.com");
    const chit = await addChit(member);
    const pages = [
      [anonymous, "/login"],
      [anonymous, "/register"],
      [member, "/dashboard"],
      [member, "/chits"],
      [member, `/chits/${chit}`],
      [member, "/payments"],
      [member, "/imports"],
      [member, `/chits/${chit}/payments/new`],
      [member, "/calendar"],
    ] as const;
    for (const [client, path] of pages) {
      const res = await client.fetch(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toMatch(/htmx|\shx-[a-z]+=/i);
    }
    expect((await anonymous.fetch("/assets/htmx/htmx.min.js")).status).toBe(404);
  });
});
