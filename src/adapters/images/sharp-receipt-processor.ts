// Receipt processing with file-type (sniffing) and sharp: images become JPEGs of ~300 KB at most, EXIF and GPS dropped.

import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { type ProcessedReceipt, type ReceiptProcessor, ReceiptRefused } from "../../ports/receipt-processor.ts";
import { decodeHeic } from "./decode-heic.ts";

sharp.cache(false); // keep memory flat under load; each receipt is processed once
sharp.concurrency(2); // libvips threads per image: enough for a 2-core host without starving other requests

export const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"]);
const TARGET_BYTES = 300 * 1024;
const MAX_EDGE = 2000;
const THUMB_EDGE = 320;
/**
 * Receipts above 50 megapixels are refused before they are decoded: a phone's photo is 12-50 MP, and a decoded image
 * costs width x height x 3 bytes and more, so a 16000 x 16000 PNG alone would need hundreds of MB.
 */
export const MAX_RECEIPT_PIXELS = 50_000_000;

const tooManyPixels = (width: number, height: number) =>
  new ReceiptRefused(
    "image-too-large",
    `This image is ${width} x ${height} pixels; a receipt can be at most ` +
      `${MAX_RECEIPT_PIXELS / 1_000_000} megapixels. Send a screenshot or a smaller ` +
      "photo.",
    { width, height, maxPixels: MAX_RECEIPT_PIXELS },
  );

/**
 * Width and height of a HEIC/HEIF image from its 'ispe' boxes (the largest, which is the whole image), without
 * decoding.
 */
function heifDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  let best: { width: number; height: number } | null = null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 4; i + 16 <= bytes.length; i++) {
    // "ispe"
    if (bytes[i] !== 0x69 || bytes[i + 1] !== 0x73 || bytes[i + 2] !== 0x70 || bytes[i + 3] !== 0x65) continue;
    const width = view.getUint32(i + 8);
    const height = view.getUint32(i + 12);
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}

/** Refuses an image over the pixel limit from its header alone. */
async function assertPixels(input: Buffer, heic: boolean): Promise<void> {
  const size = heic
    ? heifDimensions(input)
    : await sharp(input)
        .metadata()
        .then(
          (m) => (m.width && m.height ? { width: m.width, height: m.height } : null),
          () => null,
        );
  if (size && size.width * size.height > MAX_RECEIPT_PIXELS) throw tooManyPixels(size.width, size.height);
}

const notAReceipt = () =>
  new ReceiptRefused(
    "unsupported-file-type",
    "This file is not a JPEG, PNG, WebP, HEIC image or a PDF. Choose a photo, a screenshot or a PDF of the payment.",
  );

const unreadable = () =>
  new ReceiptRefused(
    "unreadable-file",
    "This file could not be read; it may be damaged. Try taking the photo or screenshot again.",
  );

type Raw = { data: Buffer; width: number; height: number; channels: 3 };

/** Decodes once (orientation applied, transparency on white, shrunk on load to MAX_EDGE): every encode starts here. */
async function decode(input: Buffer): Promise<Raw> {
  const { data, info } = await sharp(input, {
    failOn: "error",
    limitInputPixels: MAX_RECEIPT_PIXELS,
    sequentialRead: true,
  })
    .rotate()
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

const fromRaw = (raw: Raw) =>
  sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });

/**
 * JPEG of at most ~TARGET_BYTES: lower the quality first, then the size. No metadata is written, so EXIF/GPS are gone.
 */
async function encode(raw: Raw): Promise<{ bytes: Buffer; width: number; height: number }> {
  let edge = Math.max(raw.width, raw.height);
  let quality = 82;
  for (;;) {
    const image = fromRaw(raw);
    if (edge < Math.max(raw.width, raw.height)) image.resize({ width: edge, height: edge, fit: "inside" });
    const { data, info } = await image
      .jpeg({ quality, optimiseCoding: true, chromaSubsampling: "4:2:0" })
      .toBuffer({ resolveWithObject: true });
    if (data.length <= TARGET_BYTES || (quality <= 50 && edge <= 1000))
      return { bytes: data, width: info.width, height: info.height };
    // Estimate from how far off we are, instead of creeping down step by step.
    const ratio = TARGET_BYTES / data.length;
    if (quality > 60) quality = Math.max(55, Math.round(quality - 40 * (1 - ratio)));
    else edge = Math.max(1000, Math.round(edge * Math.sqrt(ratio) * 0.95));
  }
}

const thumbnailOf = (raw: Raw) =>
  fromRaw(raw)
    .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 70 })
    .toBuffer();

const PDF_ICON = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="320"><rect width="240" ` +
    `height="320" fill="#f8f9fa"/><rect x="20" y="20" width="200" height="280" rx="8" ` +
    `fill="#fff" stroke="#adb5bd" stroke-width="4"/><text x="120" y="185" ` +
    `font-family="sans-serif" font-size="56" font-weight="bold" text-anchor="middle" ` +
    `fill="#dc3545">PDF</text></svg>`,
);

export function sharpReceiptProcessor(): ReceiptProcessor {
  return {
    async process(bytes): Promise<ProcessedReceipt> {
      const type = await fileTypeFromBuffer(bytes);
      if (type?.mime === "application/pdf") {
        const thumbnail = await sharp(PDF_ICON).jpeg({ quality: 80 }).toBuffer();
        return { contentType: "application/pdf", bytes, thumbnail, width: null, height: null };
      }
      if (!type || !IMAGE_TYPES.has(type.mime)) throw notAReceipt();
      try {
        const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const heic = type.mime === "image/heic" || type.mime === "image/heif";
        await assertPixels(input, heic);
        const raw = await decode(input).catch(async (error: unknown) => {
          if (!heic) throw error;
          return decode(await decodeHeic(bytes));
        });
        const [encoded, thumbnail] = await Promise.all([encode(raw), thumbnailOf(raw)]);
        return {
          contentType: "image/jpeg",
          bytes: encoded.bytes,
          thumbnail,
          width: encoded.width,
          height: encoded.height,
        };
      } catch (error) {
        if (error instanceof ReceiptRefused) throw error;
        throw unreadable();
      }
    },
  };
}
