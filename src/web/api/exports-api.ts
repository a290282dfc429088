// CSV downloads under /api/v1: payments (all, one chit, or a date range) and one chit's schedule.
import { Hono } from "hono";
import { exportPaymentsCsv } from "../../app/export-payments-csv.ts";
import { exportScheduleCsv } from "../../app/export-schedule-csv.ts";
import type { WebEnv } from "../env.ts";

/** Headers for a file the browser should save; names are built from slugs, so they need no escaping. */
export const download = (filename: string, contentType: string) => ({
  "content-type": contentType,
  "content-disposition": `attachment; filename="${filename}"`,
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
});

export const exportsApi = new Hono<WebEnv>()
  .get("/payments/export.csv", async (c) => {
    const { csv, filename, count } = await exportPaymentsCsv(c.get("services").ledger, c.get("member"), c.req.query());
    return c.body(csv, 200, { ...download(filename, "text/csv; charset=utf-8"), "x-row-count": String(count) });
  })
  .get("/chits/:id/schedule.csv", async (c) => {
    const { csv, filename } = await exportScheduleCsv(c.get("services").ledger, c.get("member"), c.req.param("id"));
    return c.body(csv, 200, download(filename, "text/csv; charset=utf-8"));
  });
