// Reads the text on a payment screenshot (OCR), as lines with where they stand, for the pure field readers in the domain.
import type { TextLine } from "../domain/screenshot/ocr-text.ts";

export interface ScreenshotReader {
  /**
   * The lines of text on an image (JPEG, PNG, WebP or HEIC bytes). Throws AppError 415 for anything else, 400 for an image
   * that cannot be decoded, 503 `reader-busy` when too many reads are waiting, and 503 `reader-timeout` when one takes too long.
   */
  readLines(image: Uint8Array): Promise<TextLine[]>;
  /** Ends the OCR workers (at shutdown). */
  close(): Promise<void>;
}
