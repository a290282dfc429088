// Small pieces the chit, payment and history pages share: breadcrumbs, status badges, receipt thumbnails, a
// confirmation page.
import type { Child } from "hono/jsx";
import type { InstalmentStatus } from "../../domain/schedule.ts";
import type { Chit, PaymentMethod, Receipt } from "../../ports/ledger.ts";
import { type T, translatorFor } from "../i18n/index.ts";
import { Form } from "./form.tsx";

/** English, for the pages not translated yet (they pass no `t`). */
const english = translatorFor("en");

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  upi: "UPI",
  cash: "Cash",
  bank: "Bank transfer",
  cheque: "Cheque",
  other: "Other",
};

/** A payment method in the reader's language. */
export function methodLabel(t: T, method: PaymentMethod): string {
  return Object.hasOwn(METHOD_LABELS, method) ? t(`ledger.${method}`) : method;
}

const STATUS: Record<InstalmentStatus, { label: "paid" | "partPaid" | "due" | "overdue" | "upcoming"; tone: string }> =
  {
    paid: { label: "paid", tone: "text-bg-success" },
    "part-paid": { label: "partPaid", tone: "text-bg-warning" },
    due: { label: "due", tone: "text-bg-primary" },
    overdue: { label: "overdue", tone: "text-bg-danger" },
    upcoming: { label: "upcoming", tone: "text-bg-light border" },
  };

export function InstalmentBadge(p: { status: InstalmentStatus | string; t?: T }) {
  const s = Object.hasOwn(STATUS, p.status) ? STATUS[p.status as InstalmentStatus] : undefined;
  return (
    <span class={`badge ${s?.tone ?? "text-bg-secondary"}`}>
      {s ? (p.t ?? english)(`ledger.${s.label}`) : p.status}
    </span>
  );
}

/** active or closed, plus "prized" once the member has won an auction in it. */
export function ChitStatusBadges(p: { chit: Pick<Chit, "status" | "instalments">; t?: T }) {
  const t = p.t ?? english;
  const prized = p.chit.instalments.some((r) => r.wonByMe);
  return (
    <span class="d-inline-flex gap-1 align-middle">
      {p.chit.status === "closed" ? (
        <span class="badge text-bg-secondary">{t("ledger.closed")}</span>
      ) : (
        <span class="badge text-bg-success">{t("ledger.active")}</span>
      )}
      {prized && <span class="badge text-bg-info">{t("ledger.prized")}</span>}
    </span>
  );
}

/** Thumbnails that open the full receipt; PDFs show an icon thumbnail and open as a download. */
export function ReceiptThumbnails(p: { receipts: Receipt[]; label: string; t?: T }) {
  if (p.receipts.length === 0) return null;
  const t = p.t ?? english;
  return (
    <ul class="list-inline mb-0">
      {p.receipts.map((r, i) => (
        <li class="list-inline-item">
          <a href={`/receipts/${r.id}/view`} title={r.originalName || t("ledger.receipt", { number: i + 1 })}>
            <img
              class="receipt-thumb border"
              src={`/receipts/${r.id}/thumbnail`}
              alt={
                t("ledger.receiptAlt", { label: p.label, number: i + 1 }) +
                (r.contentType === "application/pdf" ? t("ledger.pdf") : "")
              }
              loading="lazy"
              width={72}
              height={72}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The page asked for before something is deleted, so deleting works without JavaScript too. */
export function ConfirmDeleteView(p: {
  csrfToken: string;
  title: string;
  question: string;
  details: Child;
  action: string;
  cancelHref: string;
  button: string;
  t?: T;
}) {
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-md-8 col-lg-6">
        <h1 class="h3">{p.title}</h1>
        <p class="lead">{p.question}</p>
        <div class="mb-3">{p.details}</div>
        <Form action={p.action} csrfToken={p.csrfToken} label={p.title} class="d-flex flex-wrap gap-2">
          <input type="hidden" name="confirm" value="yes" />
          <button class="btn btn-danger" type="submit">
            {p.button}
          </button>
          <a class="btn btn-outline-secondary" href={p.cancelHref}>
            {(p.t ?? english)("ledger.cancel")}
          </a>
        </Form>
      </div>
    </div>
  );
}

/**
 * A delete button: with JavaScript, app.js asks `question` and adds confirm=yes; without it, the server asks on a page.
 */
export function DeleteButton(p: {
  csrfToken: string;
  action: string;
  question: string;
  label: string;
  small?: boolean;
}) {
  return (
    <Form action={p.action} csrfToken={p.csrfToken} confirm={p.question} class="d-inline">
      <button class={`btn btn-outline-danger${p.small ? " btn-sm" : ""}`} type="submit">
        {p.label}
      </button>
    </Form>
  );
}

/**
 * A translated sentence with elements in it (an amount in its own span): each {{name}} in the words is replaced by
 * nodes[name], wherever the language puts it.
 */
export function withNodes(t: T, key: Parameters<T>[0], nodes: Record<string, Child>): Child[] {
  const marks = Object.fromEntries(Object.keys(nodes).map((name) => [name, `\u0001${name}\u0001`]));
  const text = String(t(key as never, marks as never));
  return text.split("\u0001").map((part, i) => (i % 2 === 1 ? (nodes[part] ?? part) : part));
}

/** The trail above a ledger page: links to the pages above it, then the current page. */
export function Breadcrumb(p: { links: { href: string; label: Child }[]; current: Child; label: string }) {
  return (
    <nav aria-label={p.label}>
      <ol class="breadcrumb">
        {p.links.map((link) => (
          <li class="breadcrumb-item">
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
        <li class="breadcrumb-item active" aria-current="page">
          {p.current}
        </li>
      </ol>
    </nav>
  );
}
