// Images that look like what members upload: phone photos of a paper receipt (smooth light, paper, printed lines,
// sensor noise, JPEG at phone quality) and UPI app screenshots. Pure noise compresses and decodes like nothing real.
import sharp from "sharp";

/** A small deterministic random source, so every run seeds the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A photo of a printed receipt on a table: width x height pixels, JPEG quality 90 with EXIF like a phone's. */
export async function receiptPhoto(width: number, height: number, seed: number): Promise<Buffer> {
  const rnd = random(seed);
  const hue = Math.floor(rnd() * 360);
  const w = width;
  const h = height;
  const paperW = Math.round(w * 0.55);
  const paperH = Math.round(h * 0.8);
  const angle = (rnd() - 0.5) * 14;
  const lines: string[] = [];
  const fontSize = Math.round(paperH / 34);
  const texts = [
    "SHRIRAM CHITS (TN) PVT LTD",
    "Receipt No. " + Math.floor(rnd() * 1e6),
    "Ticket 14 / Group MC-40",
    "Instalment paid",
    "Amount Rs. 4,750.00",
    "Mode: UPI",
    "UTR " + Math.floor(rnd() * 1e12),
    "Thank you",
  ];
  texts.forEach((t, i) => {
    lines.push(
      `<text x="${fontSize * 2}" y="${fontSize * (3 + i * 2.4)}" font-family="DejaVu Sans ` +
        `Mono, monospace" font-size="${fontSize}" ` +
        `fill="#222">${escapeXml(t)}</text>`,
    );
  });
  for (let i = 0; i < 6; i++) {
    const y = fontSize * (24 + i * 1.6);
    lines.push(
      `<rect x="${fontSize * 2}" y="${y}" width="${Math.round(paperW * (0.3 + rnd() * 0.5))}" ` +
        `height="${Math.round(fontSize * 0.5)}" fill="#555" opacity="0.55"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs>
      <radialGradient id="light" cx="${30 + rnd() * 40}%" cy="${20 + rnd() * 30}%" r="90%">
        <stop offset="0%" stop-color="hsl(${hue},25%,78%)"/><stop offset="100%"
          stop-color="hsl(${(hue + 30) % 360},30%,28%)"/>
      </radialGradient>
      <linearGradient id="paper" x1="0" y1="0" x2="1" y2="1"><stop offset="0%" stop-color="#fbfaf6"/><stop
        offset="100%" stop-color="#d9d6cc"/></linearGradient>
    </defs>
    <rect width="${w}" height="${h}" fill="url(#light)"/>
    <ellipse cx="${w * 0.85}" cy="${h * 0.8}" rx="${w * 0.12}" ry="${h * 0.1}" fill="hsl(${(hue + 180) % 360},40%,35%)"
      opacity="0.8"/>
    <g transform="translate(${(w - paperW) / 2} ${(h - paperH) / 2}) rotate(${angle} ${paperW / 2} ${paperH / 2})">
      <rect x="${fontSize * 0.6}" y="${fontSize * 0.8}" width="${paperW}" height="${paperH}" fill="#000"
        opacity="0.35"/>
      <rect width="${paperW}" height="${paperH}" fill="url(#paper)"/>
      ${lines.join("")}
    </g>
  </svg>`;
  const base = await sharp(Buffer.from(svg))
    .blur(Math.max(0.6, w / 3000))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const noise = await sharp({
    create: {
      width: w,
      height: h,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: "gaussian", mean: 128, sigma: 14 },
    },
  })
    .raw()
    .toBuffer();
  return sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } })
    .removeAlpha()
    .composite([{ input: noise, raw: { width: w, height: h, channels: 3 }, blend: "soft-light" }])
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: "Bench", Model: "Phone 12MP" } })
    .toBuffer();
}

/** A UPI app's "payment successful" screenshot (PNG, as phones save them). */
export async function upiScreenshot(seed: number, amountRupees: number, payee: string): Promise<Buffer> {
  const rnd = random(seed);
  const hue = [145, 210, 265][seed % 3]!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="720">
    <rect width="360" height="720" fill="#f4f6f8"/>
    <rect width="360" height="190" fill="hsl(${hue},60%,40%)"/>
    <circle cx="180" cy="95" r="44" fill="#fff"/><path d="M158 96 l15 15 l30 -32" stroke="hsl(${hue},60%,40%)"
      stroke-width="9" fill="none"/>
    <text x="180" y="250" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold"
      fill="#111">&#8377;${amountRupees.toLocaleString("en-IN")}</text>
    <text x="180" y="290" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="16"
      fill="#333">Paid to ${escapeXml(payee)}</text>
    <rect x="24" y="330" width="312" height="220" rx="12" fill="#fff"/>
    <text x="40" y="370" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#666">UPI transaction ID</text>
    <text x="40" y="395" font-family="DejaVu Sans Mono, monospace" font-size="16"
      fill="#111">${Math.floor(rnd() * 1e12)}</text>
    <text x="40" y="440" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#666">Debited from</text>
    <text x="40" y="465" font-family="DejaVu Sans, sans-serif" font-size="16"
      fill="#111">XXXX XXXX ${1000 + Math.floor(rnd() * 9000)}</text>
    <text x="40" y="510" font-family="DejaVu Sans, sans-serif" font-size="14"
      fill="#666">${new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 3e10)).toUTCString().slice(0, 22)}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
