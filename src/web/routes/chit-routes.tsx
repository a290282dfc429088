// Pages for chits (to be filled in).
import { Hono } from "hono";
import type { WebEnv } from "../env.ts";

export const chitRoutes = new Hono<WebEnv>();
