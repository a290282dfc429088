// Fonts for every script the app speaks: Noto Sans for Latin (DejaVu Sans, bundled, when Noto is not installed) and
// Noto Sans Telugu, Tamil, Malayalam, Kannada and Devanagari, from Debian's fonts-noto-core. Text is cut into runs by
// script so each run gets the font that has its glyphs (a Telugu chit name prints right inside an English statement);
// fontkit shapes each run (conjuncts, vowel signs), and each shaped fragment carries its text as /ActualText so copying
// or pdftotext gives back the words, not the glyphs' reordered code points.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type Pdf = PDFKit.PDFDocument;
type Weight = "regular" | "bold";

/** Where distributions put the Noto fonts: Debian and Ubuntu (fonts-noto-core), Arch, Fedora. */
const NOTO_DIRS = ["/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto", "/usr/share/fonts/google-noto"];

export const SCRIPTS = [
  {
    name: "Devanagari",
    file: "NotoSansDevanagari",
    test: (cp: number) => (cp >= 0x0900 && cp <= 0x097f) || (cp >= 0xa8e0 && cp <= 0xa8ff),
  },
  { name: "Tamil", file: "NotoSansTamil", test: (cp: number) => cp >= 0x0b80 && cp <= 0x0bff },
  { name: "Telugu", file: "NotoSansTelugu", test: (cp: number) => cp >= 0x0c00 && cp <= 0x0c7f },
  { name: "Kannada", file: "NotoSansKannada", test: (cp: number) => cp >= 0x0c80 && cp <= 0x0cff },
  { name: "Malayalam", file: "NotoSansMalayalam", test: (cp: number) => cp >= 0x0d00 && cp <= 0x0d7f },
] as const;

type ScriptName = (typeof SCRIPTS)[number]["name"];
/** A font family registered with the document: "Sans" for Latin, else the script's name. */
export type Family = "Sans" | ScriptName;

const INDIC = /[\u0900-\u097f\u0b80-\u0d7f\ua8e0-\ua8ff]/;

function findFile(file: string): string | null {
  for (const dir of NOTO_DIRS) {
    const path = join(dir, file);
    if (existsSync(path)) return path;
  }
  return null;
}

let loaded: Map<Family, Record<Weight, Buffer> | null> | null = null;

/** Reads the fonts once; a script whose font is not installed is null (and refused only if some text needs it). */
function fonts(): Map<Family, Record<Weight, Buffer> | null> {
  if (loaded) return loaded;
  const map = new Map<Family, Record<Weight, Buffer> | null>();
  const notoSans = findFile("NotoSans-Regular.ttf");
  const notoSansBold = findFile("NotoSans-Bold.ttf");
  if (notoSans && notoSansBold) map.set("Sans", { regular: readFileSync(notoSans), bold: readFileSync(notoSansBold) });
  else {
    const dejavu = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    map.set("Sans", {
      regular: readFileSync(join(dejavu, "DejaVuSans.ttf")),
      bold: readFileSync(join(dejavu, "DejaVuSans-Bold.ttf")),
    });
  }
  for (const s of SCRIPTS) {
    const regular = findFile(`${s.file}-Regular.ttf`);
    const bold = findFile(`${s.file}-Bold.ttf`);
    map.set(s.name, regular ? { regular: readFileSync(regular), bold: readFileSync(bold ?? regular) } : null);
  }
  loaded = map;
  return map;
}

export class MissingFontError extends Error {
  constructor(readonly script: ScriptName) {
    super(
      `The PDF needs the Noto Sans ${script} font, which is not installed. Install Debian's fonts-noto-core ` +
        ("(apt-get install fonts-noto-core) or put " +
          `${SCRIPTS.find((s) => s.name === script)?.file}-Regular.ttf in one of ` +
          `${NOTO_DIRS.join(", ")}.`),
    );
  }
}

/** The registered name of a family's weight: "Sans-Bold", "Telugu", ... */
export const fontName = (family: Family, weight: Weight) => (weight === "bold" ? `${family}-Bold` : family);

/** Registers every installed font with the document and makes each shaped fragment carry its text (ActualText). */
export function registerFonts(doc: Pdf): void {
  for (const [family, files] of fonts()) {
    if (!files) continue;
    doc.registerFont(fontName(family, "regular"), files.regular);
    doc.registerFont(fontName(family, "bold"), files.bold);
  }
  // pdfkit draws each line's fragment with _fragment, as q cm BT ... ET Q. An Indic fragment's BT..ET is wrapped in a
  // marked-content span whose ActualText is the fragment's own text (inside q..Q, so readers place it where it is
  // drawn), and extraction no longer depends on the glyphs' order or ligatures.
  const internal = doc as unknown as {
    _fragment(text: string, x: number, y: number, options: object): void;
    addContent(data: string): Pdf;
  };
  const draw = internal._fragment.bind(doc);
  const addContent = internal.addContent.bind(doc);
  internal._fragment = (text, x, y, options) => {
    const plain = `${text}`.replace(/\n/g, "");
    if (!INDIC.test(plain)) return draw(text, x, y, options);
    internal.addContent = (data) => {
      if (data === "BT") addContent(`/Span <</ActualText ${utf16Hex(plain)}>> BDC`);
      addContent(data);
      if (data === "ET") addContent("EMC");
      return doc;
    };
    try {
      draw(text, x, y, options);
    } finally {
      internal.addContent = addContent;
    }
  };
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: <FEFF...>. */
function utf16Hex(text: string): string {
  const bytes = Buffer.from(text, "utf16le");
  bytes.swap16();
  return `<FEFF${bytes.toString("hex").toUpperCase()}>`;
}

export type Run = { family: Family; text: string };

/**
 * Cuts text into runs of one font: Indic letters to their script's font, Latin to Sans; spaces, digits and punctuation
 * stay with the run before them when its font has them.
 */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  const table = fonts();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const script = SCRIPTS.find((s) => s.test(cp));
    let family: Family;
    if (script) family = script.name;
    else if (/[\p{L}\p{M}]/u.test(ch)) family = "Sans";
    else {
      // Neutral: space, digits, punctuation, ₹, joiners; keep it in the run it sits in when that font has it.
      const last = runs.at(-1);
      family = last && (last.family === "Sans" || hasGlyph(last.family, cp)) ? last.family : "Sans";
    }
    if (family !== "Sans" && !table.get(family)) throw new MissingFontError(family);
    const last = runs.at(-1);
    if (last && last.family === family) last.text += ch;
    else runs.push({ family, text: ch });
  }
  return runs.length ? runs : [{ family: "Sans", text }];
}

const glyphCache = new Map<string, boolean>();
let fontkitOpen: ((buffer: Buffer) => { hasGlyphForCodePoint(cp: number): boolean }) | null = null;
const opened = new Map<Family, { hasGlyphForCodePoint(cp: number): boolean }>();

function hasGlyph(family: Family, cp: number): boolean {
  const key = `${family}:${cp}`;
  const known = glyphCache.get(key);
  if (known !== undefined) return known;
  fontkitOpen ??= (
    createRequire(import.meta.url)("fontkit") as {
      create(buffer: Buffer): { hasGlyphForCodePoint(cp: number): boolean };
    }
  ).create;
  let font = opened.get(family);
  if (!font) {
    font = fontkitOpen(fonts().get(family)!.regular);
    opened.set(family, font);
  }
  const has = font.hasGlyphForCodePoint(cp);
  glyphCache.set(key, has);
  return has;
}
