// Compiles src/ into dist/ as plain JavaScript, so production runs one `node dist/main.js` (no tsx, npm or shell left
// running). tsc only strips types and rewrites "./x.ts" imports to "./x.js" here (noCheck: `npm run typecheck` checks);
// files that are not TypeScript (JSON, fonts, templates) are copied beside them, so paths relative to a module hold.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const stamp = join(dist, ".built");
const inputs = [join(root, "tsconfig.json"), join(root, "tsconfig.build.json"), join(root, "package-lock.json")];

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

function copyOtherFiles(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const path = join(from, entry.name);
    if (entry.isDirectory()) copyOtherFiles(path, join(to, entry.name));
    else if (!/\.tsx?$/.test(entry.name)) {
      mkdirSync(to, { recursive: true });
      cpSync(path, join(to, entry.name));
    }
  }
}

export function build({ quiet = false } = {}) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    console.error("Cannot build: TypeScript is not installed. Run `npm ci` (with dev dependencies), then `npm run build`.");
    process.exit(1);
  }
  const started = performance.now();
  // Built beside dist/ and swapped in whole, so a running `node dist/main.js` never sees half a build.
  const next = `${dist}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", next], { stdio: "inherit" });
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    console.error("Build failed (see above).");
    process.exit(1);
  }
  copyOtherFiles(src, next);
  writeFileSync(join(next, ".built"), `${new Date().toISOString()}\n`);
  rmSync(dist, { recursive: true, force: true });
  renameSync(next, dist);
  if (!quiet) console.log(`Built ${relative(process.cwd(), dist) || "dist"}/ in ${Math.round(performance.now() - started)} ms`);
}

/** Builds only when something changed since the last build (a no-op costs a few milliseconds). */
export function ensureBuilt() {
  if (isStale()) build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build();
