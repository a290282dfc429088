// A small fixed-window rate limit kept in memory (per instance), for endpoints better-auth does not guard.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../app/errors.ts";
import type { WebEnv } from "../env.ts";
import { clientAddress } from "./client-address.ts";

const MAX_KEYS = 10_000;

/** `max` requests per `windowMs` per client address; the next gets 429 with Retry-After. Off when RATE_LIMIT=false. */
export function rateLimit(options: { max: number; windowMs: number; key?: (c: Context<WebEnv>) => string }) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware<WebEnv>(async (c, next) => {
    if (!c.get("services").config.rateLimit) return next();
    const key = options.key ? options.key(c) : clientAddress(c);
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      if (windows.size >= MAX_KEYS) windows.clear();
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.max) {
      const seconds = Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000));
      c.header("retry-after", String(seconds));
      throw new AppError(429, "rate-limited", `Too many requests. Try again in ${seconds} seconds.`);
    }
    await next();
  });
}
