// Lines at most 120 characters wide in every source file: the formatter keeps code within that, and long strings,
// comments, regexes and templates are written to fit (a reader never scrolls sideways).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const MAX = 120;
const ROOT = join(import.meta.dirname, "..");
const FOLDERS = ["src", "test", "e2e", "scripts", "bench", "public", "deploy"];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|css)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "fixtures" ? [] : sources(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

describe("the source", () => {
  it(`has no line over ${MAX} characters`, () => {
    const long = FOLDERS.flatMap((folder) => {
      try {
        return sources(join(ROOT, folder));
      } catch {
        return [];
      }
    }).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          [...line].length > MAX ? [`${relative(ROOT, file)}:${i + 1} (${[...line].length})`] : [],
        ),
    );
    expect(long).toEqual([]);
  });
});
