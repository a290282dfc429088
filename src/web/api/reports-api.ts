// PDF documents under /api/v1: one chit's statement, and the annual summary across all chits.
import { Hono } from "hono";
import { buildAnnualReport, yearQuery } from "../../app/build-annual-report.ts";
import { buildStatement } from "../../app/build-statement.ts";
import { slug } from "../../app/export-payments-csv.ts";
import { todayIn } from "../../domain/dates.ts";
import type { WebEnv } from "../env.ts";
import { downloadHeaders } from "../file-response.ts";
import { fileAnswer } from "./exports-api.ts";
import { idParam } from "./json/common.ts";
import { describeRoute, guarded } from "./openapi/describe-route.ts";

const tags = ["exports"];

// The PDF renderers (pdfkit, fonts) load with the first PDF asked for, not at start-up.
export const reportsApi = new Hono<WebEnv>()
  .get(
    "/chits/:id/statement.pdf",
    describeRoute({
      operationId: "chitStatementPdf",
      summary:
        "The chit's statement as a PDF: member, foreman, terms, every instalment with its " +
        "payments, prize, totals, the rate, receipt thumbnails.",
      tags,
      params: idParam("chit"),
      responses: {
        200: fileAnswer("application/pdf", "The PDF (A4 landscape, page numbers, generated date)."),
        404: "NotFound",
        ...guarded,
      },
    }),
    async (c) => {
      const member = c.get("member");
      const statement = await buildStatement(c.get("services").ledger, member, c.req.param("id"));
      const { renderStatementPdf } = await import("../pdf/statement-pdf.ts");
      const pdf = await renderStatementPdf(statement);
      const day = todayIn(member.timeZone, statement.generatedAt);
      const filename = `statement-${slug(statement.report.chit.name)}-${day}.pdf`;
      return c.body(new Uint8Array(pdf), 200, downloadHeaders(filename, "application/pdf"));
    },
  )
  .get(
    "/reports/annual.pdf",
    describeRoute({
      operationId: "annualSummaryPdf",
      summary:
        "A year across all chits as a PDF: paid, fell due, dividends, prize money, by chit " +
        "and by month, and every payment.",
      tags,
      query: yearQuery,
      responses: { 200: fileAnswer("application/pdf", "The PDF."), 400: "BadInput", ...guarded },
    }),
    async (c) => {
      const report = await buildAnnualReport(c.get("services").ledger, c.get("member"), c.req.query());
      const { renderAnnualReportPdf } = await import("../pdf/annual-report-pdf.ts");
      const pdf = await renderAnnualReportPdf(report);
      return c.body(new Uint8Array(pdf), 200, downloadHeaders(`annual-summary-${report.year}.pdf`, "application/pdf"));
    },
  );
