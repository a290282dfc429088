// The sweep of orphan receipt files: once soon after start-up, then every day. Each run logs how many files it removed;
// a failed run is logged and the next one tries again.

import type { Logger } from "pino";
import { type SweepDeps, sweepOrphanFiles } from "../app/sweep-orphan-files.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export type FileSweepJob = { stop(): Promise<void>; runNow(): Promise<void> };

export function startFileSweepJob(deps: SweepDeps, log: Logger, options: { intervalMs?: number } = {}): FileSweepJob {
  let running: Promise<void> | null = null;
  const sweep = async () => {
    try {
      const { checked, orphans, incomplete } = await sweepOrphanFiles(deps);
      log.info(
        { checked, orphans, incomplete },
        `receipt file sweep: removed ${orphans} orphan file(s) and ${incomplete} unfinished ` +
          `write(s) of ${checked} checked`,
      );
    } catch (error) {
      log.error({ err: error }, "receipt file sweep failed; it runs again tomorrow");
    }
  };
  const run = () => {
    running ??= sweep().finally(() => {
      running = null;
    });
    return running;
  };
  const first = setTimeout(run, 0);
  const daily = setInterval(run, options.intervalMs ?? DAY_MS);
  first.unref();
  daily.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(daily);
      await running;
    },
    runNow: run,
  };
}
