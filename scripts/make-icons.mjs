// Makes the app's PNG icons and favicon from public/icons/icon.svg with sharp (run after changing the SVG; the results
// are committed): 192 and 512 px "any", 512 px "maskable" (inside the safe circle), 180 px for iOS, favicon.ico.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "icons");
const svg = readFileSync(join(dir, "icon.svg"));
const png = (size) => sharp(svg, { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

writeFileSync(join(dir, "icon-192.png"), await png(192));
writeFileSync(join(dir, "icon-512.png"), await png(512));
writeFileSync(join(dir, "apple-touch-icon.png"), await png(180));
// maskable: the mark shrunk into the central 80 % on a full-bleed background, so any mask shape keeps it whole
const inner = await sharp(svg, { density: 300 }).resize(410, 410).png().toBuffer();
const maskable = await sharp({ create: { width: 512, height: 512, channels: 4, background: "#0d6efd" } })
  .composite([{ input: inner, left: 51, top: 51 }])
  .png({ compressionLevel: 9 })
  .toBuffer();
writeFileSync(join(dir, "icon-maskable-512.png"), maskable);

// favicon.ico: one 32x32 PNG inside an ICO container (every browser reads PNG-in-ICO)
const fav = await png(32);
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.writeUInt8(32, 6);
header.writeUInt8(32, 7);
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(fav.length, 14);
header.writeUInt32LE(22, 18);
writeFileSync(join(dir, "favicon.ico"), Buffer.concat([header, fav]));
console.log(`icons written to ${dir}`);
