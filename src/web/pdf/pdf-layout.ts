// The building blocks of our PDFs (pdfkit): A4 landscape pages with the bundled DejaVu Sans font (it has the rupee
// sign, which the built-in PDF fonts lack), headings, label/value grids, tables that continue over pages with their
// header repeated, and "Page x of y" footers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";

const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
let fonts: { regular: Buffer; bold: Buffer } | null = null;
const loadFonts = () => {
  fonts ??= { regular: readFileSync(join(fontDir, "DejaVuSans.ttf")), bold: readFileSync(join(fontDir, "DejaVuSans-Bold.ttf")) };
  return fonts;
};

export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 36;
const FOOTER_HEIGHT = 24;
export const COLORS = { text: "#212529", muted: "#6c757d", rule: "#ced4da", band: "#f1f3f5", head: "#e7f1ff", accent: "#0b5ed7" };

export function createPdf(info: { title: string; subject: string; author: string; createdAt: Date }): Pdf {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: info.title, Subject: info.subject, Author: info.author, Creator: "ChitFunds Ledger", CreationDate: info.createdAt, ModDate: info.createdAt },
  });
  doc.registerFont("Sans", regular);
  doc.registerFont("Sans-Bold", bold);
  doc.addPage();
  doc.font("Sans").fontSize(9).fillColor(COLORS.text);
  return doc;
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
  doc
    .font("Sans-Bold")
    .fontSize(18)
    .fillColor(COLORS.text)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  if (subtitle)
    doc
      .font("Sans")
      .fontSize(10)
      .fillColor(COLORS.muted)
      .text(subtitle, { width: contentWidth(doc) });
  doc.moveDown(0.6);
  doc.font("Sans").fontSize(9).fillColor(COLORS.text);
}

export function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.5);
  const x = doc.page.margins.left;
  doc
    .font("Sans-Bold")
    .fontSize(12)
    .fillColor(COLORS.accent)
    .text(text, x, doc.y, { width: contentWidth(doc) });
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

export function paragraph(doc: Pdf, text: string, options: { muted?: boolean; bold?: boolean; size?: number } = {}): void {
  const size = options.size ?? 9;
  doc.font(options.bold ? "Sans-Bold" : "Sans").fontSize(size);
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 2);
  doc.fillColor(options.muted ? COLORS.muted : COLORS.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
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
          doc.font("Sans-Bold").heightOfString(label, { width: labelWidth - 6 }),
          doc.font("Sans").heightOfString(value || "—", { width: width - labelWidth - 10 }),
        ),
      ),
    );
    ensureSpace(doc, height + 4);
    const y = doc.y;
    row.forEach(([label, value], k) => {
      const x = left + k * width;
      doc
        .font("Sans-Bold")
        .fillColor(COLORS.muted)
        .text(label, x, y, { width: labelWidth - 6 });
      doc
        .font("Sans")
        .fillColor(COLORS.text)
        .text(value || "—", x + labelWidth, y, { width: width - labelWidth - 10 });
    });
    doc.x = left;
    doc.y = y + height + 4;
  }
  doc.font("Sans").fillColor(COLORS.text);
}

export type Column = { header: string; width: number; align?: "left" | "right" | "center" };

const PAD = 3;

/** A table whose widths are fractions of the page width; rows that do not fit continue on the next page under a repeated header. */
export function table(doc: Pdf, columns: Column[], rows: string[][], options: { boldRows?: Set<number>; fontSize?: number } = {}): void {
  const size = options.fontSize ?? 8;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const left = doc.page.margins.left;
  const cellHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Sans-Bold" : "Sans").fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || " ", { width: widths[i]! - PAD * 2 }))) + PAD * 2;
  };
  const drawRow = (cells: string[], y: number, height: number, fill: string | null, bold: boolean) => {
    if (fill) doc.rect(left, y, contentWidth(doc), height).fill(fill);
    let x = left;
    doc
      .font(bold ? "Sans-Bold" : "Sans")
      .fontSize(size)
      .fillColor(COLORS.text);
    cells.forEach((cell, i) => {
      doc.text(cell, x + PAD, y + PAD, { width: widths[i]! - PAD * 2, align: columns[i]!.align ?? "left", lineBreak: true });
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
export function finish(doc: Pdf, footer: string): Promise<Buffer> {
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
    doc.font("Sans").fontSize(7.5).fillColor(COLORS.muted);
    doc.text(footer, doc.page.margins.left, y, { width: width * 0.75, lineBreak: false });
    doc.text(`Page ${i - start + 1} of ${count}`, doc.page.margins.left + width * 0.75, y, { width: width * 0.25, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
