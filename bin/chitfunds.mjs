#!/usr/bin/env node
// The `chitfunds` command (npx chitfunds ...): runs src/cli/main.ts with a Node.js >= 22 and tsx.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureNode } from "../scripts/ensure-node.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node = ensureNode();
const result = spawnSync(node, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/cli/main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}` },
});
process.exit(result.status ?? 1);
