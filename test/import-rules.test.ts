// The layers of DESIGN.md hold: every import in src/ is read (static, type-only, re-exports and dynamic import()) and
// checked against what its folder may use. Domain imports only domain; app imports domain and ports; adapters import
// ports and domain; web imports app, ports and domain, never an adapter; only the composition root and the CLI know
// adapters. i18n (words for people) may be used by every layer above the domain.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

type Layer =
  | "domain"
  | "ports"
  | "app"
  | "adapters"
  | "web"
  | "i18n"
  | "jobs"
  | "config"
  | "cli"
  | "compose"
  | "types"
  | "locales";

/** What each layer may import (besides itself); "*" for the composition root and the CLI, which wire everything. */
const MAY_IMPORT: Record<Layer, readonly Layer[] | "*"> = {
  domain: [],
  ports: ["domain"],
  app: ["domain", "ports", "i18n"],
  adapters: ["domain", "ports", "i18n"],
  web: ["app", "ports", "domain", "i18n", "config", "locales"],
  i18n: ["domain", "locales"],
  jobs: ["app", "ports", "domain", "i18n", "config"],
  config: ["domain"],
  locales: [],
  types: [],
  cli: "*",
  compose: "*",
};

/** Packages that do I/O: the pure core never touches them (adapters do, behind ports). */
const IO_PACKAGES = new RegExp(
  String.raw`^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|dns|tls|worker_threads)$|` +
    String.raw`^(mongodb|better-sqlite3|node:sqlite|sharp|pdfkit|nodemailer|better-auth|file-type)(\/|$)`,
);

function layerOf(file: string): Layer {
  const path = relative(ROOT, file);
  if (path.startsWith("locales/")) return "locales";
  const inSrc = relative(SRC, file);
  if (inSrc.startsWith("..")) throw new Error(`${path} is outside src/`);
  const [top, ...rest] = inSrc.split("/");
  // Files at the top of src/ besides config.ts start and wire the app (main.ts, compose.ts, listen.ts ...).
  if (rest.length === 0) return top === "config.ts" ? "config" : "compose";
  if (!(top! in MAY_IMPORT))
    throw new Error(`src/${top}/ is not a layer of DESIGN.md; add it to MAY_IMPORT with its rules`);
  return top as Layer;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every module a file names: imports, `import type`, `export ... from` and `import("...")`. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map((f) => f.fileName);
}

/** The broken rules of one import, in words (empty when it is allowed). */
function problemsOf(file: string, specifier: string): string[] {
  const from = layerOf(file);
  const where = relative(ROOT, file);
  if (!specifier.startsWith(".")) {
    const pure = from === "domain" || from === "ports" || from === "app";
    return pure && IO_PACKAGES.test(specifier)
      ? [`${where} (${from}) does I/O through ${specifier}; put it behind a port`]
      : [];
  }
  const target = resolve(dirname(file), specifier);
  const to = layerOf(target);
  const allowed = MAY_IMPORT[from];
  if (to === from || allowed === "*" || allowed.includes(to)) return [];
  return [`${where} (${from}) imports ${relative(ROOT, target)} (${to})`];
}

describe("the import rules", () => {
  const files = sourceFiles(SRC);

  it("hold for every file under src/", () => {
    expect(files.length).toBeGreaterThan(150);
    const problems = files.flatMap((file) => importsOf(file).flatMap((specifier) => problemsOf(file, specifier)));
    expect(problems).toEqual([]);
  });

  it("leave no adapter import under src/web or src/app", () => {
    const offenders = files
      .filter((f) => /^src\/(web|app)\//.test(relative(ROOT, f)))
      .filter((f) =>
        importsOf(f).some((s) => s.startsWith(".") && relative(SRC, resolve(dirname(f), s)).startsWith("adapters/")),
      );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it(
    "keep file formats out of the pure core: the CSV codec is an adapter behind " +
      "ports/csv-codec.ts, and the domain decodes no bytes",
    () => {
      const decoding = files
        .filter((f) => /^src\/(domain|app)\//.test(relative(ROOT, f)))
        .filter((f) => {
          const text = readFileSync(f, "utf8");
          return (
            /\b(parseCsv|decodeCsvBytes|detectDelimiter)\b/.test(text) ||
            (relative(SRC, f).startsWith("domain/") && /\bTextDecoder\b/.test(text))
          );
        })
        .map((f) => relative(ROOT, f));
      expect(decoding).toEqual([]);
      expect(files.map((f) => relative(ROOT, f)).filter((f) => /^src\/domain\/.*csv/i.test(f))).toEqual([]);
    },
  );

  it("catch what they are meant to catch", () => {
    const at = (path: string) => join(ROOT, path);
    expect(problemsOf(at("src/web/routes/x.tsx"), "../../adapters/auth/member-store.ts")).toHaveLength(1);
    expect(problemsOf(at("src/app/x.ts"), "../adapters/archive/archive-file.ts")).toHaveLength(1);
    expect(problemsOf(at("src/adapters/pdf/x.ts"), "../../web/format.ts")).toHaveLength(1);
    expect(problemsOf(at("src/adapters/x/y.ts"), "../../app/errors.ts")).toHaveLength(1);
    expect(problemsOf(at("src/domain/x.ts"), "../ports/ledger.ts")).toHaveLength(1);
    expect(problemsOf(at("src/app/x.ts"), "node:fs/promises")).toHaveLength(1);
    expect(problemsOf(at("src/domain/x.ts"), "mongodb")).toHaveLength(1);
    expect(problemsOf(at("src/web/x.ts"), "../app/find-chit.ts")).toEqual([]);
    expect(problemsOf(at("src/compose.ts"), "./adapters/storage.ts")).toEqual([]);
    expect(problemsOf(at("src/cli/main.ts"), "../adapters/storage.ts")).toEqual([]);
  });
});
