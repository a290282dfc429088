// Pages for chits: the list, add/edit, the chit page with schedule and rate, close/reopen, delete, and auction records.
import type { Context } from "hono";
import { Hono } from "hono";
import { buildBidAdvice } from "../../app/advise-bid.ts";
import {
  buildChitReport,
  type ChitReportQuery,
  chitReportQuery,
  DEFAULT_REPORT_QUERY,
} from "../../app/build-chit-report.ts";
import { createChit } from "../../app/create-chit.ts";
import { deleteChit } from "../../app/delete-chit.ts";
import { AppError, notFound } from "../../app/errors.ts";
import { findChit } from "../../app/find-chit.ts";
import { chitInput, instalmentInput } from "../../app/ledger-input.ts";
import { listChits } from "../../app/list-chits.ts";
import { withoutBlanks } from "../../app/parse-input.ts";
import { recordInstalment } from "../../app/record-instalment.ts";
import { updateChit } from "../../app/update-chit.ts";
import { nextAuction } from "../../domain/bid-advice.ts";
import { todayIn } from "../../domain/dates.ts";
import type { Chit } from "../../ports/ledger.ts";
import type { WebEnv } from "../env.ts";
import { errorIn } from "../error-words.ts";
import { type FormValues, fieldsOf, formFields } from "../form-values.ts";
import { ledgerCached } from "../middleware/ledger-cache.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { type BidView, bidDiscountValue } from "../views/bid-advice-view.tsx";
import { ChitFormView, chitValues, newChitValues } from "../views/chit-form-view.tsx";
import { ChitPageView } from "../views/chit-page-view.tsx";
import { ChitListView, DeleteChitView } from "../views/chit-views.tsx";
import { InstalmentFormView, instalmentValues } from "../views/instalment-form-view.tsx";

type Ctx = Context<WebEnv>;

const ledger = (c: Ctx) => c.get("services").ledger;

/** Blank percentages on the add form mean "the usual", not 0%. */
function chitInputFrom(values: FormValues, creating: boolean): Record<string, string> {
  const optional = ["commissionPercent", "maxDiscountPercent", "latePenaltyPercent", "lateFee", "prizesPerAuction"];
  return Object.fromEntries(
    Object.entries(values).filter(([k, v]) => !(creating && optional.includes(k) && v.trim() === "")),
  );
}

/**
 * The form's instalment fields -> the use case's input: empty means "clear", and a prize amount replaces the discount.
 */
function instalmentInputFrom(values: FormValues): Record<string, string | null> {
  const raw: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === "wonByMe") raw[key] = value;
    else if (key === "prizeAmount") {
      if (value.trim() !== "") raw[key] = value;
    } else raw[key] = value.trim() === "" ? null : value;
  }
  if (raw.prizeAmount != null) delete raw.discount;
  return raw;
}

/**
 * The rate's benchmark and projection as the API takes them; a bad one is said beside its field and the default used.
 */
function rateQuery(c: Ctx): { query: ChitReportQuery; benchmark: string; benchmarkError?: string } {
  const parsed = chitReportQuery.safeParse(withoutBlanks(c.req.query()));
  const typed = c.req.query("benchmark")?.trim() || String(DEFAULT_REPORT_QUERY.benchmark);
  if (parsed.success) return { query: parsed.data, benchmark: typed };
  const bad = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const query = chitReportQuery.parse(
    withoutBlanks({ ...c.req.query(), ...Object.fromEntries([...bad].map((field) => [field, ""])) }),
  );
  return {
    query,
    benchmark: typed,
    benchmarkError: bad.has("benchmark") ? c.get("t")("rate.benchmarkError") : undefined,
  };
}

/**
 * The chit page's bid section: for a member who has not won, the advice for the instalment and discount they typed
 * (default: the next auction not recorded, at the assumed discount); their typing comes back with any field errors.
 */
async function bidView(c: Ctx, chit: Chit, rate: ChitReportQuery): Promise<BidView | null> {
  if (chit.status !== "active" || chit.instalments.some((r) => r.wonByMe)) return null;
  const next = nextAuction(chit.terms, chit.instalments);
  const typedInstalment = c.req.query("bidInstalment")?.trim() ?? "";
  const typedDiscount = c.req.query("bidDiscount")?.trim() ?? "";
  if (next === null && typedInstalment === "") return null;
  const instalment = typedInstalment || String(next);
  // the page's own projection when the member chose one; otherwise the advice's default (the average discount so far)
  const query = {
    instalment,
    ...(typedDiscount ? { discount: typedDiscount } : {}),
    benchmark: rate.benchmark,
    ...(c.req.query("assumption") ? { assumption: rate.assumption } : {}),
  };
  try {
    const advice = await buildBidAdvice(ledger(c), c.get("member"), chit.id, query);
    return { advice, instalment, discount: bidDiscountValue(typedDiscount, advice), errors: {} };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { advice: null, instalment, discount: typedDiscount, errors: errorIn(c.get("t"), error).fields };
  }
}

function instalmentNumber(c: Ctx, members: number): number {
  const n = Number(c.req.param("n"));
  if (!/^\d+$/.test(c.req.param("n") ?? "") || n < 1 || n > members) throw notFound("instalment");
  return n;
}

async function renderInstalment(c: Ctx, values: FormValues | null, error?: AppError) {
  const member = c.get("member");
  const report = await buildChitReport(ledger(c), member, c.req.param("id") ?? "");
  const n = instalmentNumber(c, report.chit.terms.instalments);
  const row = report.schedule.instalments[n - 1]!;
  return renderPage(
    c,
    c.get("t")("instalmentForm.title", { number: n, name: report.chit.name }),
    <InstalmentFormView
      t={c.get("t")}
      csrfToken={c.get("csrfToken")}
      chit={report.chit}
      figures={report.figures}
      row={row}
      values={values ?? instalmentValues(report.chit, n)}
      errors={error ? errorIn(c.get("t"), error).fields : undefined}
      message={error ? errorIn(c.get("t"), error).message : undefined}
    />,
    { active: "chits", status: error ? error.status : 200 },
  );
}

