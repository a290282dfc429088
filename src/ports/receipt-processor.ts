// Turns an uploaded file into what we keep: its real type from its bytes, a re-encoded image (no EXIF/GPS), a thumbnail.
export type ProcessedReceipt = {
  contentType: "image/jpeg" | "application/pdf";
  bytes: Uint8Array;
  thumbnail: Uint8Array; // always a JPEG
  width: number | null;
  height: number | null;
};

export interface ReceiptProcessor {
  /** Throws AppError 415 for a file that is not JPEG, PNG, WebP, HEIC or PDF, 400 for one that cannot be read. */
  process(bytes: Uint8Array): Promise<ProcessedReceipt>;
}
