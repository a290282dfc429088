// Turns a screenshot into what OCR reads fastest and best: grey, about 800 pixels wide (text then stands ~30 px
// high on a phone screenshot), dark mode turned to dark text on light, as an uncompressed PGM (nothing to decode).
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { ScreenshotRefused } from "../../ports/screenshot-reader.ts";
import { decodeHeic } from "../images/decode-heic.ts";
import { IMAGE_TYPES } from "../images/sharp-receipt-processor.ts";

const TARGET_WIDTH = 800;
const MAX_HEIGHT = 6000;

export const notAnImage = () =>
  new ScreenshotRefused(
    "not-an-image",
    "Only a screenshot or photo (JPEG, PNG, WebP or HEIC) can be read. A PDF can be attached, but not read.",
  );
const unreadable = () =>
  new ScreenshotRefused(
    "unreadable-file",
    "This file could not be read; it may be damaged. Try taking the screenshot again.",
  );

async function greyPixels(input: Buffer) {
  const image = sharp(input, { failOn: "error", limitInputPixels: 60_000_000 }).rotate();
  const meta = await image.metadata();
  const width = (meta.autoOrient?.width ?? meta.width) || TARGET_WIDTH;
  // shrink large screenshots, enlarge small ones (a forwarded, shrunk copy) so letters are big enough to read
  const scale = width > TARGET_WIDTH || width < 600 ? TARGET_WIDTH / width : 1;
  return image
    .flatten({ background: "#ffffff" })
    .greyscale()
    .resize({ width: Math.round(width * scale), height: MAX_HEIGHT, fit: "inside" })
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/** Grey pixels, one byte each, `width` x `height`; `pgm` is the same as a PGM file for the OCR engine. */
export type PreparedScreenshot = { pgm: Buffer; pixels: Buffer; width: number; height: number };

const pgmOf = (pixels: Buffer, width: number, height: number) =>
  Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), pixels]);

/**
 * A piece of the prepared screenshot (a line of very large text, like the amount) shrunk to about `lineHeight` pixels
 * high: the OCR model misreads glyphs far larger than those it was trained on.
 */
export async function cropLine(
  prepared: PreparedScreenshot,
  box: { x: number; y: number; w: number; h: number },
  lineHeight: number,
): Promise<Buffer> {
  const pad = Math.round(box.h * 0.25);
  const left = Math.max(0, box.x - pad);
  const top = Math.max(0, box.y - pad);
  const width = Math.min(prepared.width - left, box.w + 2 * pad);
  const height = Math.min(prepared.height - top, box.h + 2 * pad);
  const scale = Math.min(1, lineHeight / box.h);
  const { data, info } = await sharp(prepared.pixels, {
    raw: { width: prepared.width, height: prepared.height, channels: 1 },
  })
    .extract({ left, top, width, height })
    .resize({ width: Math.max(8, Math.round(width * scale)) })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return pgmOf(data, info.width, info.height);
}

export async function prepareScreenshot(bytes: Uint8Array): Promise<PreparedScreenshot> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !IMAGE_TYPES.has(type.mime)) throw notAnImage();
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const heic = type.mime === "image/heic" || type.mime === "image/heif";
  let pixels: Awaited<ReturnType<typeof greyPixels>>;
  try {
    pixels = await greyPixels(input).catch(async (error: unknown) => {
      if (!heic) throw error;
      return greyPixels(await decodeHeic(bytes));
    });
  } catch {
    throw unreadable();
  }
  const { data, info } = pixels;
  // mostly dark (a dark theme): invert, so text is dark on light as the OCR model was trained
  let sum = 0;
  for (let i = 0; i < data.length; i += 7) sum += data[i]!;
  if (sum / Math.ceil(data.length / 7) < 128) for (let i = 0; i < data.length; i++) data[i] = 255 - data[i]!;
  return { pgm: pgmOf(data, info.width, info.height), pixels: data, width: info.width, height: info.height };
}
