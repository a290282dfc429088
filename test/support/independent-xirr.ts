// A second opinion on rates, written apart from src/domain: every root of XIRR's NPV by a dense scan, and LibreOffice
// Calc's own XIRR when `soffice` is on the machine (Debian: libreoffice-calc-nogui).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The namespaces of a flat OpenDocument spreadsheet (.fods), which LibreOffice converts to CSV. */
const FODS_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"',
].join(" ");
const xirrFormula = (r: number, end: string) => `of:=XIRR([.B${r}:.${end}${r}];[.B${r + 1}:.${end}${r + 1}])`;
const dateCell = (d: string) => `<table:table-cell office:value-type="date" office:date-value="${d}"/>`;

/** A flow in rupees on a calendar date; negative paid out, positive received. */
export type RupeeFlow = { date: string; amount: number };

const DAY = 86_400_000;

function netted(flows: readonly RupeeFlow[]): { amounts: number[]; years: number[] } {
  const byDate = new Map<string, number>();
  for (const f of flows) byDate.set(f.date, (byDate.get(f.date) ?? 0) + f.amount);
  const dates = [...byDate.keys()].filter((d) => Math.abs(byDate.get(d) ?? 0) > 1e-9).sort();
  const start = Date.parse(dates[0] ?? "2000-01-01");
  return {
    amounts: dates.map((d) => byDate.get(d) ?? 0),
    years: dates.map((d) => (Date.parse(d) - start) / DAY / 365),
  };
}

/**
 * Every annual rate r where sum amount x (1 + r)^(-days / 365) = 0, found as sign changes of NPV on 30,000 points of
 * u = ln(1 + r) (finest from -99.9999% to 10^6 %, coarser out to 10^300 % and to -100% + 10^-15), each refined by
 * bisection. NPV is scaled by (1 + r)^t of the first date (u > 0) or the last (u < 0) so nothing overflows.
 */
export function xirrRoots(flows: readonly RupeeFlow[]): number[] {
  const { amounts, years } = netted(flows);
  if (amounts.length < 2) return [];
  const last = years[years.length - 1] ?? 0;
  const f = (u: number) =>
    amounts.reduce((sum, a, i) => sum + a * Math.exp(-u * ((years[i] ?? 0) - (u < 0 ? last : 0))), 0);
  const points: number[] = [];
  const span = (from: number, to: number, n: number) => {
    for (let i = 0; i < n; i++) points.push(from + ((to - from) * i) / n);
  };
  span(-35, -14, 2_000);
  span(-14, 10, 24_000);
  span(10, 690, 4_000);
  points.push(690);
  const roots: number[] = [];
  let u0 = points[0] ?? 0;
  let v0 = f(u0);
  for (const u1 of points.slice(1)) {
    const v1 = f(u1);
    if (v0 !== 0 && v1 !== 0 && v0 > 0 !== v1 > 0) {
      let a = u0;
      let b = u1;
      let fa = v0;
      for (let k = 0; k < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); k++) {
        const m = (a + b) / 2;
        const fm = f(m);
        if (fm > 0 === fa > 0) {
          a = m;
          fa = fm;
        } else b = m;
      }
      roots.push(Math.expm1((a + b) / 2));
    } else if (v1 === 0) roots.push(Math.expm1(u1));
    u0 = u1;
    v0 = v1;
  }
  return roots;
}

/** Two annual rates are the same root when ln(1 + r) agrees to 1e-6 (relative for huge rates). */
export function sameRate(a: number, b: number): boolean {
  const ga = Math.log1p(a);
  const gb = Math.log1p(b);
  return Math.abs(ga - gb) <= 1e-6 * Math.max(1, Math.abs(gb));
}

/** NPV at an annual rate from the first date, as a spreadsheet's XNPV. */
export function xnpv(flows: readonly RupeeFlow[], rate: number): number {
  const { amounts, years } = netted(flows);
  return amounts.reduce((sum, a, i) => sum + a * (1 + rate) ** -(years[i] ?? 0), 0);
}

export const hasLibreOffice = spawnSync("sh", ["-c", "command -v soffice"], { stdio: "ignore" }).status === 0;

/** LibreOffice Calc's XIRR of each series (null where Calc answers an error), one headless conversion for all. */
export function libreOfficeXirr(series: readonly (readonly RupeeFlow[])[]): (number | null)[] {
  const dir = mkdtempSync(join(tmpdir(), "calc-xirr-"));
  try {
    const column = (i: number) => {
      let s = "";
      for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const rows = series.flatMap((raw, i) => {
      const byDate = new Map<string, number>();
      for (const f of raw) byDate.set(f.date, (byDate.get(f.date) ?? 0) + f.amount);
      const dates = [...byDate.keys()].sort();
      const r = 2 * i + 1;
      const end = column(dates.length);
      return [
        `<table:table-row><table:table-cell table:formula="${xirrFormula(r, end)}"/>${dates
          .map((d) => `<table:table-cell office:value-type="float" office:value="${byDate.get(d)}"/>`)
          .join("")}</table:table-row>`,
        `<table:table-row><table:table-cell/>${dates.map(dateCell).join("")}</table:table-row>`,
      ];
    });
    writeFileSync(
      join(dir, "x.fods"),
      `<?xml version="1.0" encoding="UTF-8"?><office:document ${FODS_NAMESPACES}>` +
        `<office:body><office:spreadsheet><table:table table:name="x">${rows.join("\n")}</table:table>` +
        "</office:spreadsheet></office:body></office:document>",
    );
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "csv",
        "--outdir",
        dir,
        join(dir, "x.fods"),
      ],
      {
        stdio: "ignore",
        timeout: 120_000,
      },
    );
    const lines = readFileSync(join(dir, "x.csv"), "utf8").split("\n");
    return series.map((_, i) => {
      const text = (lines[2 * i] ?? "").split(",")[0] ?? "";
      const value = Number(text);
      return text.trim() !== "" && Number.isFinite(value) ? value : null;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
