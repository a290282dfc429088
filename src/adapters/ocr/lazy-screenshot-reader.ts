// The screenshot reader loaded on first use: tesseract.js, sharp and libvips cost start-up time and tens of MB of
// memory that a server which is never sent a screenshot should not pay (issue 12: idle under 120 MB).
import type { ScreenshotReader } from "../../ports/screenshot-reader.ts";

export function lazyScreenshotReader(load: () => Promise<ScreenshotReader>): ScreenshotReader {
  let loaded: Promise<ScreenshotReader> | undefined;
  const reader = () => {
    // A failed load is tried again by the next read rather than remembered.
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  return {
    readLines: async (image) => (await reader()).readLines(image),
    contentType: async (bytes) => (await reader()).contentType(bytes),
    async close() {
      if (loaded) await (await loaded).close();
    },
  };
}
