// The building blocks of our PDFs (pdfkit): A4 landscape pages with fonts for Latin and every Indian script offered
// (pdf-fonts.ts), headings, label/value grids, tables that continue over pages with their header repeated, and
// "Page x of y" footers. Every piece of text goes through write/measure, which give each script its own font.
import PDFDocument from "pdfkit";
import { type Family, fontName, registerFonts, splitRuns } from "./pdf-fonts.ts";

export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 36;
const FOOTER_HEIGHT = 24;
export const COLORS = {
  text: "#212529",
  muted: "#6c757d",
  rule: "#ced4da",
  band: "#f1f3f5",
  head: "#e7f1ff",
  accent: "#0b5ed7",
};

export function createPdf(info: {
  title: string;
  subject: string;
  author: string;
  createdAt: Date;
  lang: string;
}): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    lang: info.lang,
    autoFirstPage: false,
    info: {
      Title: info.title,
      Subject: info.subject,
      Author: info.author,
      Creator: "ChitFunds Ledger",
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  });
  registerFonts(doc);
  doc.addPage();
  doc.font("Sans").fontSize(9).fillColor(COLORS.text);
  return doc;
}

type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Distance from a line's top to its baseline in the Latin font, shared by every run so mixed scripts sit on one line.
 */
function baselineOffset(doc: Pdf, bold: boolean): number {
  doc.font(fontName("Sans", bold ? "bold" : "regular"));
  const font = (doc as unknown as { _font: { ascender: number } })._font;
  return (font.ascender / 1000) * (doc as unknown as { _fontSize: number })._fontSize;
}

/**
 * Writes text at (x, y), or where the last text ended when x is undefined, in the current size and colour: each
 * script's run in its own font, all on the Latin font's baseline. Ends with the Latin font selected.
 */
export function write(
  doc: Pdf,
  text: string,
  x: number | undefined,
  y: number | undefined,
  options: TextOptions = {},
  bold = false,
): void {
  const weight = bold ? "bold" : "regular";
  const runs = splitRuns(text);
  if (runs.length === 1 && runs[0]!.family === "Sans") {
    doc.font(fontName("Sans", weight));
    if (x === undefined) doc.text(text, options);
    else doc.text(text, x, y, options);
    return;
  }
  // pdfkit loses line breaks inside continued runs, so each line is written on its own, under the one before.
  const left = x ?? doc.x;
  text.split("\n").forEach((line, n) => {
    const lineRuns = splitRuns(line || " ");
    const baseline = -baselineOffset(doc, bold);
    lineRuns.forEach((run, i) => {
      doc.font(fontName(run.family, weight));
      const runOptions = { ...options, baseline, continued: i < lineRuns.length - 1 };
      if (i === 0) doc.text(run.text, left, n === 0 && y !== undefined ? y : doc.y, runOptions);
      else doc.text(run.text, runOptions);
    });
  });
  doc.font(fontName("Sans", weight));
}

/** The height `write` will take for text in `width`; runs in other scripts are measured in their own fonts. */
export function measure(doc: Pdf, text: string, options: TextOptions & { width: number }, bold = false): number {
  const weight = bold ? "bold" : "regular";
  const runs = splitRuns(text);
  doc.font(fontName("Sans", weight));
  if (runs.length === 1 && runs[0]!.family === "Sans") return doc.heightOfString(text, options);
  // Each line of the text: the runs' widths added up, wrapped into the width (with a little room for word breaks).
  let lines = 0;
  let width = 0;
  const endLine = () => {
    lines += Math.max(1, Math.ceil((width * 1.08) / options.width));
    width = 0;
  };
  for (const run of runs) {
    doc.font(fontName(run.family as Family, weight));
    const parts = run.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) endLine();
      width += doc.widthOfString(part);
    });
  }
  endLine();
  const lineHeight = Math.max(
    ...[...new Set(runs.map((r) => r.family))].map((family) => {
      doc.font(fontName(family, weight));
      return doc.currentLineHeight(true);
    }),
  );
  doc.font(fontName("Sans", weight));
  return lines * lineHeight;
}

/** The usable width between the margins. */
export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomLimit = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomLimit(doc)) {
    doc.addPage();
    doc.x = doc.page.margins.left;
  }
}

export function title(doc: Pdf, text: string, subtitle?: string): void {
  doc.fontSize(18).fillColor(COLORS.text);
  write(doc, text, doc.page.margins.left, doc.y, { width: contentWidth(doc) }, true);
  if (subtitle) {
    doc.fontSize(10).fillColor(COLORS.muted);
    write(doc, subtitle, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  }
  doc.moveDown(0.6);
  doc.font("Sans").fontSize(9).fillColor(COLORS.text);
}

export function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.5);
  const x = doc.page.margins.left;
  doc.fontSize(12).fillColor(COLORS.accent);
  write(doc, text, x, doc.y, { width: contentWidth(doc) }, true);
  const y = doc.y + 2;
  doc
    .moveTo(x, y)
    .lineTo(x + contentWidth(doc), y)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.y = y + 6;
  doc.font("Sans").fontSize(9).fillColor(COLORS.text);
}

