// Receipt processing on real files: an iPhone-style HEIC (HEVC) photo, EXIF/GPS removal, size cap, refusals.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sharpReceiptProcessor } from "../src/adapters/images/sharp-receipt-processor.ts";

const processor = sharpReceiptProcessor();

describe("receipt processing", () => {
  it("turns a HEIC photo (HEVC, which sharp's own decoder lacks) into a JPEG with a thumbnail", async () => {
    // test/fixtures/receipt.heic: a 320x240 image encoded with libheif's heif-enc (x265), as iPhones save photos.
    const heic = new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", "receipt.heic")));
    const result = await processor.process(heic);
    expect(result.contentType).toBe("image/jpeg");
    expect([result.width, result.height]).toEqual([320, 240]);
    expect((await sharp(result.thumbnail).metadata()).format).toBe("jpeg");
  });

  it("drops EXIF and GPS and keeps a large photo near 300 KB", async () => {
    const photo = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 30 },
      },
    })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: "Phone", Model: "X" }, GPS: { GPSLatitudeRef: "N", GPSLongitudeRef: "E" } } as never)
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const result = await processor.process(new Uint8Array(photo));
    const meta = await sharp(result.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(result.bytes.byteLength).toBeLessThanOrEqual(300 * 1024);
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(2000);
  });

  it("refuses text dressed as an image (unsupported) and a damaged image (unreadable)", async () => {
    await expect(processor.process(new TextEncoder().encode("just some text, not a photo"))).rejects.toMatchObject({
      code: "unsupported-file-type",
    });
    const jpeg = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer();
    const damaged = Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(2000, 7)]);
    await expect(processor.process(new Uint8Array(damaged))).rejects.toMatchObject({ code: "unreadable-file" });
  });
});
