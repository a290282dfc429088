// The member's chits as a list of cards, and the question asked before a chit is deleted.
import type { ChitCard } from "../../app/build-summary.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatDate, formatMoney } from "../format.ts";
import { ChitStatusBadges, ConfirmDeleteView, plural } from "./ledger-parts.tsx";

export type ChitListItem = { chit: Chit; card: ChitCard };

export function ChitListView(p: { items: ChitListItem[] }) {
  return (
    <>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 class="h3 mb-0">Chits</h1>
        <a class="btn btn-primary" href="/chits/new">
          Add chit
        </a>
      </div>
      {p.items.length === 0 ? (
        <div class="card card-body text-center py-5">
          <h2 class="h5">No chits yet</h2>
          <p class="text-muted">Add each chit you hold, with its foreman's rules, to see what is due and what it really costs or earns.</p>
          <div>
            <a class="btn btn-primary" href="/chits/new">
              Add your first chit
            </a>
          </div>
        </div>
      ) : (
        <ul class="row row-cols-1 row-cols-md-2 row-cols-xl-3 g-3 list-unstyled" aria-label="Your chits">
          {p.items.map(({ chit, card }) => (
            <li class="col">
              <article class="card card-chit h-100" aria-labelledby={`chit-${chit.id}`}>
                <div class="card-body">
                  <div class="d-flex justify-content-between align-items-start gap-2">
                    <h2 class="h6 mb-1" id={`chit-${chit.id}`}>
                      <a href={`/chits/${chit.id}`}>{chit.name}</a>
                    </h2>
                    <ChitStatusBadges chit={chit} />
                  </div>
                  <div class="small text-muted mb-2">
                    {chit.organizer || "No foreman recorded"}
                    {chit.ticketNo ? ` · ticket ${chit.ticketNo}` : ""}
                  </div>
                  <dl class="row small mb-2">
                    <dt class="col-6 fw-normal text-muted">Chit value</dt>
                    <dd class="col-6 mb-0 amount text-end">{formatMoney(chit.terms.chitValue)}</dd>
                    <dt class="col-6 fw-normal text-muted">Instalments</dt>
                    <dd class="col-6 mb-0 text-end">
                      {card.paidInstalments} of {card.instalments} paid
                    </dd>
                  </dl>
                  <label class="small d-block" for={`progress-${chit.id}`}>
                    Paid <span class="amount">{formatMoney(card.paid)}</span> of <span class="amount">{formatMoney(card.totalPayable)}</span> payable
                  </label>
                  <progress
                    class="ledger-progress w-100"
                    id={`progress-${chit.id}`}
                    max={Math.max(1, card.totalPayable)}
                    value={Math.min(card.paid, card.totalPayable)}
                  >
                    {card.totalPayable ? Math.round((card.paid / card.totalPayable) * 100) : 0}%
                  </progress>
                  <div class="small mt-2">
                    {card.next ? (
                      <>
                        Next due: instalment {card.next.number}, <span class="amount">{formatMoney(card.next.balance)}</span> on {formatDate(card.next.dueDate)}
                        {card.overdue > 0 && <span class="badge text-bg-danger ms-1">Overdue {formatMoney(card.overdue)}</span>}
                      </>
                    ) : chit.status === "closed" ? (
                      "Closed."
                    ) : (
                      "Nothing left to pay."
                    )}
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function DeleteChitView(p: { csrfToken: string; chit: Chit; payments: number; receipts: number }) {
  return (
    <ConfirmDeleteView
      csrfToken={p.csrfToken}
      title={`Delete ${p.chit.name}`}
      question={deleteChitQuestion(p.chit, p.payments, p.receipts)}
      details={<p>Its schedule, auction records, payments and receipt files are removed for good. This cannot be undone.</p>}
      action={`/chits/${p.chit.id}/delete`}
      cancelHref={`/chits/${p.chit.id}`}
      button="Delete chit"
    />
  );
}

export function deleteChitQuestion(chit: Chit, payments: number, receipts: number): string {
  return `Delete ${chit.name} with ${plural(payments, "payment")} and ${plural(receipts, "receipt")}?`;
}