export function paragraph(
  doc: Pdf,
  text: string,
  options: { muted?: boolean; bold?: boolean; size?: number } = {},
): void {
  const size = options.size ?? 9;
  doc.fontSize(size);
  ensureSpace(doc, measure(doc, text, { width: contentWidth(doc) }, options.bold) + 2);
  doc.fillColor(options.muted ? COLORS.muted : COLORS.text);
  write(doc, text, doc.page.margins.left, doc.y, { width: contentWidth(doc) }, options.bold);
  doc.font("Sans").fontSize(9).fillColor(COLORS.text);
}

/** Label/value pairs laid out in `columns` columns, row by row. */
export function keyValues(doc: Pdf, pairs: [string, string][], columns = 2): void {
  const width = contentWidth(doc) / columns;
  const labelWidth = Math.min(150, width * 0.45);
  const left = doc.page.margins.left;
  for (let i = 0; i < pairs.length; i += columns) {
    const row = pairs.slice(i, i + columns);
    doc.fontSize(9);
    const height = Math.max(
      ...row.map(([label, value]) =>
        Math.max(
          measure(doc, label, { width: labelWidth - 6 }, true),
          measure(doc, value || "—", { width: width - labelWidth - 10 }),
        ),
      ),
    );
    ensureSpace(doc, height + 4);
    const y = doc.y;
    row.forEach(([label, value], k) => {
      const x = left + k * width;
      doc.fillColor(COLORS.muted);
      write(doc, label, x, y, { width: labelWidth - 6 }, true);
      doc.fillColor(COLORS.text);
      write(doc, value || "—", x + labelWidth, y, { width: width - labelWidth - 10 });
    });
    doc.x = left;
    doc.y = y + height + 4;
  }
  doc.font("Sans").fillColor(COLORS.text);
}

export type Column = { header: string; width: number; align?: "left" | "right" | "center" };

const PAD = 3;

/**
 * A table whose widths are fractions of the page width; rows that do not fit continue on the next page under a repeated
 * header.
 */
export function table(
  doc: Pdf,
  columns: Column[],
  rows: string[][],
  options: { boldRows?: Set<number>; fontSize?: number } = {},
): void {
  const size = options.fontSize ?? 8;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const left = doc.page.margins.left;
  const cellHeight = (cells: string[], bold: boolean) => {
    doc.fontSize(size);
    return (
      Math.max(...cells.map((cell, i) => measure(doc, cell || " ", { width: widths[i]! - PAD * 2 }, bold))) + PAD * 2
    );
  };
  const drawRow = (cells: string[], y: number, height: number, fill: string | null, bold: boolean) => {
    if (fill) doc.rect(left, y, contentWidth(doc), height).fill(fill);
    let x = left;
    doc.fontSize(size).fillColor(COLORS.text);
    cells.forEach((cell, i) => {
      write(
        doc,
        cell,
        x + PAD,
        y + PAD,
        { width: widths[i]! - PAD * 2, align: columns[i]!.align ?? "left", lineBreak: true },
        bold,
      );
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + contentWidth(doc), y + height)
      .lineWidth(0.3)
      .strokeColor(COLORS.rule)
      .stroke();
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = cellHeight(headers, true);
  const drawHeader = () => {
    const y = doc.y;
    drawRow(headers, y, headerHeight, COLORS.head, true);
    doc.y = y + headerHeight;
  };
  ensureSpace(doc, headerHeight + 20);
  drawHeader();
  rows.forEach((cells, index) => {
    const bold = options.boldRows?.has(index) ?? false;
    const height = cellHeight(cells, bold);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(cells, y, height, index % 2 === 1 ? COLORS.band : null, bold);
    doc.y = y + height; // text() moved doc.y; rows follow on from the row's own top
  });
  doc.x = left;
  doc.y += 6;
  doc.font("Sans").fontSize(9).fillColor(COLORS.text);
}

/** Writes "Page x of y" and a line of its own on every page, then the finished file's bytes. */
export function finish(doc: Pdf, footer: string, pageOf: (page: number, pages: number) => string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise start a new page
    const y = doc.page.height - MARGIN - 10;
    const width = contentWidth(doc);
    doc.fontSize(7.5).fillColor(COLORS.muted);
    write(doc, footer, doc.page.margins.left, y, { width: width * 0.75, lineBreak: false });
    write(doc, pageOf(i - start + 1, count), doc.page.margins.left + width * 0.75, y, {
      width: width * 0.25,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
