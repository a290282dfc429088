// What the app counts and times for monitoring (GET /metrics): requests by route, errors, store operations, receipts
// stored and reminders sent. The adapter decides the format (Prometheus text); a no-op stands in where nothing scrapes.
/** Told of every statement (SQLite) or command (MongoDB) sent to the store. */
export type StoreObserver = (operation: string, seconds: number, failed: boolean) => void;

export interface Metrics {
  /** One HTTP request answered: its route pattern (never the raw path, so ids do not multiply the series). */
  request(method: string, route: string, status: number, seconds: number): void;
  /** One statement or command sent to the store. */
  storeOperation(store: "sqlite" | "mongodb", operation: string, seconds: number, failed: boolean): void;
  /** An error that reached the error handler unexpected (a 500 for the member). */
  unhandledError(): void;
  receiptsStored(count: number): void;
  reminderSent(channel: string, failed: boolean): void;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export const noMetrics: Metrics = {
  request() {},
  storeOperation() {},
  unhandledError() {},
  receiptsStored() {},
  reminderSent() {},
  async render() {
    return { contentType: "text/plain; version=0.0.4; charset=utf-8", body: "" };
  },
};
