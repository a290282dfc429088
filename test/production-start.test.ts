// Production runs one plain `node` process on the compiled JavaScript, the same way everywhere: the build makes dist/,
// the start command is the one in scripts/production.mjs, and every deployment file (Dockerfile, render.yaml, the
// systemd units, Kubernetes, DEPLOYMENT.md) and `npm start` say the same.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
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
  it("builds dist/ and runs it as one plain node process that answers, serves assets and stops on SIGTERM", {
    timeout: 120_000,
  }, async () => {
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
      expect(readFileSync(`/proc/${child.pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(1)).toEqual([
        ...(NODE_ARGS as string[]),
        ENTRY,
      ]);
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

  it("runs every part that loads on demand from its bundled chunks: the CLI, photos, PDFs, metrics", {
    timeout: 120_000,
  }, async () => {
    // Built by the test above (same file, in order); the CLI below is the built one, as `npx chitfunds` runs it.
    const dataDir = mkdtempSync(join(tmpdir(), "chitfunds-prod-"));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverEnv = {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    };
    const settings = {
      ...serverEnv,
      MONGODB_URI: "",
      BASE_URL: base,
      METRICS_TOKEN: "metrics-token-for-the-built-server",
      RATE_LIMIT: "false",
    };
    const admin = spawnSync(
      process.execPath,
      ["dist/cli/main.js", "create-admin", "--email", "owner@example.com", "--password", "a long pass phrase here"],
      {
        env: settings,
        encoding: "utf8",
      },
    );
    expect(admin.status, admin.stderr).toBe(0);
    const child = spawn(process.execPath, [...(NODE_ARGS as string[]), ENTRY], {
      env: settings,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    try {
      let up = false;
      for (let i = 0; i < 200 && !up; i++) {
        up = await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 50));
      }
      expect(up, stderr).toBe(true);
      const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "owner@example.com", password: "a long pass phrase here" }),
      });
      expect(signIn.status, await signIn.clone().text()).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const json = (path: string, body: unknown) =>
        fetch(`${base}${path}`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const chit = (await (
        await json("/api/v1/chits", {
          name: "Built",
          chitValue: 100000,
          members: 20,
          startDate: "2025-01-05",
          dueDay: 5,
        })
      ).json()) as {
        id: string;
      };
      const photo = await sharp({
        create: { width: 1200, height: 900, channels: 3, background: { r: 240, g: 240, b: 230 } },
      })
        .jpeg()
        .toBuffer();
      const form = new FormData();
      form.set("instalment", "1");
      form.append("receipts", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "receipt.jpg");
      const paid = await fetch(`${base}/api/v1/chits/${chit.id}/payments`, {
        method: "POST",
        headers: { cookie },
        body: form,
      });
      expect(paid.status, `${await paid.clone().text()}\n${stderr}`).toBe(201);
      const pdf = await fetch(`${base}/api/v1/chits/${chit.id}/statement.pdf`, { headers: { cookie } });
      expect(pdf.status, stderr).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
      const dashboard = await fetch(`${base}/dashboard`, { headers: { cookie, "accept-encoding": "br" } });
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toContain("Built");
      const metrics = await (
        await fetch(`${base}/metrics`, { headers: { authorization: "Bearer metrics-token-for-the-built-server" } })
      ).text();
      expect(metrics).toMatch(/chitfunds_receipts_stored_total 1\b/);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("is the same in every deployment file and in npm start", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    expect(JSON.parse(/^CMD\s+(\[.*\])\s*$/m.exec(dockerfile)![1]!)).toEqual([
      "node",
      ...(NODE_ARGS as string[]),
      ENTRY,
    ]);
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

    const configMap = parseAllDocuments(readFileSync("deploy/k8s/configmap.yaml", "utf8"))[0]!.toJS() as {
      data: Record<string, string>;
    };
    for (const [key, value] of Object.entries(env)) expect(configMap.data[key]).toBe(value);

    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe("node scripts/with-node.mjs --production scripts/start.mjs");
    expect(pkg.scripts.build).toMatch(/scripts\/build\.mjs/);

    const guide = readFileSync("DEPLOYMENT.md", "utf8");
    expect(guide).toContain(command);
    expect(guide).not.toMatch(/--import tsx src\/main\.ts/);
  });
});