export const chitRoutes = new Hono<WebEnv>()
  .use("/chits", requireMember)
  .use("/chits/*", requireMember)
  .get("/chits", ledgerCached, async (c) => {
    const list = await listChits(ledger(c), c.get("member"), c.req.query());
    return renderPage(c, c.get("t")("chits.title"), <ChitListView t={c.get("t")} list={list} />, { active: "chits" });
  })
  .get("/chits/new", (c) => {
    const today = todayIn(c.get("member").timeZone, ledger(c).clock.now());
    return renderPage(
      c,
      c.get("t")("chitForm.addTitle"),
      <ChitFormView t={c.get("t")} csrfToken={c.get("csrfToken")} values={newChitValues(today)} />,
      {
        active: "chits",
      },
    );
  })
  .post("/chits", async (c) => {
    const values = await formFields(c, fieldsOf(chitInput));
    try {
      const chit = await createChit(ledger(c), c.get("member").id, chitInputFrom(values, true));
      return c.redirect(`/chits/${chit.id}?notice=chit-added`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const view = (
        <ChitFormView
          t={c.get("t")}
          csrfToken={c.get("csrfToken")}
          values={values}
          errors={errorIn(c.get("t"), error).fields}
          message={errorIn(c.get("t"), error).message}
        />
      );
      return renderPage(c, c.get("t")("chitForm.addTitle"), view, { active: "chits", status: error.status });
    }
  })
  .get("/chits/:id", ledgerCached, async (c) => {
    const { query, benchmark, benchmarkError } = rateQuery(c);
    const report = await buildChitReport(ledger(c), c.get("member"), c.req.param("id"), query);
    const options = { assumption: query.assumption, benchmark, benchmarkError };
    const bid = await bidView(c, report.chit, query);
    const view = (
      <ChitPageView t={c.get("t")} csrfToken={c.get("csrfToken")} report={report} rateOptions={options} bid={bid} />
    );
    return renderPage(c, report.chit.name, view, { active: "chits" });
  })
  .get("/chits/:id/edit", async (c) => {
    const chit = await findChit(ledger(c).chits, c.get("member").id, c.req.param("id"));
    return renderPage(
      c,
      c.get("t")("chitForm.editTitle", { name: chit.name }),
      <ChitFormView t={c.get("t")} csrfToken={c.get("csrfToken")} chit={chit} values={chitValues(chit)} />,
      { active: "chits" },
    );
  })
  .post("/chits/:id/edit", async (c) => {
    const member = c.get("member");
    const chit = await findChit(ledger(c).chits, member.id, c.req.param("id"));
    const values = await formFields(c, fieldsOf(chitInput));
    try {
      await updateChit(ledger(c), member.id, chit.id, chitInputFrom(values, false));
      return c.redirect(`/chits/${chit.id}?notice=chit-saved`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const view = (
        <ChitFormView
          t={c.get("t")}
          csrfToken={c.get("csrfToken")}
          chit={chit}
          values={values}
          errors={errorIn(c.get("t"), error).fields}
          message={errorIn(c.get("t"), error).message}
        />
      );
      return renderPage(c, c.get("t")("chitForm.editTitle", { name: chit.name }), view, {
        active: "chits",
        status: error.status,
      });
    }
  })
  .post("/chits/:id/status", async (c) => {
    const { status } = await formFields(c, ["status"]);
    const chit = await updateChit(ledger(c), c.get("member").id, c.req.param("id"), { status });
    return c.redirect(`/chits/${chit.id}?notice=${chit.status === "closed" ? "chit-closed" : "chit-reopened"}`, 303);
  })
  .get("/chits/:id/delete", async (c) => {
    const member = c.get("member");
    const chit = await findChit(ledger(c).chits, member.id, c.req.param("id"));
    const [payments, receipts] = await Promise.all([
      ledger(c).payments.search(member.id, { chitId: chit.id, limit: 1, offset: 0 }),
      ledger(c).payments.receiptCount(member.id, chit.id),
    ]);
    const t = c.get("t");
    const view = (
      <DeleteChitView t={t} csrfToken={c.get("csrfToken")} chit={chit} payments={payments.total} receipts={receipts} />
    );
    return renderPage(c, t("chits.deleteTitle", { name: chit.name }), view, { active: "chits" });
  })
  .post("/chits/:id/delete", async (c) => {
    const member = c.get("member");
    const chit = await findChit(ledger(c).chits, member.id, c.req.param("id"));
    const { confirm } = await formFields(c, ["confirm"]);
    // Without JavaScript nobody has been asked yet: ask on a page first.
    if (confirm !== "yes") return c.redirect(`/chits/${chit.id}/delete`, 303);
    await deleteChit(ledger(c), member.id, chit.id);
    return c.redirect("/chits?notice=chit-deleted", 303);
  })
  .get("/chits/:id/instalments/:n", (c) => renderInstalment(c, null))
  .post("/chits/:id/instalments/:n", async (c) => {
    const member = c.get("member");
    const chit = await findChit(ledger(c).chits, member.id, c.req.param("id"));
    const n = instalmentNumber(c, chit.terms.instalments);
    const values = await formFields(c, fieldsOf(instalmentInput));
    try {
      await recordInstalment(ledger(c), member.id, chit.id, n, instalmentInputFrom(values));
      return c.redirect(`/chits/${chit.id}?notice=instalment-saved`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return renderInstalment(c, values, error);
    }
  });
