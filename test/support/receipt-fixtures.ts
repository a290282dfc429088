// Real receipt files for API tests: a phone photo with EXIF GPS, a PNG screenshot, a WebP, a tiny valid PDF, and fakes.
import sharp from "sharp";

/** A 4000x3000 JPEG like a phone camera's, carrying EXIF with a camera model and a GPS position. */
export async function phonePhotoWithGps(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: "#c8d2e6",
      noise: { type: "gaussian", mean: 128, sigma: 20 },
    },
  })
    .blur(2)
    .jpeg({ quality: 88 })
    .withExif({
      IFD0: { Make: "TestCam", Model: "Receipt Phone" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "17/1 23/1 4/1", GPSLongitudeRef: "E", GPSLongitude: "78/1 29/1 0/1" },
    })
    .toBuffer();
}

/** True when the EXIF block points at a GPS directory (tag 0x8825, in either byte order). */
export function hasGpsTag(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

/** A photo too detailed to compress well: several MB, for size limits. */
export async function noisyPhoto(width = 2000, height = 2000): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 70 } },
  })
    .jpeg({ quality: 95 })
    .toBuffer();
}

export async function pngScreenshot(label = "UPI paid 5000"): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="1280"><rect width="720" ` +
    `height="1280" fill="#fff"/><text x="40" y="200" font-size="48" ` +
    `font-family="sans-serif">${label}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function webpImage(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: "#2e7d32" } })
    .webp({ quality: 80 })
    .toBuffer();
}

/** A one-page PDF with a correct cross-reference table. */
export function minimalPdf(): Buffer {
  const content = "BT /F1 18 Tf 20 70 Td (Paid 5000) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Plain text saved with a .jpg name. */
export const textPretendingToBeJpeg = () =>
  Buffer.from("This is not a photo, just text pretending to be one.\n".repeat(20));

/** A real JPEG's first bytes (so it sniffs as JPEG) followed by garbage. */
export async function corruptJpeg(): Promise<Buffer> {
  const real = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#abcdef" } })
    .jpeg()
    .toBuffer();
  return Buffer.concat([real.subarray(0, 300), Buffer.alloc(4000, 0x5a)]);
}

export type Upload = { field?: string; name: string; bytes: Uint8Array; type?: string };

/** A multipart body as a browser would send it: text fields, then files (under `receipts` unless told). */
export function multipart(fields: Record<string, string>, files: Upload[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(
      file.field ?? "receipts",
      new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }),
    );
  }
  return form;
}
