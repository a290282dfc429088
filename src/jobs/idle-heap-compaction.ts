// Gives memory back when the server goes quiet. V8 keeps the heap at its high-water mark until its own heuristics run
// a memory-reducing collection, which an idle server may never trigger: start-up alone leaves ~25 MB of dead module
// code and a load spike leaves much more. Once no request has started for `idleMs` after some activity (start-up
// counts), one memory-reducing collection runs and empty heap pages go back to the operating system. The pause
// (tens of ms, off the request path by construction) is paid only after activity, never while requests arrive.
import type { Server } from "node:http";
import v8 from "node:v8";
import vm from "node:vm";

type Gc = (options: { type: "major"; execution: "async"; flavor: "last-resort" }) => Promise<void>;

/** V8's gc() with options, without starting node with --expose-gc (the flag only affects contexts made after it). */
function memoryReducingGc(): Gc | null {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as Gc) : null;
  } catch {
    return null;
  }
}

export function compactHeapWhenIdle(servers: readonly Pick<Server, "on">[], idleMs = 5000): { stop(): void } {
  const gc = memoryReducingGc();
  if (!gc) return { stop() {} };
  let lastRequest = performance.now();
  let activity = true; // start-up's garbage
  for (const server of servers) {
    server.on("request", () => {
      lastRequest = performance.now();
      activity = true;
    });
  }
  const timer = setInterval(
    () => {
      if (!activity || performance.now() - lastRequest < idleMs) return;
      activity = false;
      void gc({ type: "major", execution: "async", flavor: "last-resort" });
    },
    Math.max(250, idleMs / 4),
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
