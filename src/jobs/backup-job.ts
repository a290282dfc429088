// The scheduled backup (croner): at BACKUP_CRON in BACKUP_TIME_ZONE, write an archive into BACKUP_DIR and keep the
// newest BACKUP_KEEP. Only when BACKUP_DIR is set; a failed run is logged and the next one tries again.
import { Cron } from "croner";
import type { Logger } from "pino";
import type { ArchiveDeps } from "../app/export-archive.ts";
import { runBackup } from "../app/run-backup.ts";
import type { Config } from "../config.ts";

export type BackupJob = {
  /** Stops the schedule; resolves once a backup already under way has finished (so the store can then be closed). */
  stop(): Promise<void>;
  nextRun(): Date | null;
  runNow(): Promise<void>;
};

export function startBackupJob(deps: ArchiveDeps, config: Config["backup"], log: Logger): BackupJob | null {
  const dir = config.dir;
  if (!dir) return null;
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= backup().finally(() => {
      running = null;
    });
    return running;
  };
  const backup = async () => {
    try {
      const { path, counts, removed } = await runBackup(deps, { dir, keep: config.keep });
      log.info({ path, counts, removed }, `backup written to ${path}`);
    } catch (error) {
      log.error({ err: error, dir }, `backup into ${dir} failed`);
    }
  };
  const job = new Cron(config.cron, { timezone: config.timeZone, protect: true, unref: true, name: "backup" }, run);
  log.info(
    { dir, cron: config.cron, timeZone: config.timeZone, keep: config.keep, next: job.nextRun()?.toISOString() },
    "scheduled backups are on",
  );
  return {
    stop: async () => {
      job.stop();
      await running;
    },
    nextRun: () => job.nextRun(),
    runNow: run,
  };
}
