#!/usr/bin/env node
// The `chitfunds` command (npx chitfunds ...), run with a Node.js >= 22: the compiled dist/cli/main.js when the build
// is up to date (production, Docker), else src/cli/main.ts through tsx (a working copy being edited).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isStale } from "../scripts/build.mjs";
import { ensureNode } from "../scripts/ensure-node.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node = ensureNode();
const entry = isStale()
  ? [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/cli/main.ts")]
  : [join(root, "dist/cli/main.js")];
const result = spawnSync(node, [...entry, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}` },
});
process.exit(result.status ?? 1);
