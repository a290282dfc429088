// No dead code ships: knip (configured in knip.json) finds no unused file, export, type or dependency, and CI runs it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

describe("dead code", () => {
  it("knip finds no unused file, export, type or dependency", () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/knip/bin/knip.js"), "--no-progress", "--no-config-hints"],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(`${run.stdout}${run.stderr}`.trim()).toBe("");
    expect(run.status).toBe(0);
  }, 150_000);

  it("is checked by CI before the tests", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.deadcode).toMatch(/knip/);
    expect(readFileSync(join(ROOT, ".ci/run"), "utf8")).toMatch(/^npm run deadcode$/m);
  });
});
