// Metrics in the Prometheus text format (prom-client), in a registry of our own: the process's own figures (memory,
// CPU, event-loop lag, GC) plus request latency by route, store latency, errors, receipts and reminders.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { Metrics } from "../../ports/metrics.ts";

export function prometheusMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "chitfunds_" });
  const registers = [registry];
  const requests = new Histogram({
    name: "chitfunds_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status code.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const store = new Histogram({
    name: "chitfunds_store_operation_duration_seconds",
    help: "Time of one statement (SQLite) or command (MongoDB) sent to the store.",
    labelNames: ["store", "operation"] as const,
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    registers,
  });
  const storeErrors = new Counter({
    name: "chitfunds_store_errors_total",
    help: "Store statements or commands that failed.",
    labelNames: ["store", "operation"] as const,
    registers,
  });
  const errors = new Counter({
    name: "chitfunds_unhandled_errors_total",
    help: "Errors that reached the error handler unexpected (500s).",
    registers,
  });
  const receipts = new Counter({
    name: "chitfunds_receipts_stored_total",
    help: "Receipt files stored with payments.",
    registers,
  });
  const reminders = new Counter({
    name: "chitfunds_reminders_sent_total",
    help: "Reminder messages sent, by channel and outcome.",
    labelNames: ["channel", "outcome"] as const,
    registers,
  });
  // Each series' child looked up once: labelling an observation hashes its labels every time otherwise.
  const requestSeries = new Map<string, ReturnType<typeof requests.labels>>();
  const storeSeries = new Map<string, ReturnType<typeof store.labels>>();
  const child = <C>(series: Map<string, C>, key: string, make: () => C): C => {
    let found = series.get(key);
    if (!found) {
      found = make();
      series.set(key, found);
    }
    return found;
  };
  return {
    request(method, route, status, seconds) {
      child(requestSeries, `${method} ${route} ${status}`, () =>
        requests.labels(method, route, String(status)),
      ).observe(seconds);
    },
    storeOperation(kind, operation, seconds, failed) {
      child(storeSeries, `${kind} ${operation}`, () => store.labels(kind, operation)).observe(seconds);
      if (failed) storeErrors.inc({ store: kind, operation });
    },
    unhandledError() {
      errors.inc();
    },
    receiptsStored(count) {
      if (count > 0) receipts.inc(count);
    },
    reminderSent(channel, failed) {
      reminders.inc({ channel, outcome: failed ? "failed" : "sent" });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
