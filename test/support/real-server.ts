// Starts the app the way an operator does (`npm start`) on a free port with a temporary DATA_DIR, and measures it from
// outside: the resident memory of its whole process tree, and raw HTTP requests over a socket.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnv, freshStore } from "./store.ts";

export type RealServer = {
  port: number;
  base: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * The environment of the test runner (vitest sets BASE_URL=/ for itself; a shell's MONGODB_URI is never used) with
 * the server's own settings and the suite's store (a fresh MongoDB database when MONGODB_TEST_URI is set).
 */
function serverEnv(
  port: number,
  dataDir: string,
  store: Record<string, string>,
  env: Record<string, string>,
): NodeJS.ProcessEnv {
  const { BASE_URL: _, ...inherited } = childEnv(store);
  return {
    ...inherited,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...env,
  };
}

/** Runs `npm start` with `env`; resolves once /readyz answers, or rejects with the output when it exits first. */
export async function startRealServer(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<RealServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "chitfunds-real-"));
  const store = freshStore();
  const port = await freePort();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: process.cwd(),
    env: serverEnv(port, dataDir, store.env, env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, base, dataDir, child, output: () => output, stop };
}

/** Runs `npm start` expecting it to stop by itself; resolves with its exit code and output. */
export async function startExpectingExit(
  env: Record<string, string>,
  dataDir: string,
): Promise<{ code: number; output: string }> {
  const port = await freePort();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: process.cwd(),
    env: serverEnv(port, dataDir, {}, env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  }, 60_000);
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  clearTimeout(timer);
  return { code, output };
}

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
export function treeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(name), ppid);
    } catch {}
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 50; p = parents.get(p), hops++)
      if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {}
  }
  return total;
}

/**
 * Sends a POST of `size` bytes over a raw socket (declared Content-Length, or chunked), writing as fast as the server
 * reads, and stops at the first byte of the answer. Resolves with the status and the milliseconds until it came.
 */
export function rawPost(
  port: number,
  path: string,
  options: { size: number; contentType: string; chunked?: boolean; headers?: Record<string, string> },
): Promise<{ status: number; ms: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const started = performance.now();
    let sentBytes = 0;
    let answered = false;
    let head = "";
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const finish = (status: number) => {
      if (answered) return;
      answered = true;
      socket.destroy();
      resolve({ status, ms: Math.round(performance.now() - started), sentBytes });
    };
    socket.on("data", (data) => {
      head += data.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (match) finish(Number(match[1]));
    });
    // The server may close its side once it has answered: stop writing, and let the answer (or its absence) decide.
    let writeError: Error | null = null;
    socket.on("error", (error) => {
      writeError = error;
    });
    socket.on("close", () => {
      if (!answered)
        reject(
          new Error(
            `connection closed without an answer after ${sentBytes} ` +
              `bytes${writeError ? ` (${writeError.message})` : ""}`,
          ),
        );
    });
    socket.connect(port, "127.0.0.1", () => {
      const extra = Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`);
      const length = options.chunked ? "Transfer-Encoding: chunked\r\n" : `Content-Length: ${options.size}\r\n`;
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ` +
          `${options.contentType}\r\n${length}${extra.join("")}\r\n`,
      );
      const pump = () => {
        while (!answered && !writeError && sentBytes < options.size) {
          const piece = chunk.subarray(0, Math.min(chunk.length, options.size - sentBytes));
          sentBytes += piece.length;
          const ok = options.chunked
            ? socket.write(`${piece.length.toString(16)}\r\n`) && socket.write(piece) && socket.write("\r\n")
            : socket.write(piece);
          if (!ok) return void socket.once("drain", pump);
        }
        if (!answered && options.chunked) socket.write("0\r\n\r\n");
      };
      pump();
    });
  });
}
