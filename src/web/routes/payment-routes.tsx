// Pages for payments (to be filled in).
import { Hono } from "hono";
import type { WebEnv } from "../env.ts";

export const paymentRoutes = new Hono<WebEnv>();
