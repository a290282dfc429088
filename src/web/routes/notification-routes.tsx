// Pages for notifications (to be filled in).
import { Hono } from "hono";
import type { WebEnv } from "../env.ts";

export const notificationRoutes = new Hono<WebEnv>();
