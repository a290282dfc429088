// Production runs one plain `node` process on the compiled JavaScript, the same way everywhere: the build makes dist/,
// the start command is the one in scripts/production.mjs, and every deployment file (Dockerfile, render.yaml, the
// systemd units, Kubernetes, DEPLOYMENT.md) and `npm start` say the same.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
// @ts-expect-error plain JavaScript module
import { ENTRY, ENV, NODE_ARGS } from "../scripts/production.mjs";

const command = `node ${[...(NODE_ARGS as string[]), ENTRY].join(" ")}`;
const env = ENV as Record<string, string>;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Processes whose parent is `pid` (from /proc). */
const childrenOf = (pid: number) =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]!.split(" ")[1] === String(pid);
      } catch {
        return false;
      }
    });

describe("the production start", () => {
  it("builds dist/ and runs it as one plain node process that answers, serves assets and stops on SIGTERM", { timeout: 120_000 }, async () => {
    const build = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), "chitfunds-prod-"));
    const port = await freePort();
    const child = spawn(process.execPath, [...(NODE_ARGS as string[]), ENTRY], {
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        MONGODB_URI: "",
        BASE_URL: `http://127.0.0.1:${port}`,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      let up = false;
      for (let i = 0; i < 200 && !up; i++) {
        up = await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 50));
      }
      expect(up, `${stderr}`).toBe(true);
      expect(childrenOf(child.pid!), "no helper process under the server").toEqual([]);
      expect(readFileSync(`/proc/${child.pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(1)).toEqual([...(NODE_ARGS as string[]), ENTRY]);
      const login = await (await fetch(`${base}/login`, { headers: { "accept-encoding": "br" } })).text();
      const css = /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(login)?.[1];
      expect(css).toBeDefined();
      const asset = await fetch(`${base}${css}`);
      expect(asset.headers.get("cache-control")).toMatch(/immutable/);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("is the same in every deployment file and in npm start", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    expect(JSON.parse(/^CMD\s+(\[.*\])\s*$/m.exec(dockerfile)![1]!)).toEqual(["node", ...(NODE_ARGS as string[]), ENTRY]);
    for (const [key, value] of Object.entries(env)) expect(dockerfile).toMatch(new RegExp(`\\b${key}=${value}\\b`));

    const render = parseAllDocuments(readFileSync("render.yaml", "utf8"))[0]!.toJS() as {
      services: { startCommand: string; buildCommand: string; envVars: { key: string; value?: string }[] }[];
    };
    const web = render.services[0]!;
    expect(web.startCommand).toBe(command);
    expect(web.buildCommand).toMatch(/npm run build/);
    for (const [key, value] of Object.entries(env)) expect(web.envVars.find((v) => v.key === key)?.value).toBe(value);

    for (const unit of ["deploy/chitfunds.service", "deploy/chitfunds@.service"]) {
      const text = readFileSync(unit, "utf8");
      expect(/^ExecStart=(.*)$/m.exec(text)![1], unit).toBe(`/usr/bin/${command}`);
      for (const [key, value] of Object.entries(env)) expect(text, unit).toContain(`Environment=${key}=${value}`);
    }

    const configMap = parseAllDocuments(readFileSync("deploy/k8s/configmap.yaml", "utf8"))[0]!.toJS() as { data: Record<string, string> };
    for (const [key, value] of Object.entries(env)) expect(configMap.data[key]).toBe(value);

    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe("node scripts/with-node.mjs --production scripts/start.mjs");
    expect(pkg.scripts.build).toMatch(/scripts\/build\.mjs/);

    const guide = readFileSync("DEPLOYMENT.md", "utf8");
    expect(guide).toContain(command);
    expect(guide).not.toMatch(/--import tsx src\/main\.ts/);
  });
});
