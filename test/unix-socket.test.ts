// SOCKET_PATH: the app serves HTTP on a Unix socket (as hosts that proxy to a socket they name expect), with or
// without a TCP port beside it; a socket file left by a crashed run does not stop it from starting.
import { type ChildProcess, spawn } from "node:child_process";
import { lstatSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { freePort } from "./support/real-server.ts";
import { childEnv, freshStore, type TestStore } from "./support/store.ts";

let child: ChildProcess | undefined;
let dir: string | undefined;
let store: TestStore | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await store?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = dir = store = undefined;
});

const get = (socketPath: string, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ socketPath, path, headers: { host: "localhost" } }, (res) => {
      let body = "";
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });

async function start(env: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), "chitfunds-socket-"));
  store = freshStore();
  const socketPath = join(dir, "app.sock");
  child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "src/main.ts"], {
    env: childEnv(
      { DATA_DIR: join(dir, "data"), ...store.env },
      { NODE_ENV: "production", LOG_LEVEL: "info", SOCKET_PATH: socketPath, ...env },
    ),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => {
    output += d;
  });
  child.stderr!.on("data", (d) => {
    output += d;
  });
  for (let i = 0; i < 300 && !output.includes("is running at"); i++) {
    if (child.exitCode !== null) throw new Error(`the app exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(output).toContain("is running at");
  return { socketPath, output: () => output };
}

it("serves on SOCKET_PATH alone when PORT=off", async () => {
  const { socketPath, output } = await start({ PORT: "off", BASE_URL: "https://example.pythonanywhere.com" });
  const health = await get(socketPath, "/healthz");
  expect(health.status).toBe(200);
  expect((await get(socketPath, "/readyz")).status).toBe(200);
  expect(output()).toContain(`unix:${socketPath}`);
}, 60_000);

it("serves on the port and the socket together, replacing a stale socket file", async () => {
  const stale = mkdtempSync(join(tmpdir(), "chitfunds-stale-"));
  const path = join(stale, "app.sock");
  // A process that dies without closing leaves its socket file behind.
  const crashed = spawn(process.execPath, [
    "-e",
    `require("node:net").createServer().listen(${JSON.stringify(path)}, () => console.log("up"))`,
  ]);
  await new Promise((resolve) => crashed.stdout.once("data", resolve));
  crashed.kill("SIGKILL");
  await new Promise((resolve) => crashed.once("exit", resolve));
  expect(lstatSync(path).isSocket()).toBe(true);
  const port = await freePort();
  const { socketPath } = await start({ PORT: String(port), HOST: "127.0.0.1", SOCKET_PATH: path });
  expect(socketPath).not.toBe(path);
  expect((await get(path, "/healthz")).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  rmSync(stale, { recursive: true, force: true });
}, 60_000);

it("PORT=off without SOCKET_PATH is refused with a message naming both settings", () => {
  expect(() => loadConfig({ PORT: "off" })).toThrow(/PORT: off needs SOCKET_PATH/);
  expect(loadConfig({ PORT: "off", SOCKET_PATH: "/tmp/x.sock" })).toMatchObject({
    port: null,
    socketPath: "/tmp/x.sock",
  });
});
