// OCR of payment screenshots with tesseract.js, entirely offline: the wasm core comes from node_modules
// (tesseract.js-core) and the English model from the @tesseract.js-data/eng package; nothing is fetched or cached
// at run time. Each tesseract worker is a worker thread, so requests stay responsive; a small pool bounds how many
// reads run at once, a short queue how many wait, and a timeout ends a read (and its worker) that takes too long.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { createWorker, OEM, PSM, type Worker } from "tesseract.js";
import type { TextLine } from "../../domain/screenshot/ocr-text.ts";
import { type ScreenshotReader, ScreenshotRefused } from "../../ports/screenshot-reader.ts";
import { cropLine, type PreparedScreenshot, prepareScreenshot } from "./prepare-screenshot.ts";

const require = createRequire(import.meta.url);
const noop = () => {};

/** The integer LSTM model ("best_int"): as accurate here as the larger one, in less memory. */
export const LANGUAGE_DATA_DIR = join(
  dirname(require.resolve("@tesseract.js-data/eng/package.json")),
  "4.0.0_best_int",
);

export type ReaderOptions = {
  /** Reads at once (each a worker thread holding ~100 MB); 0 turns reading off. */
  workers: number;
  /** Reads waiting for a worker before more are refused with 503. */
  queue: number;
  timeoutMs: number;
  /** An unused worker is ended after this long, giving its memory back. */
  idleMs: number;
  onError?: (error: unknown) => void;
};

type Slot = { worker: Promise<Worker>; busy: boolean; lastUsed: number };

async function startWorker(onError: (error: unknown) => void): Promise<Worker> {
  const worker = await createWorker("eng", OEM.LSTM_ONLY, {
    langPath: LANGUAGE_DATA_DIR,
    gzip: true,
    cacheMethod: "none",
    errorHandler: onError,
  });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: "150" });
  return worker;
}

const busy = () =>
  new ScreenshotRefused("reader-busy", "Too many screenshots are being read right now. Try again in a moment.");
const timedOut = () =>
  new ScreenshotRefused("reader-timeout", "Reading the screenshot took too long. Fill in the fields by hand.");
const unavailable = () =>
  new ScreenshotRefused("reader-unavailable", "Screenshots cannot be read on this server. Fill in the fields by hand.");

function linesOf(page: Awaited<ReturnType<Worker["recognize"]>>["data"]): TextLine[] {
  return (page.blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.lines.map((line) => ({
        text: line.text.trim(),
        box: { x: line.bbox.x0, y: line.bbox.y0, w: line.bbox.x1 - line.bbox.x0, h: line.bbox.y1 - line.bbox.y0 },
      })),
    ),
  );
}

/** Lines far taller than the rest (the amount, usually) are read again from a shrunk crop, as a single line. */
async function rereadLargeLines(worker: Worker, prepared: PreparedScreenshot, lines: TextLine[]): Promise<TextLine[]> {
  const heights = lines.map((l) => l.box!.h).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 0;
  const large = lines
    .filter((l) => typical > 0 && l.box!.h >= 1.7 * typical && l.box!.w < 0.95 * prepared.width)
    .slice(0, 3);
  if (large.length === 0) return lines;
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
  try {
    const reread = new Map<TextLine, string>();
    for (const line of large) {
      const crop = await cropLine(prepared, line.box!, 1.4 * typical);
      const { data } = await worker.recognize(crop, {}, { text: true, blocks: false });
      const text = data.text.trim();
      if (/\d/.test(text)) reread.set(line, text);
    }
    return lines.map((l) => (reread.has(l) ? { ...l, text: reread.get(l)! } : l));
  } finally {
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  }
}

export function tesseractScreenshotReader(
  options: ReaderOptions,
): ScreenshotReader & { stats(): { workers: number; busy: number; waiting: number } } {
  const slots: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  const onError = options.onError ?? (() => {});
  let closed = false;

  const reaper = setInterval(
    () => {
      const now = Date.now();
      for (const slot of [...slots]) {
        if (!slot.busy && now - slot.lastUsed > options.idleMs) retire(slot);
      }
    },
    Math.min(options.idleMs, 60_000),
  );
  reaper.unref();

  function retire(slot: Slot) {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    slot.worker.then((w) => w.terminate()).catch(() => {});
  }

  function acquire(): Promise<Slot> {
    const idle = slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    if (slots.length < options.workers) {
      const slot: Slot = { worker: startWorker(onError), busy: true, lastUsed: Date.now() };
      slots.push(slot);
      return Promise.resolve(slot);
    }
    if (waiting.length >= options.queue) return Promise.reject(busy());
    return new Promise((resolve) => waiting.push(resolve));
  }

  /**
   * Hands the worker to the next read, or (after a timeout or failure) takes it out of the pool for good: a fresh one
   * starts for the next read. An abandoned read is left to finish before its worker is ended (ending it mid-call makes
   * tesseract.js throw where nobody can catch it), unless it is stuck for long.
   */
  function release(slot: Slot, read: Promise<unknown> | null) {
    slot.lastUsed = Date.now();
    if (read) {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      const grace = new Promise((resolve) => setTimeout(resolve, Math.max(30_000, 2 * options.timeoutMs)).unref());
      void Promise.race([read.then(noop, noop), grace]).then(() => slot.worker.then((w) => w.terminate()).catch(noop));
      const next = waiting.shift();
      if (next) acquire().then(next, noop);
      return;
    }
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  return {
    async readLines(image) {
      if (options.workers <= 0 || closed) throw unavailable();
      const prepared = await prepareScreenshot(image);
      const slot = await acquire();
      let timer: NodeJS.Timeout | undefined;
      let abandoned: Promise<unknown> | null = null;
      try {
        const read = slot.worker.then(async (w) => {
          const page = await w.recognize(prepared.pgm, {}, { text: false, blocks: true });
          return rereadLargeLines(w, prepared, linesOf(page.data));
        });
        read.catch(noop); // a read given up on fails later, with nobody waiting for it
        abandoned = read;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(timedOut()), options.timeoutMs);
        });
        const lines = await Promise.race([read, timeout]);
        abandoned = null;
        return lines;
      } catch (error) {
        if (error instanceof ScreenshotRefused) throw error;
        onError(error);
        throw unavailable();
      } finally {
        clearTimeout(timer);
        release(slot, abandoned);
      }
    },
    async contentType(bytes) {
      return (await fileTypeFromBuffer(bytes))?.mime ?? null;
    },
    stats: () => ({ workers: slots.length, busy: slots.filter((s) => s.busy).length, waiting: waiting.length }),
    async close() {
      closed = true;
      clearInterval(reaper);
      await Promise.allSettled(slots.splice(0).map((s) => s.worker.then((w) => w.terminate())));
    },
  };
}
