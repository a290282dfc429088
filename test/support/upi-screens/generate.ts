// Renders the made-up UPI screenshots into test/fixtures/upi/<set>/, each with its truth beside it as JSON. Run: npx
// tsx test/support/upi-screens/generate.ts   (needs Debian's chromium and fonts-roboto, fonts-open-sans, fonts-lato,
// fonts-inter, fonts-noto-core, fonts-dejavu, fonts-liberation; the images are committed, so tests need none of it).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { makeSample } from "./samples.ts";
import { HELD_OUT_TEMPLATES } from "./templates-held-out.ts";
import { HELD_OUT_2_TEMPLATES } from "./templates-held-out-2.ts";
import { type Template, TUNING_TEMPLATES } from "./templates-tuning.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "upi");

/** Phones' CSS viewports and pixel ratios: mostly 1080x2400, some smaller and taller ones. */
const SCREENS = [
  { width: 360, height: 800, scale: 3 },
  { width: 360, height: 800, scale: 3 },
  { width: 412, height: 915, scale: 2.625 },
  { width: 360, height: 780, scale: 2 },
  { width: 393, height: 852, scale: 2.75 },
  { width: 360, height: 800, scale: 3 },
];

async function renderSet(name: string, templates: Template[], count: number, seedBase: number) {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    for (let i = 0; i < count; i++) {
      const template = templates[i % templates.length]!;
      const sample = makeSample(seedBase + i * 7919, `${name}-${i}`);
      const screen = SCREENS[i % SCREENS.length]!;
      const { html, truth } = template.render(sample);
      const page = await browser.newPage({
        viewport: { width: screen.width, height: screen.height },
        deviceScaleFactor: screen.scale,
      });
      await page.setContent(html, { waitUntil: "load" });
      const jpeg = i % 3 === 1;
      const look = sample.dark ? "dark" : "light";
      const file = `${String(i).padStart(2, "0")}-${template.name}-${look}.${jpeg ? "jpg" : "png"}`;
      const bytes = await page.screenshot(jpeg ? { type: "jpeg", quality: 80 + (i % 15) } : { type: "png" });
      await page.close();
      writeFileSync(join(dir, file), bytes);
      writeFileSync(
        join(dir, file.replace(/\.(png|jpg)$/, ".json")),
        `${JSON.stringify({ file, template: template.name, ...truth }, null, 2)}\n`,
      );
    }
  } finally {
    await browser.close();
  }
}

const which = process.argv[2] ?? "all";
if (which === "all" || which === "tuning") await renderSet("tuning", TUNING_TEMPLATES, 50, 1001);
if (which === "all" || which === "held-out") await renderSet("held-out", HELD_OUT_TEMPLATES, 36, 50_003);
if (which === "all" || which === "held-out-2") await renderSet("held-out-2", HELD_OUT_2_TEMPLATES, 30, 90_001);
console.log(`UPI screenshots written under ${root}`);
