// Reads the text on a payment screenshot (OCR), as lines with where they stand, for the pure field readers in the
// domain.
import type { TextLine } from "../domain/screenshot/ocr-text.ts";

export type ScreenshotRefusal =
  | "not-an-image"
  | "unreadable-file"
  | "reader-busy"
  | "reader-timeout"
  | "reader-unavailable";

/** Why a screenshot was not read: not an image, a damaged one, or the reader busy, too slow or switched off. */
export class ScreenshotRefused extends Error {
  constructor(
    readonly code: ScreenshotRefusal,
    message: string,
  ) {
    super(message);
  }
}

export interface ScreenshotReader {
  /**
   * The lines of text on an image (JPEG, PNG, WebP or HEIC bytes). Throws ScreenshotRefused for anything else, an image
   * that cannot be decoded, too many reads waiting, a read that takes too long, or reading switched off.
   */
  readLines(image: Uint8Array): Promise<TextLine[]>;
  /** The file's type by its bytes (image/png, application/pdf, ...), or null when it is none we know. */
  contentType(bytes: Uint8Array): Promise<string | null>;
  /** Ends the OCR workers (at shutdown). */
  close(): Promise<void>;
}
