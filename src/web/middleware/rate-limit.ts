// A fixed-window rate limit for endpoints better-auth does not guard. Counters live in the store, so several app
// instances behind one load balancer enforce one limit.

import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../app/errors.ts";
import { words } from "../../i18n/words.ts";
import type { WebEnv } from "../env.ts";
import { clientAddress } from "./client-address.ts";

/**
 * `max` requests per `windowMs` per client address (or `key`); the next gets 429 with Retry-After. Off when
 * RATE_LIMIT=false.
 */
export function rateLimit(options: {
  name: string;
  max: number;
  windowMs: number;
  key?: (c: Context<WebEnv>) => string;
}) {
  return createMiddleware<WebEnv>(async (c, next) => {
    const services = c.get("services");
    if (!services.config.rateLimit) return next();
    const key = `${options.name}:${options.key ? options.key(c) : clientAddress(c)}`;
    const now = services.clock.now().getTime();
    const { count, windowStart } = await services.rateCounter.hit(key, options.windowMs, now);
    if (count > options.max) {
      const seconds = Math.max(1, Math.ceil((windowStart + options.windowMs - now) / 1000));
      c.header("retry-after", String(seconds));
      throw new AppError(429, "rate-limited", words("errors.rateLimited", { seconds }));
    }
    await next();
  });
}
