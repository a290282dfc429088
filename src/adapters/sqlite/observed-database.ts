// Times every statement run on the SQLite connection (ours and better-auth's alike) for the store metrics; the
// statement count per request that `npm run bench` prints comes from here too.
import type { StoreObserver } from "../../ports/metrics.ts";
import type { SqliteDatabase } from "./database.ts";

const EXECUTING = new Set(["run", "get", "all", "iterate"]);

/** The statement's kind: select, insert, update, delete, begin, commit... (bounded, unlike the SQL text). */
export function operationOf(sql: string): string {
  const word = /^\s*(?:--[^\n]*\n\s*)*([A-Za-z]+)/.exec(sql)?.[1]?.toLowerCase() ?? "other";
  return [
    "select",
    "insert",
    "update",
    "delete",
    "begin",
    "commit",
    "rollback",
    "pragma",
    "with",
    "create",
    "drop",
    "alter",
  ].includes(word)
    ? word
    : "other";
}

function timed<T>(observe: StoreObserver, operation: string, run: () => T): T {
  const started = performance.now();
  let failed = true;
  try {
    const result = run();
    failed = false;
    return result;
  } finally {
    observe(operation, (performance.now() - started) / 1000, failed);
  }
}

/** Wraps the connection's prepare() and exec() in place, so every holder of this connection is observed. */
export function observeDatabase(db: SqliteDatabase, observe: StoreObserver): SqliteDatabase {
  const prepare = db.prepare.bind(db) as (...args: unknown[]) => object;
  const exec = db.exec.bind(db);
  const wrap = (statement: object, operation: string) => {
    // The timed run(), get(), all() and iterate() of this statement, made once (statements are prepared once and
    // reused).
    const executing = new Map<string, (...args: unknown[]) => unknown>();
    return new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== "function") return value;
        if (typeof key === "string" && EXECUTING.has(key)) {
          let timedRun = executing.get(key);
          if (!timedRun) {
            timedRun = (...args: unknown[]) => timed(observe, operation, () => value.apply(target, args));
            executing.set(key, timedRun);
          }
          return timedRun;
        }
        return value.bind(target);
      },
    });
  };
  Object.assign(db, {
    prepare: (...args: unknown[]) => wrap(prepare(...args), operationOf(String(args[0]))),
    exec: (sql: string) => timed(observe, operationOf(sql), () => exec(sql)),
  });
  return db;
}
