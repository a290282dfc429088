// Starts ChitFunds Ledger: config, storage, web server; stops cleanly on SIGTERM/SIGINT.
import { serve } from "@hono/node-server";
import { composeServices } from "./compose.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { startBackupJob } from "./jobs/backup-job.ts";
import { compactHeapWhenIdle } from "./jobs/idle-heap-compaction.ts";
import { scheduleReminders } from "./jobs/reminder-schedule.ts";
import { createWebApp } from "./web/app.tsx";
import { warmAssets } from "./web/assets.ts";
import { createMetricsApp } from "./web/routes/metrics-routes.ts";

async function main() {
  const config = loadConfig();
  const services = await composeServices(config);
  const app = createWebApp(services);
  const reminders = scheduleReminders(services.reminders, config.reminders);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    services.log.info(
      { port: info.port, dataDir: config.dataDir, storage: services.storageKind, mail: services.mailer.kind, approvalMode: config.approvalMode },
      `ChitFunds Ledger is running at ${config.baseUrl}`,
    );
    // Compress the front-end files now, off the event loop, rather than when the first visitor asks for them.
    void warmAssets();
  });
  const compaction = compactHeapWhenIdle(server as Parameters<typeof compactHeapWhenIdle>[0]);
  // /metrics alone on an internal address (METRICS_PORT), for a scraper inside the private network.
  const metricsServer =
    config.metrics.port === undefined
      ? null
      : serve({ fetch: createMetricsApp(services).fetch, port: config.metrics.port, hostname: config.metrics.host }, (info) =>
          services.log.info({ port: info.port, host: config.metrics.host }, "metrics at /metrics"),
        );
  const backups = startBackupJob(services.archive, config.backup, services.log);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    services.log.info({ signal }, "shutting down");
    const backupsStopped = backups?.stop(); // a backup under way finishes before the store closes
    reminders.stop();
    compaction.stop();
    services.live.stop(); // ends open live-notification streams, which would otherwise hold the server open
    metricsServer?.close();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await backupsStopped;
      await services.close();
      process.exit(0);
    });
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`ChitFunds Ledger could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
