// CSV downloads under /api/v1: payments (all, one chit, or a date range) and one chit's schedule.
import { Hono } from "hono";
import { z } from "zod";
import { exportPaymentsCsv, exportQuery } from "../../app/export-payments-csv.ts";
import { exportScheduleCsv } from "../../app/export-schedule-csv.ts";
import type { WebEnv } from "../env.ts";
import { downloadHeaders } from "../file-response.ts";
import { idParam } from "./json/common.ts";
import { type Answer, describeRoute, guarded } from "./openapi/describe-route.ts";

/** How a downloaded file is documented. */
export const fileAnswer = (contentType: string, description: string, headers?: Record<string, string>): Answer => ({
  description: `${description} Sent as an attachment (Content-Disposition) with Cache-Control: private, no-store.`,
  content: { [contentType]: z.string().meta({ contentMediaType: contentType }) },
  ...(headers ? { headers } : {}),
});

const tags = ["exports"];

export const exportsApi = new Hono<WebEnv>()
  .get(
    "/payments/export.csv",
    describeRoute({
      operationId: "exportPaymentsCsv",
      summary: "Payments as CSV, one row per payment, oldest first.",
      description:
        "Columns: date (YYYY-MM-DD), chit, instalment, amount (rupees, 2 decimals, no " +
        "grouping), method, reference, notes, receipts (how many). RFC 4180 quoting, CRLF " +
        "line ends, UTF-8; text cells starting with = + - @ get a leading apostrophe so " +
        "spreadsheets do not run them.",
      tags,
      query: exportQuery,
      responses: {
        200: fileAnswer("text/csv", "The CSV.", { "x-row-count": "How many payments." }),
        400: "BadInput",
        404: "NotFound",
        ...guarded,
      },
    }),
    async (c) => {
      const { csv, filename, count } = await exportPaymentsCsv(
        c.get("services").ledger,
        c.get("member"),
        c.req.query(),
      );
      return c.body(csv, 200, {
        ...downloadHeaders(filename, "text/csv; charset=utf-8"),
        "x-row-count": String(count),
      });
    },
  )
  .get(
    "/chits/:id/schedule.csv",
    describeRoute({
      operationId: "exportScheduleCsv",
      summary:
        "The chit's schedule as CSV: instalment, due_date, discount, dividend, " +
        "dividend_applied, payable, paid, balance, status, estimated, prize, won_by_me.",
      tags,
      params: idParam("chit"),
      responses: { 200: fileAnswer("text/csv", "The CSV."), 404: "NotFound", ...guarded },
    }),
    async (c) => {
      const { csv, filename } = await exportScheduleCsv(c.get("services").ledger, c.get("member"), c.req.param("id"));
      return c.body(csv, 200, downloadHeaders(filename, "text/csv; charset=utf-8"));
    },
  );
