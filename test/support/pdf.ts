// Looks inside a PDF as a reader would: its decompressed streams, page count, and (when poppler-utils is installed)
// its text and a rendered page.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";

/** Every stream of the file, inflated when it is Flate-compressed. */
export function pdfStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString("latin1");
  const re = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    const raw = pdf.subarray(start, end);
    try {
      out.push(/FlateDecode/.test(m[1]!) ? inflateSync(raw).toString("latin1") : raw.toString("latin1"));
    } catch {
      out.push("");
    }
  }
  return out;
}

export function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
}

export const hasTool = (name: string) => spawnSync("which", [name]).status === 0;

/** The text of every page (pdftotext, UTF-8), or null when poppler-utils is not installed. */
export function pdfText(pdf: Buffer): string | null {
  if (!hasTool("pdftotext")) return null;
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", "-", "-"], { input: pdf }).toString("utf8");
}

/** Page 1 rendered as PNG by pdftoppm, or null when poppler-utils is not installed. */
export function renderFirstPage(pdf: Buffer): Buffer | null {
  if (!hasTool("pdftoppm")) return null;
  const dir = mkdtempSync(join(tmpdir(), "chitfunds-pdf-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(dir, "in.pdf"),
      join(dir, "page"),
    ]);
    return readFileSync(join(dir, "page.png"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
