// Runs a script with a Node.js >= 22 (see ensure-node.mjs), putting that Node first on PATH for child processes too.
// Node options may come before the script: `node scripts/with-node.mjs --max-semi-space-size=4 scripts/start.mjs`.
import { spawn } from "node:child_process";
import { dirname } from "node:path";
import { ensureNode } from "./ensure-node.mjs";

const node = ensureNode();
const args = process.argv.slice(2);
const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}` };
const child = spawn(node, args, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
