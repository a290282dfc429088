// Turns an uploaded file into what we keep: its real type from its bytes, a re-encoded image (no EXIF/GPS), a
// thumbnail.
export type ProcessedReceipt = {
  contentType: "image/jpeg" | "application/pdf";
  bytes: Uint8Array;
  thumbnail: Uint8Array; // always a JPEG
  width: number | null;
  height: number | null;
};

/** A file refused as a receipt: not a JPEG, PNG, WebP, HEIC or PDF by its bytes, or one that cannot be read. */
export class ReceiptRefused extends Error {
  constructor(
    readonly code: "unsupported-file-type" | "unreadable-file" | "image-too-large",
    message: string,
    /** For image-too-large: the image's size and the limit, in pixels. */
    readonly size?: { width: number; height: number; maxPixels: number },
  ) {
    super(message);
  }
}

export interface ReceiptProcessor {
  /** Throws ReceiptRefused for a file that is not JPEG, PNG, WebP, HEIC or PDF, or one that cannot be read. */
  process(bytes: Uint8Array): Promise<ProcessedReceipt>;
}
