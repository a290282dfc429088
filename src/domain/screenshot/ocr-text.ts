// The text OCR read from a payment screenshot, put back into rows as a person sees them, with the helpers every field
// reader shares: normalising what OCR tends to garble, and finding the label a value sits under or beside.

/** One line as the OCR engine found it; `box` (pixels) lets lines that share a row on screen be joined. */
export type TextLine = { text: string; box?: { x: number; y: number; w: number; h: number } };

/**
 * A row on screen: its text (pieces that stood apart joined by "  |  "), its height and how large it is against the
 * rest.
 */
export type Row = { index: number; text: string; height: number; relativeSize: number };

export const COLUMN_GAP = "  |  ";

/** Unicode compatibility forms folded, odd dashes and dots made plain, runs of spaces collapsed. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor(sorted.length / 2)] ?? 0) : 0;
};

/**
 * Lines that overlap vertically by more than half the taller one's height are one row (a label on the left, its value
 * on the right); rows run top to bottom, pieces left to right. Without boxes, each line is its own row.
 */
export function toRows(lines: TextLine[]): Row[] {
  const usable = lines.map((l) => ({ ...l, text: normaliseText(l.text) })).filter((l) => l.text !== "");
  if (!usable.every((l) => l.box)) {
    return usable.map((l, index) => ({ index, text: l.text, height: 0, relativeSize: 1 }));
  }
  const sorted = [...usable].sort((a, b) => a.box!.y - b.box!.y || a.box!.x - b.box!.x);
  const groups: (typeof usable)[] = [];
  for (const line of sorted) {
    const box = line.box!;
    const group = groups.find((g) =>
      g.some((other) => {
        const o = other.box!;
        const overlap = Math.min(o.y + o.h, box.y + box.h) - Math.max(o.y, box.y);
        const apart = box.x >= o.x + o.w || o.x >= box.x + box.w;
        // half the taller one's height: an avatar or icon beside two lines of text joins neither
        return apart && overlap > 0.5 * Math.max(o.h, box.h);
      }),
    );
    if (group) group.push(line);
    else groups.push([line]);
  }
  const heights = groups.map((g) => Math.max(...g.map((l) => l.box!.h)));
  const typical = median(heights) || 1;
  return groups
    .map((g, i) => ({ g, height: heights[i] ?? 0, top: Math.min(...g.map((l) => l.box!.y)) }))
    .sort((a, b) => a.top - b.top)
    .map(({ g, height }, index) => ({
      index,
      text: [...g]
        .sort((a, b) => a.box!.x - b.box!.x)
        .map((l) => l.text)
        .join(COLUMN_GAP),
      height,
      relativeSize: height / typical,
    }));
}

/** Rows from plain text, one a line (what the unit tests and a text-only reader give). */
export const rowsFromText = (text: string): Row[] => toRows(text.split(/\r?\n/).map((t) => ({ text: t })));

const LOOKALIKE_DIGITS: Record<string, string> = {
  O: "0",
  o: "0",
  D: "0",
  Q: "0",
  I: "1",
  l: "1",
  "|": "1",
  i: "1",
  Z: "2",
  z: "2",
  S: "5",
  s: "5",
  B: "8",
  G: "6",
  b: "6",
  g: "9",
  q: "9",
};

/**
 * A run that is mostly digits with a few letters OCR confuses with digits ("51234S678901", "4l2352751349") read as
 * digits; a run with more than `maxFixes` letters is left alone (it is an id with letters in it, not a number).
 */
export function digitsOf(token: string, maxFixes = 2): string | null {
  const compact = token.replace(/[\s-]/g, "");
  let fixes = 0;
  let out = "";
  for (const ch of compact) {
    if (ch >= "0" && ch <= "9") out += ch;
    else if (LOOKALIKE_DIGITS[ch] !== undefined) {
      fixes++;
      out += LOOKALIKE_DIGITS[ch];
    } else return null;
  }
  return fixes <= maxFixes && fixes < out.length / 3 ? out : null;
}

/** Case-insensitive Levenshtein distance, capped early (only small distances matter here). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const kept = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (x[i - 1] === y[j - 1] ? 0 : 1));
      diagonal = kept;
    }
  }
  return prev[y.length]!;
}
