// Starts ChitFunds Ledger: config, storage (refused in plain words when it cannot be used), web server on a port and/or
// a Unix socket; stops cleanly on SIGTERM/SIGINT.
import { serve } from "@hono/node-server";
import { assess, checkLines, problemText, storageText } from "./app/check-store.ts";
import { composeServices } from "./compose.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { translatorFor } from "./i18n/index.ts";
import { startBackupJob } from "./jobs/backup-job.ts";
import { startFileSweepJob } from "./jobs/file-sweep-job.ts";
import { compactHeapWhenIdle } from "./jobs/idle-heap-compaction.ts";
import { scheduleReminders } from "./jobs/reminder-schedule.ts";
import { listenOn } from "./listen.ts";
import { StoreRefusedError } from "./ports/store-health.ts";
import { createWebApp } from "./web/app.tsx";
import { warmAssets } from "./web/assets.ts";
import { createMetricsApp } from "./web/routes/metrics-routes.ts";

/** Messages for the operator (console and log) are in English. */
const operatorT = translatorFor("en");

async function main() {
  const config = loadConfig();
  const services = await composeServices(config);
  const app = createWebApp(services);
  const reminders = scheduleReminders(services.reminders, config.reminders);
  const server = await listenOn(app.fetch, config);
  services.log.info(
    {
      listen: server.addresses,
      dataDir: config.dataDir,
      storage: services.storageKind,
      mail: services.mailer.kind,
      approvalMode: config.approvalMode,
    },
    `ChitFunds Ledger is running at ${config.baseUrl}`,
  );
  // The same checks as `chitfunds doctor`, once started: storage used, and a warning from 80 % of the limit. A few
  // seconds after start, so walking the stored files does not hold up the first requests.
  const storageReport = setTimeout(() => void reportStorage(), 3000);
  storageReport.unref();
  const reportStorage = () =>
    services.storeHealth
      .report()
      .then((report) => {
        const check = assess(report);
        if (report.storage)
          services.log.info({ storage: report.storage }, storageText(operatorT, report.storage, check.percent));
        if (check.warning) services.log.warn(operatorT("store.storageWarning", { percent: check.percent }));
        for (const problem of report.problems)
          services.log.error({ problem: problem.code }, problemText(operatorT, problem));
      })
      .catch((error) => services.log.warn({ err: error }, "could not measure the storage used"));
  // Compress the front-end files now, off the event loop, rather than when the first visitor asks for them.
  void warmAssets();
  const compaction = compactHeapWhenIdle(server.servers);
  // /metrics alone on an internal address (METRICS_PORT), for a scraper inside the private network.
  const metricsServer =
    config.metrics.port === undefined
      ? null
      : serve(
          { fetch: createMetricsApp(services).fetch, port: config.metrics.port, hostname: config.metrics.host },
          (info) => services.log.info({ port: info.port, host: config.metrics.host }, "metrics at /metrics"),
        );
  const backups = startBackupJob(services.archive, config.backup, services.log);
  const fileSweep = startFileSweepJob(services.ledger, services.log);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(storageReport);
    services.log.info({ signal }, "shutting down");
    const backupsStopped = backups?.stop(); // a backup under way finishes before the store closes
    const sweepStopped = fileSweep.stop();
    reminders.stop();
    compaction.stop();
    services.live.stop(); // ends open live-notification streams, which would otherwise hold the server open
    metricsServer?.close();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await backupsStopped;
      await sweepStopped;
      await services.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof StoreRefusedError) {
    console.error(operatorT("store.refused", { store: error.report.description }));
    for (const line of checkLines(operatorT, assess(error.report))) console.error(`  ${line}`);
  } else console.error(`ChitFunds Ledger could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
