// The JSON API under /api/v1: every route needs an approved member (session cookie or bearer token).
import { Hono } from "hono";
import { buildSummary } from "../../app/build-summary.ts";
import { duesQuery, listDues } from "../../app/list-dues.ts";
import type { WebEnv } from "../env.ts";
import { ledgerCached } from "../middleware/ledger-cache.ts";
import { requireMember } from "../middleware/session.ts";
import { chitsApi } from "./chits-api.ts";
import { exportsApi } from "./exports-api.ts";
import { importsApi } from "./imports-api.ts";
import { duePageJson, duePageSchema, summaryJson, summarySchema } from "./json/summary-json.ts";
import { notificationsApi } from "./notifications-api.ts";
import { describeRoute, guarded } from "./openapi/describe-route.ts";
import { paymentsApi } from "./payments-api.ts";
import { receiptsApi } from "./receipts-api.ts";
import { reportsApi } from "./reports-api.ts";
import { screenshotReadApi } from "./screenshot-read-api.ts";
import { tokensApi } from "./tokens-api.ts";

export const apiV1 = new Hono<WebEnv>()
  .use("*", requireMember)
  // Before paymentsApi: /payments/export.csv must not be taken for /payments/:id.
  .route("/", exportsApi)
  .route("/", reportsApi)
  .route("/", importsApi)
  .route("/", tokensApi)
  .route("/", chitsApi)
  .route("/", paymentsApi)
  .route("/", screenshotReadApi)
  .route("/", receiptsApi)
  .route("/", notificationsApi)
  .get(
    "/summary",
    describeRoute({
      operationId: "getSummary",
      summary: "Totals across chits, upcoming (30 days) and overdue instalments, a card per chit.",
      tags: ["summary"],
      responses: { 200: { description: "The summary.", json: summarySchema }, ...guarded },
    }),
    ledgerCached,
    async (c) => c.json(summaryJson(await buildSummary(c.get("services").ledger, c.get("member")))),
  )
  .get(
    "/dues",
    describeRoute({
      operationId: "listDues",
      summary: "Instalments overdue, or due in the next 30 days, across the member's chits, a page at a time.",
      tags: ["summary"],
      query: duesQuery,
      responses: { 200: { description: "One page of instalments.", json: duePageSchema }, 400: "BadInput", ...guarded },
    }),
    ledgerCached,
    async (c) => c.json(duePageJson(await listDues(c.get("services").ledger, c.get("member"), c.req.query()))),
  );
