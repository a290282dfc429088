// The share target: a screenshot or PDF shared from a UPI app to the installed app is POSTed to /share, kept as pending
// for this browser (a cookie), and the member lands on a new payment with it attached and the fields read from it. A
// member not signed in signs in first and comes back to the same form. Nothing is recorded until the form is sent.
import type { Context } from "hono";
import { Hono } from "hono";
import { buildSummary } from "../../app/build-summary.ts";
import { AppError } from "../../app/errors.ts";
import { guessChit } from "../../app/guess-chit.ts";
import {
  findSharedFile,
  keepSharedFile,
  SHARE_TTL_MS,
  type SharedFile,
  sharedFileBytes,
} from "../../app/keep-shared-file.ts";
import { readPaymentScreenshotFile } from "../../app/read-payment-screenshot.ts";
import type { ScreenshotFields } from "../../domain/screenshot/read-payment-screenshot.ts";
import type { Payment } from "../../ports/ledger.ts";
import type { WebEnv } from "../env.ts";
import type { FormValues } from "../form-values.ts";
import { amountForInput, formatMoney } from "../format.ts";
import type { T } from "../i18n/index.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { rememberShared, sharedId } from "../shared-cookie.ts";
import type { SharedPayment } from "../views/screenshot-form-parts.tsx";
import { renderPaymentForm } from "./payment-routes.tsx";

type Ctx = Context<WebEnv>;

const NOTHING_READ: ScreenshotFields = { amount: null, reference: null, paidOn: null, payee: null, upiId: null };

/** The first file of the share (Android sends it as `file`; any file field will do). */
async function sharedUpload(c: Ctx) {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError(400, "invalid-form", "The shared file could not be read. Share it again.");
  }
  const file = Object.values(body)
    .flat()
    .find((v): v is File => v instanceof File && v.size > 0);
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
}

/** Reads the pending screenshot (not a PDF); a failed read only means the member fills the fields in. */
async function readShared(c: Ctx, file: SharedFile): Promise<ScreenshotFields> {
  if (!file.contentType.startsWith("image/")) return NOTHING_READ;
  const services = c.get("services");
  const bytes = await sharedFileBytes(services.ledger, file.id);
  if (!bytes) return NOTHING_READ;
  try {
    return await readPaymentScreenshotFile(
      { reader: services.screenshots, clock: services.clock, maxBytes: services.ledger.receiptMaxBytes },
      c.get("member"),
      bytes,
    );
  } catch (error) {
    if (!(error instanceof AppError)) c.get("log").warn({ err: error }, "reading a shared screenshot failed");
    return NOTHING_READ;
  }
}

/**
 * The payment form for the pending shared file: the chit asked for (?chit=), else the one guessed from the payee or the
 * nearest due instalment; empty fields filled from the screenshot and marked so.
 */
export async function renderSharedPaymentForm(
  c: Ctx,
  chitId?: string,
  state: { values?: FormValues; error?: AppError; filesDropped?: boolean } = {},
) {
  const t = c.get("t");
  const file = await findSharedFile(c.get("services").ledger, sharedId(c));
  if (!file) {
    const minutes = Math.round(SHARE_TTL_MS / 60_000);
    return renderPage(
      c,
      t("screenshot.sharedTitle"),
      <div class="alert alert-warning" role="alert">
        {t("screenshot.sharedGone", { minutes })} <a href="/chits">{t("layout.chits")}</a>
      </div>,
      { status: 410 },
    );
  }
  const member = c.get("member");
  const summary = await buildSummary(c.get("services").ledger, member);
  const active = summary.chits.filter((card) => card.status === "active");
  if (active.length === 0) return c.redirect("/chits/new", 303);
  const read = await readShared(c, file);
  const asked = active.find((card) => card.id === (chitId ?? c.req.query("chit")));
  const guess = asked ? null : guessChit(active, read, summary.today);
  const chosen = asked?.id ?? guess?.chitId ?? active[0]!.id;
  const shown = { amount: read.amount === null ? "" : amountForInput(read.amount), reference: read.reference ?? "" };
  const readFields = [read.amount !== null && "amount", read.paidOn && "paidOn", read.reference && "reference"].filter(
    (f): f is string => Boolean(f),
  );
  const shared: SharedPayment = {
    file,
    readFields,
    guess: guess?.reason ?? null,
    chits: active.map((a) => ({ id: a.id, name: a.name })),
    chitId: chosen,
    shown,
  };
  let values = state.values;
  if (!values) {
    // the chit's own defaults (instalment, its balance, today), then what the screenshot shows over them
    const card = active.find((a) => a.id === chosen);
    values = {
      instalment: card?.next ? String(card.next.number) : "",
      amount: read.amount !== null ? amountForInput(read.amount) : card?.next ? amountForInput(card.next.balance) : "",
      paidOn: read.paidOn ?? summary.today,
      method: "upi",
      reference: read.reference ?? "",
      notes: "",
    };
  }
  return renderPaymentForm(c, chosen, null, { ...state, values, shared });
}

/** After saving: the screenshot's amount and reference go along, so the payment's page can warn when they differ. */
export function screenshotCheck(fields: Record<string, string>, payment: Payment): string {
  const params = new URLSearchParams();
  const amount = fields.screenshotAmount?.replace(/,/g, "") ?? "";
  if (/^\d{1,9}(\.\d{1,2})?$/.test(amount) && Math.round(Number(amount) * 100) !== payment.amount)
    params.set("shown-amount", amount);
  const reference = fields.screenshotReference ?? "";
  if (/^\d{12}$/.test(reference) && reference !== payment.reference.trim()) params.set("shown-reference", reference);
  const query = params.toString();
  return query ? `&${query}` : "";
}

/** The warnings for a payment saved with another amount or reference than its screenshot shows (never a refusal). */
export function screenshotWarnings(t: T, query: Record<string, string>, payment: Payment): string[] {
  const warnings: string[] = [];
  const amount = query["shown-amount"] ?? "";
  if (/^\d{1,9}(\.\d{1,2})?$/.test(amount) && Math.round(Number(amount) * 100) !== payment.amount) {
    const shown = formatMoney(Math.round(Number(amount) * 100));
    warnings.push(t("screenshot.differsAmount", { shown, saved: formatMoney(payment.amount) }));
  }
  const reference = query["shown-reference"] ?? "";
  if (/^\d{12}$/.test(reference) && reference !== payment.reference.trim()) {
    warnings.push(t("screenshot.differsReference", { shown: reference, saved: payment.reference.trim() || "—" }));
  }
  return warnings;
}

/** POST /share comes from the browser itself (no CSRF token): refused from another site, capped, rate limited. */
export const shareTarget = new Hono<WebEnv>().post(
  "/share",
  rateLimit({ name: "share", max: 20, windowMs: 60_000 }),
  async (c) => {
    const site = c.req.header("sec-fetch-site");
    if (site === "cross-site" || site === "same-site")
      throw new AppError(403, "cross-site-request", "This request came from another site and was refused.");
    const services = c.get("services");
    const deps = {
      files: services.ledger.files,
      clock: services.clock,
      maxBytes: services.ledger.receiptMaxBytes,
      contentType: (b: Uint8Array) => services.screenshots.contentType(b),
    };
    const file = await keepSharedFile(deps, await sharedUpload(c));
    rememberShared(c, file.id);
    return c.redirect("/share/new", 303);
  },
);

export const shareRoutes = new Hono<WebEnv>()
  .use("/share/new", requireMember)
  .get("/share/new", (c) => renderSharedPaymentForm(c));
