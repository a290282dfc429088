// The JSON API under /api/v1: every route needs an approved member (session cookie or bearer token).
import { Hono } from "hono";
import { buildSummary } from "../../app/build-summary.ts";
import type { WebEnv } from "../env.ts";
import { requireMember } from "../middleware/session.ts";
import { summaryJson } from "./json.ts";

export const apiV1 = new Hono<WebEnv>()
  .use("*", requireMember)
  .get("/summary", async (c) => c.json(summaryJson(await buildSummary(c.get("services").ledger, c.get("member")))));
