// The processes the bench measures: the app exactly as production starts it (the compiled dist/main.js under plain
// node, with the same node options), and a bare Hono hello-world started the same way, for a same-run baseline.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** How production starts the server (scripts/production.mjs): node options and environment. */
export async function production(): Promise<{ args: string[]; env: Record<string, string> }> {
  // @ts-expect-error plain JavaScript module
  const { NODE_ARGS, ENV } = (await import("../scripts/production.mjs")) as {
    NODE_ARGS: string[];
    ENV: Record<string, string>;
  };
  // BENCH_NODE_ARGS tries other node options against the same run.
  const args =
    process.env.BENCH_NODE_ARGS === undefined ? NODE_ARGS : process.env.BENCH_NODE_ARGS.split(" ").filter(Boolean);
  return { args, env: ENV };
}

export type Started = { child: ChildProcess; pid: number; msToFirstAnswer: number; url: string };

async function firstAnswer(url: string, child: ChildProcess, started: number, timeoutMs: number): Promise<number> {
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`process ended with code ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill("SIGKILL");
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

export async function startProcess(
  args: string[],
  port: number,
  env: Record<string, string>,
  probe = "/healthz",
): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const ms = await firstAnswer(`${url}${probe}`, child, started, 20_000);
  return { child, pid: child.pid!, msToFirstAnswer: ms, url };
}

export async function stopProcess(p: Started | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  const ended = new Promise((r) => p.child.once("exit", r));
  p.child.kill("SIGTERM");
  await Promise.race([ended, new Promise((r) => setTimeout(r, 12_000))]);
  if (p.child.exitCode === null) p.child.kill("SIGKILL");
}

/** Resident memory of one process, from /proc (Linux): the server itself, not a launcher in front of it. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's RSS every `everyMs` until stopped; reports the highest seen. */
export function rssSampler(pid: number, everyMs = 50) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // process gone
    }
  }, everyMs);
  return {
    peak: () => peak,
    reset: () => {
      peak = 0;
    },
    stop: () => clearInterval(timer),
  };
}
