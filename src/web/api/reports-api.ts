// PDF documents under /api/v1: one chit's statement, and the annual summary across all chits.
import { Hono } from "hono";
import { buildAnnualReport } from "../../app/build-annual-report.ts";
import { buildStatement } from "../../app/build-statement.ts";
import { slug } from "../../app/export-payments-csv.ts";
import { todayIn } from "../../domain/dates.ts";
import type { WebEnv } from "../env.ts";
import { download } from "./exports-api.ts";

// The PDF renderers (pdfkit, fonts) load with the first PDF asked for, not at start-up.
export const reportsApi = new Hono<WebEnv>()
  .get("/chits/:id/statement.pdf", async (c) => {
    const member = c.get("member");
    const statement = await buildStatement(c.get("services").ledger, member, c.req.param("id"));
    const { renderStatementPdf } = await import("../../adapters/pdf/statement-pdf.ts");
    const pdf = await renderStatementPdf(statement);
    const filename = `statement-${slug(statement.report.chit.name)}-${todayIn(member.timeZone, statement.generatedAt)}.pdf`;
    return c.body(new Uint8Array(pdf), 200, download(filename, "application/pdf"));
  })
  .get("/reports/annual.pdf", async (c) => {
    const report = await buildAnnualReport(c.get("services").ledger, c.get("member"), c.req.query());
    const { renderAnnualReportPdf } = await import("../../adapters/pdf/annual-report-pdf.ts");
    const pdf = await renderAnnualReportPdf(report);
    return c.body(new Uint8Array(pdf), 200, download(`annual-summary-${report.year}.pdf`, "application/pdf"));
  });
