// Small pieces the chit, payment and history pages share: status badges, receipt thumbnails, a confirmation page.
import type { Child } from "hono/jsx";
import type { InstalmentStatus } from "../../domain/schedule.ts";
import type { Chit, PaymentMethod, Receipt } from "../../ports/ledger.ts";
import { Form } from "./form.tsx";

export const METHOD_LABELS: Record<PaymentMethod, string> = { upi: "UPI", cash: "Cash", bank: "Bank transfer", cheque: "Cheque", other: "Other" };

const STATUS: Record<InstalmentStatus, { label: string; tone: string }> = {
  paid: { label: "Paid", tone: "text-bg-success" },
  "part-paid": { label: "Part-paid", tone: "text-bg-warning" },
  due: { label: "Due", tone: "text-bg-primary" },
  overdue: { label: "Overdue", tone: "text-bg-danger" },
  upcoming: { label: "Upcoming", tone: "text-bg-light border" },
};

export function InstalmentBadge(p: { status: InstalmentStatus | string }) {
  const s = STATUS[p.status as InstalmentStatus] ?? { label: p.status, tone: "text-bg-secondary" };
  return <span class={`badge ${s.tone}`}>{s.label}</span>;
}

/** active or closed, plus "prized" once the member has won an auction in it. */
export function ChitStatusBadges(p: { chit: Pick<Chit, "status" | "instalments"> }) {
  const prized = p.chit.instalments.some((r) => r.wonByMe);
  return (
    <span class="d-inline-flex gap-1 align-middle">
      {p.chit.status === "closed" ? <span class="badge text-bg-secondary">Closed</span> : <span class="badge text-bg-success">Active</span>}
      {prized && <span class="badge text-bg-info">Prized</span>}
    </span>
  );
}

/** Thumbnails that open the full receipt; PDFs show an icon thumbnail and open as a download. */
export function ReceiptThumbnails(p: { receipts: Receipt[]; label: string }) {
  if (p.receipts.length === 0) return null;
  return (
    <ul class="list-inline mb-0">
      {p.receipts.map((r, i) => (
        <li class="list-inline-item">
          <a href={`/receipts/${r.id}/view`} title={r.originalName || `Receipt ${i + 1}`}>
            <img
              class="receipt-thumb border"
              src={`/receipts/${r.id}/thumbnail`}
              alt={`${p.label}: receipt ${i + 1}${r.contentType === "application/pdf" ? " (PDF)" : ""}`}
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
            Cancel
          </a>
        </Form>
      </div>
    </div>
  );
}

/** A delete button: with JavaScript, app.js asks `question` and adds confirm=yes; without it, the server asks on a page. */
export function DeleteButton(p: { csrfToken: string; action: string; question: string; label: string; small?: boolean }) {
  return (
    <Form action={p.action} csrfToken={p.csrfToken} confirm={p.question} class="d-inline">
      <button class={`btn btn-outline-danger${p.small ? " btn-sm" : ""}`} type="submit">
        {p.label}
      </button>
    </Form>
  );
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
