// One source of truth for the things that had drifted apart as near-copies: each exported type has one name in one
// file (there were two different `Payment`s), the default time zone is one constant, and the small helpers that had
// been written twice (withoutBlanks, CodePurpose, formatBytes) are declared once.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

const sources = readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
  .map((e) => {
    const path = join(e.parentPath, e.name);
    return {
      path: relative(ROOT, path),
      file: ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true),
    };
  });

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Where each top-level name is declared: types, interfaces, classes, enums, functions and variables. */
function declarations(kinds: "types" | "all"): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const add = (name: string, path: string) => where.set(name, [...(where.get(name) ?? []), path]);
  for (const { path, file } of sources) {
    for (const s of file.statements) {
      const typeLike =
        ts.isTypeAliasDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isClassDeclaration(s) ||
        ts.isEnumDeclaration(s);
      if (typeLike && s.name && isExported(s)) add(s.name.text, path);
      if (kinds === "types") continue;
      if (ts.isFunctionDeclaration(s) && s.name) add(s.name.text, path);
      if (ts.isVariableStatement(s))
        for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, path);
    }
  }
  return where;
}

/** Every string a file spells out in code (string and template literals; comments do not count). */
function literals(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("one source of truth", () => {
  it("gives every exported type one name in one file", () => {
    const twice = [...declarations("types")]
      .filter(([, paths]) => paths.length > 1)
      .map(([name, paths]) => `${name}: ${paths.join(", ")}`);
    expect(sources.length).toBeGreaterThan(150);
    expect(twice).toEqual([]);
  });

  it("keeps the two payment shapes apart: the stored Payment and the schedule's InstalmentPayment", () => {
    const types = declarations("types");
    expect(types.get("Payment")).toEqual(["src/ports/ledger.ts"]);
    expect(types.get("InstalmentPayment")).toEqual(["src/domain/schedule.ts"]);
  });

  it("names the default time zone once", () => {
    const spelled = sources
      .filter(({ file }) => literals(file).some((text) => text.includes("Asia/Kolkata")))
      .map((s) => s.path);
    expect(spelled).toEqual(["src/domain/dates.ts"]);
  });

  it("declares each formerly copied helper once", () => {
    const all = declarations("all");
    for (const name of ["withoutBlanks", "CodePurpose", "formatBytes", "DEFAULT_TIME_ZONE", "PaidInMonth"]) {
      expect(all.get(name), name).toHaveLength(1);
    }
  });
});
