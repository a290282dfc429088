// Builds src/ into dist/ as plain JavaScript, so production runs one `node dist/main.js` (no tsx, npm or shell left
// running): esbuild bundles the server (dist/main.js) and the CLI (dist/cli/main.js) with the pure-JavaScript packages
// they use into a few files, so start-up reads and links ~35 modules instead of ~1,000 (half the start-up time and
// ~10 MB less at idle). Packages with native code, data files of their own or load-time hooks stay in node_modules, and
// what loads lazily (MongoDB, sharp, PDFs, Sentry) stays in chunks of its own. Types are not checked here: `npm run
// typecheck` does that. Paths to locales/ and public/ are found from the install folder (src/i18n/index.ts).
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const stamp = join(dist, ".built");
const inputs = [join(root, "tsconfig.json"), join(root, "package-lock.json"), join(root, "scripts", "build.mjs")];

/**
 * Left to node_modules: native code (sharp), data files or wasm read beside their code (pdfkit, fontkit, heic-convert),
 * worker threads started from a script beside their code (pino, tesseract.js), load-time instrumentation
 * (@sentry/node), and MongoDB's driver with its optional native parts.
 */
export const EXTERNAL = [
  "sharp",
  "mongodb",
  "@sentry/node",
  "pdfkit",
  "fontkit",
  "nodemailer",
  "pino",
  "heic-convert",
  "prom-client",
  "file-type",
  "tesseract.js",
];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than any source file or build setting. */
export function isStale() {
  if (!existsSync(stamp)) return true;
  if (!existsSync(src)) return false; // an image or host that ships only the build
  const built = statSync(stamp).mtimeMs;
  return Math.max(newestMtime(src), ...inputs.filter(existsSync).map((f) => statSync(f).mtimeMs)) > built;
}

export function build({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)("esbuild");
  } catch {
    console.error(
      "Cannot build: esbuild is not installed. Run `npm ci` (with dev dependencies), then `npm run build`.",
    );
    process.exit(1);
  }
  const started = performance.now();
  // Built beside dist/ and swapped in whole, so a running `node dist/main.js` never sees half a build.
  const next = `${dist}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  try {
    esbuild.buildSync({
      entryPoints: { main: join(src, "main.ts"), "cli/main": join(src, "cli", "main.ts") },
      outdir: next,
      bundle: true,
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      format: "esm",
      platform: "node",
      target: "node22",
      tsconfig: join(root, "tsconfig.json"),
      external: EXTERNAL,
      // Function and class names as written (errors and logs name them), not as renamed to avoid clashes.
      keepNames: true,
      sourcemap: true,
      legalComments: "none",
      logLevel: "warning",
      // CommonJS packages bundled into ES modules still call require() for Node's own modules.
      banner: {
        js:
          'import { createRequire as __createRequire } from "node:module"; const require = ' +
          "__createRequire(import.meta.url);",
      },
    });
  } catch {
    rmSync(next, { recursive: true, force: true });
    console.error("Build failed (see above).");
    process.exit(1);
  }
  writeFileSync(join(next, ".built"), `${new Date().toISOString()}\n`);
  rmSync(dist, { recursive: true, force: true });
  renameSync(next, dist);
  if (!quiet)
    console.log(`Built ${relative(process.cwd(), dist) || "dist"}/ in ${Math.round(performance.now() - started)} ms`);
}

/** Builds only when something changed since the last build (a no-op costs a few milliseconds). */
export function ensureBuilt() {
  if (isStale()) build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build();
