// Runs a script with a Node.js >= 22 (see ensure-node.mjs), putting that Node first on PATH for child processes too.
// `--production` first runs it the way production runs the server (node options and environment of production.mjs).
import { spawn } from "node:child_process";
import { dirname } from "node:path";
import { ensureNode } from "./ensure-node.mjs";
import { ENV, NODE_ARGS } from "./production.mjs";

const node = ensureNode();
const production = process.argv[2] === "--production";
const args = production ? [...NODE_ARGS, ...process.argv.slice(3)] : process.argv.slice(2);
const env = { ...(production ? ENV : {}), ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}` };
const child = spawn(node, args, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
